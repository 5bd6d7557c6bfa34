import type { Group } from '@isoloir/crypto';
import type { Layout, Decoded } from './decode-ballot.ts';
import type { MsmService } from './msm-service.ts';
import type { CeremonyFacts } from './check-ceremony.ts';
import type { ConstituencyDef, LegalCount } from './legal-count.ts';

/** One segment `constituency/mode/category` of the roll: the unit of eligibility, of a PV and of counting. */
export interface Segment {
  readonly constituency: string;
  readonly mode: string;
  readonly category: string;
  readonly ids: ReadonlySet<string>;
  readonly voters: number;
  /** When the roll commitment of this segment was published (checked against the period and the first ballot). */
  readonly publishedAt: string;
}

/** A mode's voting period (`period` entry): the setup's window and the PO's acts, ISO 8601 UTC. */
export interface Period {
  readonly opensAt: string | null;
  readonly closesAt: string | null;
  readonly openedAt: string | null;
  readonly closedAt: string | null;
}

/** The anchored bulletin board as read so far (`board-head` entries, check-board.ts). */
export interface Board {
  readonly heads: {
    readonly seq: number;
    readonly kind: string;
    readonly hash: string;
    readonly publishedAt: string;
    readonly total: number;
    readonly keyId: string;
  }[];
  signingKey: string | undefined;
  /** The board's key as published outside the record (`boardKey` option): every head must be signed by it. */
  readonly pinnedKey: string | undefined;
  /** Tracking code → ballot id, for every ballot read so far. */
  readonly codes: Map<string, string>;
  /** Tracking codes covered by a head so far, with the head's number. */
  readonly covered: Map<string, number>;
  /** Modes whose first ballot has been read. */
  readonly modesStarted: Set<string>;
  /** Set once the board is checked complete (after the last ballot and head). */
  complete: boolean;
}

export interface CastBallot {
  readonly groupId: string;
  readonly voterId: string;
  /** The ciphertexts' digest (check-ballots.ts, ciphertextDigest), not the ciphertexts: memory proportional to ballots stays small. */
  readonly digest: string;
  readonly sequence: number;
  readonly receivedAt: string;
}

export interface State<P> {
  readonly group: Group<P>;
  readonly electionId: string;
  readonly threshold: number;
  readonly trustees: number;
  readonly layout: Layout;
  readonly width: number;
  /** The election's minimum anonymity set (its definition); 0 until the definition is read. */
  anonymityMinimum: number;
  /** Withheld sets (below the minimum, never decrypted): carrying segment → the number of their ballots. */
  readonly withheld: Map<string, number>;
  /** The election definition, by constituency code. */
  readonly constituencies: Map<string, ConstituencyDef>;
  /** Roll segments by id: the expected counting groups. */
  readonly segments: Map<string, Segment>;
  readonly periods: Map<string, Period>;
  readonly board: Board;
  readonly dealers: Map<number, { commitments: P[]; valid: boolean }>;
  readonly disqualified: Set<number>;
  pk: P | undefined;
  /** The ceremony's qualified dealers: the only trustees who may shuffle and decrypt. */
  qualified: readonly number[];
  /** The key ceremony's signed transcript, once its entry is read (check-ceremony.ts). */
  ceremony?: CeremonyFacts;
  /** The dealer and complaint entries as written (hex), to compare with the transcript. */
  readonly dealerEntries: Map<number, readonly string[]>;
  readonly complaintEntries: { by: number; against: number; revealed: string | null }[];
  /** Per group, the trustees who shuffled it (each at most once). */
  readonly mixers: Map<string, Set<number>>;
  readonly vks: Map<number, P>;
  readonly ballots: Map<string, CastBallot>;
  /** Each voter's ballots in record (receipt) order. */
  readonly byVoter: Map<string, string[]>;
  readonly seenCiphertexts: Map<string, string>;
  readonly castOrder: Map<string, string[]>;
  /** Polling-station attendance: station → pseudonymous ids. */
  readonly attendance: Map<string, Set<string>>;
  /** Cancelled ballot id → reason. */
  readonly cancelled: Map<string, string>;
  /** `french-language-group` evidence (a ballot of another record), by `electionId NUL ballotId`: which ballot it cancels, where. */
  readonly linked: Map<string, LinkedEvidence>;
  /** Set once every voter's ballots have been checked (at the first counting entry). */
  votersChecked: boolean;
  /** Segment → the counting group it is counted in; group → its segments. */
  readonly groupOf: Map<string, string>;
  readonly members: Map<string, readonly string[]>;
  /** Ciphertexts currently at the end of each group's mix chain (input, then each shuffle). */
  readonly current: Map<string, Uint8Array[][]>;
  readonly mixNodes: Map<string, number>;
  readonly validPartials: Map<string, Map<number, Uint8Array[][]>>;
  readonly decoded: Map<string, Decoded[]>;
  /** The verifier's own legal count of each counted group. */
  readonly legal: Map<string, LegalCount>;
  readonly counted: Set<string>;
  shuffles: number;
  readonly msm: MsmService;
  /** The hybrid boxes read so far (check-hybrid.ts), by `constituency/category`. */
  readonly hybrid: Map<string, HybridBox>;
  /** Every K-code public hash accepted into a box (accepted or later cancelled), with where. */
  readonly hybridCodes: Map<string, string>;
}

/** The evidence of a `french-language-group` cancellation: the voter's ballot in the linked election (PROTOCOL.md §8.1). */
export interface LinkedBallot {
  readonly electionId: string;
  readonly ballotId: string;
  readonly constituency: string;
  readonly receivedAt: string;
}

/** A ballot of another election's record that cancelled a ballot of this one (check-cancellation.ts). */
export interface LinkedEvidence extends LinkedBallot {
  /** The ballot of this record it cancelled, and the cancellation entry. */
  readonly cancels: string;
  readonly where: string;
}

/** One hybrid box of the record: its receipt log's figures, then its count. */
export interface HybridBox {
  readonly constituency: string;
  readonly category: string;
  readonly received: number;
  readonly accepted: number;
  readonly cancelled: number;
  readonly setAside: Readonly<Record<string, number>>;
  readonly unknownCodes: number;
  count?: { readonly legal: LegalCount; readonly ballots: number; readonly explanation: string | null };
}
