// The pages of the count at the main office, for ../pages.tsx. Officials' screens are loaded only
// when opened (React.lazy): a voter's home page does not carry them.
import { lazy, type ReactNode } from 'react';
import './counting.css';

const OfficePage = lazy(async () => ({ default: (await import('./office-pages.tsx')).OfficePage }));
const PeriodsPage = lazy(async () => ({ default: (await import('./office-pages.tsx')).PeriodsPage }));
const TeamAPage = lazy(async () => ({ default: (await import('./team-pages.tsx')).TeamAPage }));
const TeamBPage = lazy(async () => ({ default: (await import('./team-pages.tsx')).TeamBPage }));
const HybridReceptionPage = lazy(async () => ({
  default: (await import('./hybrid/reception.tsx')).HybridReceptionPage,
}));
const HybridEntryPage = lazy(async () => ({ default: (await import('./hybrid/entry.tsx')).HybridEntryPage }));
const HybridDifferencesPage = lazy(async () => ({
  default: (await import('./hybrid/differences.tsx')).HybridDifferencesPage,
}));

/** /counting/<area>/hybrid: the hybrid count's screens (issue #16). */
const hybrid = (area: string) => (s: readonly string[]) =>
  s.length === 3 && s[0] === 'counting' && s[1] === area && s[2] === 'hybrid';

interface Page {
  readonly match: (segments: readonly string[]) => boolean;
  readonly render: (segments: readonly string[]) => ReactNode;
}

export const COUNTING_PAGES: readonly Page[] = [
  { match: (s) => s.length === 2 && s[0] === 'counting' && s[1] === 'team-a', render: () => <TeamAPage /> },
  { match: (s) => s.length === 2 && s[0] === 'counting' && s[1] === 'team-b', render: () => <TeamBPage /> },
  { match: (s) => s.length === 2 && s[0] === 'counting' && s[1] === 'office', render: () => <OfficePage /> },
  { match: (s) => s.length === 2 && s[0] === 'counting' && s[1] === 'periods', render: () => <PeriodsPage /> },
  { match: hybrid('team-a'), render: () => <HybridReceptionPage /> },
  { match: hybrid('team-b'), render: () => <HybridEntryPage /> },
  { match: hybrid('office'), render: () => <HybridDifferencesPage /> },
];
