// The passkey pages (issue #18), for ../pages.tsx.
import { lazy, type ReactNode } from 'react';
import { ActivatePage, PasskeyLoginPage, WithoutCsamPage } from './voter-pages.tsx';

const ConsularPasskeysPage = lazy(async () => ({
  default: (await import('./consular-passkeys-page.tsx')).ConsularPasskeysPage,
}));

interface Page {
  readonly match: (segments: readonly string[]) => boolean;
  readonly render: (segments: readonly string[]) => ReactNode;
}

const is =
  (...expected: string[]) =>
  (segments: readonly string[]): boolean =>
    segments.length === expected.length && expected.every((part, i) => part === segments[i]);

export const PASSKEY_PAGES: readonly Page[] = [
  { match: is('passkey', 'login'), render: () => <PasskeyLoginPage /> },
  { match: is('passkey', 'activate'), render: () => <ActivatePage /> },
  { match: is('passkey', 'without-csam'), render: () => <WithoutCsamPage /> },
  { match: is('passkey', 'consular'), render: () => <ConsularPasskeysPage /> },
];
