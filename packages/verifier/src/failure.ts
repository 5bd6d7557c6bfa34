/**
 * The verifier's outcome is a value. Internally, a failed check throws CheckFailed, which the
 * top level (verify-record.ts) turns into { ok: false, check, location, message }.
 */
export type CheckName =
  | 'format'
  | 'schema'
  | 'chain'
  | 'order'
  | 'definition'
  | 'roll'
  | 'period'
  | 'roll-timing'
  | 'board'
  | 'parameters'
  | 'ceremony'
  | 'dealer-proof'
  | 'complaint'
  | 'election-key'
  | 'trustee-key'
  | 'ballot-proof'
  | 'ballot-duplicate'
  | 'eligibility'
  | 'constituency'
  | 'sequence'
  | 'attendance'
  | 'cancellation'
  | 'cancellation-evidence'
  | 'cancellation-missing'
  | 'one-per-voter'
  | 'last-ballot'
  | 'group-input'
  | 'withheld'
  | 'shuffle-input'
  | 'shuffle-proof'
  | 'decryption-proof'
  | 'decryption'
  | 'decoding'
  | 'counts'
  | 'group-missing'
  | 'completeness'
  | 'head'
  | 'pv'
  | 'hybrid-log'
  | 'hybrid-duplicate'
  | 'hybrid-count'
  | 'hybrid-reconciliation';

export interface Failure {
  readonly ok: false;
  readonly check: CheckName;
  readonly location: string;
  readonly message: string;
}

export interface Success {
  readonly ok: true;
  readonly summary: {
    readonly entries: number;
    readonly ballots: number;
    readonly groups: number;
    readonly shuffles: number;
    readonly head: string;
    /** PVs checked against the record (`pvs` option). */
    readonly pvs: number;
    /** `french-language-group` cancellations, and those checked against a linked election's record (`linked` option); the rest rest on a record not read. */
    readonly linked: { readonly cancellations: number; readonly checked: number };
    /** What the published head (`head` option) is: the record's final head, or one of its signed board heads, which the record extends. */
    readonly headMatch?:
      | { readonly kind: 'record' }
      | {
          readonly kind: 'board';
          readonly seq: number;
          readonly boardKind: string;
          readonly publishedAt: string;
          readonly keyId: string;
        };
  };
}

export type VerifyResult = Success | Failure;

export class CheckFailed extends Error {
  readonly check: CheckName;
  readonly location: string;
  constructor(check: CheckName, location: string, message: string) {
    super(message);
    this.check = check;
    this.location = location;
  }
}

export function fail(check: CheckName, location: string, message: string): never {
  throw new CheckFailed(check, location, message);
}

export function ensure(condition: boolean, check: CheckName, location: string, message: string): asserts condition {
  if (!condition) fail(check, location, message);
}
