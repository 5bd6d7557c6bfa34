// The pages of the count at the main office, for ../pages.tsx.
import type { ReactNode } from 'react';
import { OfficePage, PeriodsPage } from './office-pages.tsx';
import { TeamAPage, TeamBPage } from './team-pages.tsx';
import './counting.css';

interface Page {
  readonly match: (segments: readonly string[]) => boolean;
  readonly render: (segments: readonly string[]) => ReactNode;
}

export const COUNTING_PAGES: readonly Page[] = [
  { match: (s) => s.length === 2 && s[0] === 'counting' && s[1] === 'team-a', render: () => <TeamAPage /> },
  { match: (s) => s.length === 2 && s[0] === 'counting' && s[1] === 'team-b', render: () => <TeamBPage /> },
  { match: (s) => s.length === 2 && s[0] === 'counting' && s[1] === 'office', render: () => <OfficePage /> },
  { match: (s) => s.length === 2 && s[0] === 'counting' && s[1] === 'periods', render: () => <PeriodsPage /> },
];
