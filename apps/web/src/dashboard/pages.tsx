// The operations dashboard, for ../pages.tsx: /watch (choose an election), /watch/ELECTION (the
// organising authority: every constituency), /watch/ELECTION/CONSTITUENCY (a main office). Loaded when opened.
import { lazy, type ReactNode } from 'react';

const ChooserPage = lazy(async () => ({ default: (await import('./dashboard-page.tsx')).ChooserPage }));
const DashboardPage = lazy(async () => ({ default: (await import('./dashboard-page.tsx')).DashboardPage }));

interface Page {
  readonly match: (segments: readonly string[]) => boolean;
  readonly render: (segments: readonly string[]) => ReactNode;
}

export const DASHBOARD_PAGES: readonly Page[] = [
  { match: (s) => s.length === 1 && s[0] === 'watch', render: () => <ChooserPage /> },
  {
    match: (s) => (s.length === 2 || s.length === 3) && s[0] === 'watch',
    render: (s) => <DashboardPage electionId={s[1] ?? ''} constituency={s[2] ?? null} />,
  },
];
