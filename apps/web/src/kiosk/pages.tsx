// The kiosk pages (mode 8, issue #17), for ../pages.tsx: the kiosk itself and its post's operator.
import { lazy, type ReactNode } from 'react';

// The kiosk carries the booth's cryptography: loaded only there.
const KioskPage = lazy(async () => ({ default: (await import('./kiosk-page.tsx')).KioskPage }));
const KioskOperatorPage = lazy(async () => ({ default: (await import('./operator-page.tsx')).KioskOperatorPage }));

interface Page {
  readonly match: (segments: readonly string[]) => boolean;
  readonly render: (segments: readonly string[]) => ReactNode;
}

export const KIOSK_PAGES: readonly Page[] = [
  { match: (s) => s.length === 1 && s[0] === 'kiosk', render: () => <KioskPage /> },
  { match: (s) => s.length === 2 && s[0] === 'kiosk' && s[1] === 'operator', render: () => <KioskOperatorPage /> },
];
