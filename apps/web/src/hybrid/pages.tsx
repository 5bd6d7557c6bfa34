// The pages of hybrid voting, for ../pages.tsx: the voter's kit page and the status by K-code.
import type { ReactNode } from 'react';
import { HybridPanel } from './kit-panel.tsx';
import { HybridStatusPage } from './status-page.tsx';

interface Page {
  readonly match: (segments: readonly string[]) => boolean;
  readonly render: (segments: readonly string[]) => ReactNode;
}

export const HYBRID_PAGES: readonly Page[] = [
  { match: (s) => s.length === 1 && s[0] === 'hybrid', render: () => <HybridPanel heading={1} /> },
  { match: (s) => s.length === 2 && s[0] === 'hybrid' && s[1] === 'status', render: () => <HybridStatusPage /> },
];
