// Every page of the web app by path. A feature adds its pages here, one line each.
// `match` receives the path's segments; the first page that matches is shown.
import { lazy, type ReactNode } from 'react';
import { AUTH_PAGES } from './auth/pages.tsx';
import { COUNTING_PAGES } from './counting/pages.tsx';
import { HomePage } from './components/home-page.tsx';
import { HYBRID_PAGES } from './hybrid/pages.tsx';
import { KIOSK_PAGES } from './kiosk/pages.tsx';
import { NotFoundPage } from './components/not-found-page.tsx';
import { PASSKEY_PAGES } from './passkey/pages.tsx';
import { PREPARATION_PAGES } from './preparation/pages.tsx';
import { RESULTS_PAGES } from './results/pages.tsx';
import { DASHBOARD_PAGES } from './dashboard/pages.tsx';
import { VOTING_PAGES } from './voting/pages.tsx';

const CeremonyPage = lazy(async () => ({ default: (await import('./ceremony/ceremony-page.tsx')).CeremonyPage }));

export interface PageRoute {
  readonly match: (segments: readonly string[]) => boolean;
  readonly render: (segments: readonly string[]) => ReactNode;
}

const exactly =
  (...expected: string[]) =>
  (segments: readonly string[]): boolean =>
    segments.length === expected.length && expected.every((part, i) => part === segments[i]);

export const PAGES: readonly PageRoute[] = [
  { match: exactly(), render: () => <HomePage /> },
  ...AUTH_PAGES,
  ...PASSKEY_PAGES,
  ...KIOSK_PAGES,
  ...PREPARATION_PAGES,
  ...VOTING_PAGES,
  ...HYBRID_PAGES,
  ...COUNTING_PAGES,
  ...RESULTS_PAGES,
  ...DASHBOARD_PAGES,
  { match: exactly('counting', 'ceremony'), render: () => <CeremonyPage /> },
];

export function renderPage(path: string): ReactNode {
  const segments = path.split('/').filter((part) => part !== '');
  const page = PAGES.find((candidate) => candidate.match(segments));
  return page === undefined ? <NotFoundPage /> : page.render(segments);
}
