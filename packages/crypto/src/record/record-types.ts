/**
 * Payloads of the record entries that describe the election around the cryptography (format
 * isoloir-record/2, PROTOCOL.md §8): its definition, the voter roll, the ballots' place in time,
 * the evidence behind cancellations, the legal count. Field names are exactly these: the verifier
 * rejects any other field.
 */

/** `election`: what is being elected, per constituency. */
export interface DefinitionPayload {
  /**
   * The minimum anonymity set, a frozen setting of the election (default 10): no counting set of
   * fewer ballots is decrypted; a constituency whose ballots all together stay below it is withheld.
   */
  readonly anonymityMinimum: number;
  readonly constituencies: readonly {
    readonly code: string;
    readonly seats: number;
    /** Every list on this constituency's ballot, by number. */
    readonly lists: readonly {
      readonly number: number;
      readonly name: string;
      readonly effectives: readonly string[];
      readonly substitutes: readonly string[];
    }[];
  }[];
}

export type RecordMode = 'online' | 'kiosk';
export type RecordCategory = 'belgium' | 'abroad';

/** The counting segment `constituency/mode/category`: the unit of the roll, of the PV and of a counting group. */
export function segmentId(constituency: string, mode: string, category: string): string {
  return `${constituency}/${mode}/${category}`;
}

/** `roll`: one segment of a per-mode voter roll, as pseudonymous ids (keyed, never a national register number). */
export interface RollPayload {
  readonly constituency: string;
  readonly mode: RecordMode;
  readonly category: RecordCategory;
  readonly voters: number;
  /** merkleRoot(ids), published before voting opens. */
  readonly root: string;
  /** Sorted pseudonymous voter ids. */
  readonly ids: readonly string[];
  readonly publishedAt: string;
}

/**
 * `period`: one mode's voting period as the ballot box applied it: the setup's window (first instant
 * in, first instant out) and the PO's acts of opening and closing (ISO 8601 UTC; null: none).
 * The roll of the mode must have been published before it opened, every ballot received inside it.
 */
export interface PeriodPayload {
  readonly mode: RecordMode;
  readonly opensAt: string | null;
  readonly closesAt: string | null;
  readonly openedAt: string | null;
  readonly closedAt: string | null;
}

/**
 * `board-head`: one signed head of the anchored bulletin board (PROTOCOL.md §9), with the tracking
 * codes it first covers; placed among the ballots, after the last one it covers. The opening head
 * (seq 0) publishes the election key's fingerprint before the first ballot; the closing head ends it.
 */
export interface BoardHeadPayload {
  readonly seq: number;
  readonly kind: 'opening' | 'periodic' | 'closing';
  readonly previous: string;
  readonly publishedAt: string;
  readonly keyFingerprint: string;
  readonly total: number;
  readonly trackingCodes: readonly string[];
  readonly hash: string;
  /** The board's (the receipt) key: its id (as on receipts), raw public key (hex), and the Ed25519 signature of the head. */
  readonly keyId: string;
  readonly signingKey: string;
  readonly signature: string;
}

/** `attendance`: who, among the voters on this election's remote roll, signed a polling-station attendance list. */
export interface AttendancePayload {
  readonly station: string;
  /** SHA-256 of the list as imported. */
  readonly sha256: string;
  readonly voters: number;
  readonly root: string;
  readonly ids: readonly string[];
}

/**
 * `withheld`: a constituency whose ballots to count, all its groups together, stay below the minimum
 * anonymity set. Its ballots are not decrypted; they stay encrypted in the record (their `ballot`
 * entries). The verifier checks the claim: the members are every segment of the constituency with
 * a ballot, `ballots` is exactly their ballots neither superseded nor cancelled, and their number,
 * `size`, is below the definition's minimum.
 */
export interface WithheldPayload {
  /** The segment that carries the set (its PV). */
  readonly groupId: string;
  readonly constituency: string;
  readonly members: readonly string[];
  readonly size: number;
  readonly minimum: number;
  readonly reason: 'below-minimum-anonymity-set';
  /** Sorted ballot ids. */
  readonly ballots: readonly string[];
}

export type CancellationPayload =
  | {
      readonly groupId: string;
      readonly ballotId: string;
      readonly reason: 'superseded';
      readonly evidence: { readonly laterBallotId: string };
    }
  | {
      readonly groupId: string;
      readonly ballotId: string;
      readonly reason: 'voted-at-polling-station';
      readonly evidence: { readonly station: string };
    }
  | {
      readonly groupId: string;
      readonly ballotId: string;
      /** Special act of 12 January 1989, art. 14 al. 2: a later ballot of the voter for a French-group list of the Brussels Parliament (PROTOCOL.md §8.1). */
      readonly reason: 'french-language-group';
      readonly evidence: {
        /** The linked election (never this record's own). */
        readonly electionId: string;
        /** The voter's ballot there that caused the cancellation. */
        readonly ballotId: string;
        /** Its constituency there (the language group). */
        readonly constituency: string;
        /** Its receipt time, ISO 8601 UTC, strictly after the cancelled ballot's. */
        readonly receivedAt: string;
      };
    };

/** The legal count of a counting group (art. 156 classification, art. 161 categories), carried in `counts`. */
export interface LegalCounts {
  readonly ballots: number;
  readonly valid: number;
  readonly blank: number;
  readonly invalid: number;
  /** Only rules with at least one ballot, by rule code (e.g. "ballot.unknown-list"). */
  readonly invalidByRule: Readonly<Record<string, number>>;
  /** Every list of the constituency, by number. */
  readonly lists: readonly LegalListCount[];
}

export interface LegalListCount {
  readonly number: number;
  readonly B: number;
  readonly C: number;
  readonly D: number;
  readonly E: number;
  /** The list's electoral figure B + C + D + E (art. 166). */
  readonly total: number;
  readonly effectives: readonly number[];
  readonly substitutes: readonly number[];
}
