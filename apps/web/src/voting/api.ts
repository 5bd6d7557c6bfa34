// The ballot box's API as the voter's device sees it.
import type { Labels } from '../api.ts';

export type PeriodState = 'unscheduled' | 'scheduled' | 'open' | 'ended' | 'closed';
export type BallotStatus = 'received' | 'superseded' | 'cancelled' | 'counted';

export interface PortalElection {
  readonly electionId: string;
  readonly kind: string;
  readonly label: Labels;
  /** Null when the voter chooses one of `choices` (EP college, Brussels language group). */
  readonly constituency: { readonly code: string; readonly label: Labels } | null;
  readonly choices: readonly { readonly code: string; readonly label: Labels }[];
  /**
   * A linked place (./linked.ts): this ballot is offered only together with the voter's ballot of
   * `electionId` in `constituency`, in the same cast (the Brussels members of the Flemish Parliament:
   * special act of 12 January 1989 art. 14 al. 2). Null for every other election; a server that does
   * not send it yet is read as null.
   */
  readonly requires?: { readonly electionId: string; readonly constituency: string } | null;
  readonly category: 'belgium' | 'abroad';
  readonly mode: number | null;
  readonly online: boolean;
  readonly keyPublished: boolean;
  /** The setup's window of the voter's mode; maxBallots is X + 1 (X re-votes) online. */
  readonly period: {
    readonly state: PeriodState;
    readonly opensAt: string | null;
    readonly closesAt: string | null;
    readonly closedAt: string | null;
    readonly maxBallots: number;
  };
  readonly used: number;
  readonly ballots: readonly {
    readonly ballotId: string;
    readonly sequence: number;
    readonly trackingCode: string;
    readonly receivedAt: string;
    readonly status: BallotStatus;
    readonly cancellationReason: string | null;
    readonly statusChangedAt: string | null;
  }[];
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
  readonly election: PortalElection & { readonly constituency: { readonly code: string; readonly label: Labels } };
  readonly voterId: string;
  readonly key: {
    readonly group: 'secp256k1' | 'ristretto255';
    readonly publicKey: string;
    readonly width: number;
    readonly layout: {
      readonly maxListNumber: number;
      readonly maxEffectives: number;
      readonly maxSubstitutes: number;
    };
  };
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
  readonly constituency: string;
  /** The latest board head when the ballot was accepted (PROTOCOL.md §9); the ballot is in a later one. */
  readonly boardHead: { readonly seq: number; readonly hash: string } | null;
  readonly ballotId: string;
  readonly trackingCode: string;
  readonly receivedAt: string;
  readonly keyId: string;
  readonly signature: string;
  readonly sequence: number;
  readonly maxBallots: number;
}

/** The answer to the booth's request casting one ballot per election together. */
export interface Receipts {
  readonly receipts: readonly Receipt[];
}
