// The pages of identity and access, for ../pages.tsx.
import type { ReactNode } from 'react';
import { isRole } from './api.ts';
import { LoginPage, RefusedPage } from './login-page.tsx';
import { MePage } from './me-page.tsx';
import { OfficialPage, WorkspacePage } from './official-pages.tsx';

interface Page {
  readonly match: (segments: readonly string[]) => boolean;
  readonly render: (segments: readonly string[]) => ReactNode;
}

const is =
  (...expected: string[]) =>
  (segments: readonly string[]): boolean =>
    segments.length === expected.length && expected.every((part, i) => part === segments[i]);

export const AUTH_PAGES: readonly Page[] = [
  { match: is('login'), render: () => <LoginPage /> },
  { match: is('login', 'refused'), render: () => <RefusedPage /> },
  { match: is('me'), render: () => <MePage /> },
  { match: is('official'), render: () => <OfficialPage /> },
  {
    match: (s) => s.length === 2 && s[0] === 'official' && isRole(s[1]),
    render: (s) => (isRole(s[1]) ? <WorkspacePage key={s[1]} role={s[1]} /> : null),
  },
];
