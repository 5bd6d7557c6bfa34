// The texts the election data cite, in one place (short names as used in the README).
import type { Citation } from './types.ts';

export const cite = (text: string, source?: string): Citation => (source === undefined ? { text } : { text, source });
export const unverified = (text: string, source?: string): Citation => ({ ...cite(text, source), unverified: true });

export const SOURCES = {
  fixtures2024:
    'official 2024 results, resultatselection.belgium.be (packages/electoral/fixtures/belgium-2024-chamber)',
  fgovCount: 'elections.fgov.be, "Dépouillement, répartition des sièges et désignation des élus" (per-election pages)',
  senlex: 'senlex.senate.be (the Senate collection of institutional texts)',
  dmeeus: 'd-meeus.be/verkelec/fedeureg (Dominique Meeùs, annotated electoral texts)',
  walloonParliament: 'parlement-wallonie.be, "Élections régionales du 9 juin 2024"',
  flemish2024: 'nl.wikipedia "Vlaams Parlement (samenstelling 2024-2029)", seats per kieskring',
} as const;
