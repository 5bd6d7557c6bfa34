/**
 * The anchored bulletin board: a hash chain of heads. Head k covers the tracking codes accepted
 * since head k−1 (its batch, sorted) and chains to head k−1, so head k commits to every ballot
 * accepted so far. The board publishes an `opening` head (before any ballot, with the election key's
 * fingerprint), `periodic` heads during voting and one `closing` head; the server signs each.
 *   hash_k = hex(H("isoloir/v1/board-head", electionId, k, kind, hash_{k−1} ("" for k = 0),
 *                  publishedAt, keyFingerprint, total, [code₁, …, code_m]))
 * A receipt carries the latest head at casting: the ballot must then appear in a later batch.
 */
import { hashInputs } from '../hash/hash-input.ts';
import { bytesToHex } from '../group/scalar.ts';

export const BOARD_HEAD_LABEL = 'isoloir/v1/board-head';

export type BoardHeadKind = 'opening' | 'periodic' | 'closing';

export interface BoardHeadContent {
  readonly electionId: string;
  readonly seq: number;
  readonly kind: BoardHeadKind;
  /** Hash of head seq − 1; "" for the opening head. */
  readonly previous: string;
  /** ISO 8601, UTC, millisecond precision. */
  readonly publishedAt: string;
  readonly keyFingerprint: string;
  /** Ballots covered by this head and every earlier one. */
  readonly total: number;
  /** The tracking codes first covered by this head (any order: they are hashed sorted). */
  readonly trackingCodes: readonly string[];
}

export function boardHeadHash(head: BoardHeadContent): string {
  const codes = [...head.trackingCodes].sort();
  return bytesToHex(
    hashInputs(BOARD_HEAD_LABEL, [
      head.electionId,
      head.seq,
      head.kind,
      head.previous,
      head.publishedAt,
      head.keyFingerprint,
      head.total,
      codes,
    ]),
  );
}

export interface PublishedHead extends BoardHeadContent {
  readonly hash: string;
}

export type ChainProblem =
  | { readonly problem: 'hash'; readonly seq: number }
  | { readonly problem: 'link'; readonly seq: number }
  | { readonly problem: 'total'; readonly seq: number }
  | { readonly problem: 'order'; readonly seq: number };

/** Checks a run of consecutive heads: each hash, each link to the previous head, running totals. */
export function checkHeadChain(heads: readonly PublishedHead[]): ChainProblem | undefined {
  for (let i = 0; i < heads.length; i++) {
    const head = heads[i];
    if (head === undefined) continue;
    const before = heads[i - 1];
    if (before !== undefined && head.seq !== before.seq + 1) return { problem: 'order', seq: head.seq };
    if (boardHeadHash(head) !== head.hash) return { problem: 'hash', seq: head.seq };
    if (before !== undefined && head.previous !== before.hash) return { problem: 'link', seq: head.seq };
    if (before !== undefined && head.total !== before.total + head.trackingCodes.length)
      return { problem: 'total', seq: head.seq };
  }
  return undefined;
}

export type InclusionResult =
  | { readonly ok: true; readonly seq: number }
  | { readonly ok: false; readonly reason: 'receipt-head-not-on-board' | 'broken-chain' | 'not-included' };

/**
 * What a voter's device checks with its receipt: the receipt's head is on the board, the heads from
 * it onwards chain, and the tracking code is in a batch after it. `heads` are the board's heads from
 * the receipt's head (inclusive) onwards. A missing ballot after a `closing` head, or a head the
 * receipt names that the board no longer shows, is evidence against the server (its signature).
 */
export function checkInclusion(
  receiptHead: { readonly seq: number; readonly hash: string } | null,
  trackingCode: string,
  heads: readonly PublishedHead[],
): InclusionResult {
  const from = receiptHead === null ? 0 : heads.findIndex((h) => h.seq === receiptHead.seq);
  if (from < 0 || (receiptHead !== null && heads[from]?.hash !== receiptHead.hash))
    return { ok: false, reason: 'receipt-head-not-on-board' };
  const run = heads.slice(from);
  if (checkHeadChain(run) !== undefined) return { ok: false, reason: 'broken-chain' };
  const found = run.slice(receiptHead === null ? 0 : 1).find((h) => h.trackingCodes.includes(trackingCode));
  return found === undefined ? { ok: false, reason: 'not-included' } : { ok: true, seq: found.seq };
}
