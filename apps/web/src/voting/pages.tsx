// The pages of online voting, for ../pages.tsx.
import { lazy, type ReactNode } from 'react';
import { BoardPage } from './board-page.tsx';
import { PortalPage } from './portal-page.tsx';

// The booth and the audit page carry the ballot cryptography (about 800 kB): loaded only there.
const BoothPage = lazy(async () => ({ default: (await import('./booth-page.tsx')).BoothPage }));
const VerifyPage = lazy(async () => ({ default: (await import('./verify-page.tsx')).VerifyPage }));
import './voting.css';

interface Page {
  readonly match: (segments: readonly string[]) => boolean;
  readonly render: (segments: readonly string[]) => ReactNode;
}

const slug = /^[a-z0-9-]{1,64}$/;

export const VOTING_PAGES: readonly Page[] = [
  { match: (s) => s.length === 1 && s[0] === 'vote', render: () => <PortalPage /> },
  { match: (s) => s.length === 2 && s[0] === 'vote' && s[1] === 'verify', render: () => <VerifyPage /> },
  { match: (s) => s.length === 2 && s[0] === 'vote' && s[1] === 'booth', render: () => <BoothPage key="booth" /> },
  {
    match: (s) => s.length === 2 && s[0] === 'vote' && slug.test(s[1] ?? ''),
    render: (s) => <BoothPage key={s[1]} electionId={s[1] ?? ''} />,
  },
  { match: (s) => s.length === 1 && s[0] === 'board', render: () => <BoardPage /> },
  {
    match: (s) => s.length === 2 && s[0] === 'board' && slug.test(s[1] ?? ''),
    render: (s) => <BoardPage key={s[1]} electionId={s[1]} />,
  },
];
