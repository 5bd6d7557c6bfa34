// What the public results routes answer (apps/server/src/routes/results.ts).
import type { Labels } from '../api.ts';

export interface ConstituencyState {
  readonly code: string;
  readonly label: Labels;
  readonly final: boolean;
}

export interface ElectionResultsIndex {
  readonly electionId: string;
  readonly label: Labels;
  readonly constituencies: readonly ConstituencyState[];
}

export interface ResultCandidate {
  readonly position: number;
  readonly name: string;
  readonly votes: number;
  readonly total: number | null;
  readonly order: number | null;
}

export interface ResultList {
  readonly number: number;
  readonly name: string;
  readonly votes: number;
  readonly reachesThreshold: boolean;
  readonly seats: number;
  readonly eligibilityFigure: number | null;
  readonly elected: readonly ResultCandidate[];
  readonly substitutes: readonly ResultCandidate[];
}

export type Mode = 'online' | 'kiosk' | 'hybrid';
export type Category = 'belgium' | 'abroad';

export interface BallotFigures {
  readonly counted: number;
  readonly valid: number;
  readonly blank: number;
  readonly invalid: number;
}

export interface ConstituencyResults extends BallotFigures {
  readonly electionId: string;
  readonly election: { readonly label: Labels; readonly date: string };
  readonly constituency: { readonly code: string; readonly label: Labels };
  readonly rules: {
    readonly seats: number;
    readonly method: 'dhondt' | 'imperiali';
    readonly thresholdPercent: number;
    readonly devolution: string;
  };
  readonly pvs: readonly (BallotFigures & { readonly mode: Mode; readonly category: Category })[];
  readonly allocation:
    | { readonly none: string }
    | { readonly valid: number; readonly thresholdVotes: number; readonly lists: readonly ResultList[] };
  readonly recordAvailable: boolean;
  readonly command: string;
}
