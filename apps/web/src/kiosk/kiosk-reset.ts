// The end of a voter's turn at the kiosk ("I'm leaving", or two minutes without activity): the voter's
// session ends on the server, the browser's storages are emptied, and the page is loaded again, so
// nothing of the voter stays on screen, in the app's memory or in storage. The kiosk's IndexedDB
// (its key and its queue of sealed ballots, no voter data) stays.
import { useEffect } from 'react';
import { send } from '../auth/api.ts';

export const IDLE_MS = 120_000;

export async function resetKiosk(): Promise<void> {
  await send('POST', '/api/auth/logout', {});
  try {
    window.sessionStorage.clear();
    window.localStorage.clear();
  } catch {
    /* storage unavailable: nothing was kept there */
  }
  window.location.replace('/kiosk');
}

/** Resets the kiosk after `IDLE_MS` without a key, a click or a touch. */
export function useIdleReset(active: boolean): void {
  useEffect(() => {
    if (!active) return;
    let timer = setTimeout(() => void resetKiosk(), IDLE_MS);
    const touch = (): void => {
      clearTimeout(timer);
      timer = setTimeout(() => void resetKiosk(), IDLE_MS);
    };
    const events = ['keydown', 'pointerdown', 'wheel'] as const;
    for (const e of events) window.addEventListener(e, touch);
    return () => {
      clearTimeout(timer);
      for (const e of events) window.removeEventListener(e, touch);
    };
  }, [active]);
}
