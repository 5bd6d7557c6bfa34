// The public results pages, for ../pages.tsx: /results (the elections), /results/ELECTION (its
// constituencies, which are final), /results/ELECTION/CONSTITUENCY (the results). Loaded when opened.
import { lazy, type ReactNode } from 'react';
import './results.css';

const ElectionsPage = lazy(async () => ({ default: (await import('./index-pages.tsx')).ElectionsPage }));
const ElectionPage = lazy(async () => ({ default: (await import('./index-pages.tsx')).ElectionPage }));
const ConstituencyPage = lazy(async () => ({ default: (await import('./constituency-page.tsx')).ConstituencyPage }));

interface Page {
  readonly match: (segments: readonly string[]) => boolean;
  readonly render: (segments: readonly string[]) => ReactNode;
}

export const RESULTS_PAGES: readonly Page[] = [
  { match: (s) => s.length === 1 && s[0] === 'results', render: () => <ElectionsPage /> },
  {
    match: (s) => s.length === 2 && s[0] === 'results',
    render: (s) => <ElectionPage electionId={s[1] ?? ''} />,
  },
  {
    match: (s) => s.length === 3 && s[0] === 'results',
    render: (s) => <ConstituencyPage electionId={s[1] ?? ''} constituency={s[2] ?? ''} />,
  },
];
