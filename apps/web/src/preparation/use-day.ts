// The day being prepared and its state, reloaded on demand.
import { useEffect, useState } from 'react';
import { getJson } from '../api.ts';
import { currentDayId, type DayState } from './api.ts';

export type DayLoad =
  | { readonly state: 'loading' }
  | { readonly state: 'error'; readonly code: string }
  | { readonly state: 'done'; readonly day: DayState };

export function useDay(version: number): DayLoad {
  const [load, setLoad] = useState<DayLoad>({ state: 'loading' });
  useEffect(() => {
    const controller = new AbortController();
    void (async () => {
      const id = await currentDayId();
      if (!id.ok) {
        if (!controller.signal.aborted) setLoad({ state: 'error', code: id.code });
        return;
      }
      const day = await getJson<DayState>(`/api/preparation/days/${encodeURIComponent(id.value)}`);
      if (!controller.signal.aborted)
        setLoad(day.ok ? { state: 'done', day: day.value } : { state: 'error', code: day.code });
    })();
    return () => {
      controller.abort();
    };
  }, [version]);
  return load;
}
