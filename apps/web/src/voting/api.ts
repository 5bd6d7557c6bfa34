// The ballot box's API as the voter's device sees it.
import type { Labels } from '../api.ts';

export type PeriodState = 'unscheduled' | 'scheduled' | 'open' | 'ended' | 'closed';
export type BallotStatus = 'received' | 'superseded' | 'cancelled' | 'counted';

export interface PortalElection {
  readonly electionId: string;
  readonly kind: string;
  readonly label: Labels;
  readonly constituency: { readonly code: string; readonly label: Labels };
  readonly category: 'belgium' | 'abroad';
  readonly mode: number | null;
  readonly online: boolean;
  readonly keyPublished: boolean;
  readonly period: { readonly state: PeriodState; readonly opensAt: string | null; readonly closesAt: string | null; readonly closedAt: string | null; readonly maxBallots: number };
  readonly used: number;
  readonly ballots: readonly { readonly ballotId: string; readonly sequence: number; readonly trackingCode: string; readonly receivedAt: string; readonly status: BallotStatus; readonly cancellationReason: string | null; readonly statusChangedAt: string | null }[];
}

export interface Portal {
  readonly now: string;
  readonly elections: readonly PortalElection[];
}

export interface BoothCandidate {
  readonly position: number;
  readonly name: string;
}

export interface BoothList {
  readonly number: number;
  readonly label: string;
  readonly effectives: readonly BoothCandidate[];
  readonly substitutes: readonly BoothCandidate[];
}

export interface Booth {
  readonly election: PortalElection;
  readonly voterId: string;
  readonly key: { readonly group: 'secp256k1' | 'ristretto255'; readonly publicKey: string; readonly width: number; readonly layout: { readonly maxListNumber: number; readonly maxEffectives: number; readonly maxSubstitutes: number } };
  readonly lists: readonly BoothList[];
}

export interface CastBody {
  readonly ballotId: string;
  readonly constituency: string;
  readonly ciphertexts: readonly string[];
  readonly proof: { readonly challenge: string; readonly responses: readonly string[] };
}

export interface Receipt {
  readonly electionId: string;
  readonly ballotId: string;
  readonly trackingCode: string;
  readonly receivedAt: string;
  readonly keyId: string;
  readonly signature: string;
  readonly sequence: number;
  readonly maxBallots: number;
}
