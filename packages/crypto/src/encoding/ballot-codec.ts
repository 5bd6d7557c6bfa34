/**
 * Belgian ballot ↔ fixed-width bytes. Format version 1 (all ballots of an election have the
 * same length, so the same number of group elements):
 *   [0] version = 1   [1] kind: 0 blank, 1 list   [2..3] list number (u16 BE)   [4] head box 0/1
 *   then a bitset of the effective candidates (maxEffectives bits), then of the substitutes
 *   (maxSubstitutes bits), bit i of byte j = position 8j+i+1; then zero padding to a multiple of 28.
 * Decoding never throws: anything else decodes to { kind: 'invalid', reason }.
 */
import { EMBED_CAPACITY } from './embed.ts';

export interface BallotLayout {
  /** Highest list number in the largest constituency of the election. */
  readonly maxListNumber: number;
  /** Most effective candidates on any list of the election. */
  readonly maxEffectives: number;
  /** Most substitute candidates on any list of the election. */
  readonly maxSubstitutes: number;
}

export type PlainBallot =
  | { readonly kind: 'blank' }
  | {
      readonly kind: 'list';
      readonly list: number;
      readonly headBox: boolean;
      /** 1-based positions of the ticked effective candidates, ascending. */
      readonly effectives: readonly number[];
      /** 1-based positions of the ticked substitutes, ascending. */
      readonly substitutes: readonly number[];
    };

export type DecodedBallot = PlainBallot | { readonly kind: 'invalid'; readonly reason: string };

const HEADER = 5;
const VERSION = 1;

export function ballotByteLength(layout: BallotLayout): number {
  return HEADER + Math.ceil(layout.maxEffectives / 8) + Math.ceil(layout.maxSubstitutes / 8);
}

/** Number of group elements per ballot for this election. */
export function ballotWidth(layout: BallotLayout): number {
  return Math.max(1, Math.ceil(ballotByteLength(layout) / EMBED_CAPACITY));
}

function setBits(out: Uint8Array, offset: number, positions: readonly number[], max: number): void {
  for (const p of positions) {
    if (!Number.isInteger(p) || p < 1 || p > max) throw new Error(`ballot: position ${String(p)} out of range`);
    const i = p - 1;
    out[offset + (i >> 3)] = (out[offset + (i >> 3)] ?? 0) | (1 << (i & 7));
  }
}

/** Encode a well-formed ballot; throws only on a programming error (out-of-range input). */
export function encodeBallot(layout: BallotLayout, ballot: PlainBallot): Uint8Array[] {
  const width = ballotWidth(layout);
  const out = new Uint8Array(width * EMBED_CAPACITY);
  out[0] = VERSION;
  if (ballot.kind === 'list') {
    if (!Number.isInteger(ballot.list) || ballot.list < 1 || ballot.list > layout.maxListNumber) {
      throw new Error('ballot: list number out of range');
    }
    out[1] = 1;
    out[2] = ballot.list >> 8;
    out[3] = ballot.list & 255;
    out[4] = ballot.headBox ? 1 : 0;
    setBits(out, HEADER, ballot.effectives, layout.maxEffectives);
    setBits(out, HEADER + Math.ceil(layout.maxEffectives / 8), ballot.substitutes, layout.maxSubstitutes);
  }
  const chunks: Uint8Array[] = [];
  for (let i = 0; i < width; i++) chunks.push(out.slice(i * EMBED_CAPACITY, (i + 1) * EMBED_CAPACITY));
  return chunks;
}

function readBits(bytes: Uint8Array, offset: number, max: number): number[] | undefined {
  const positions: number[] = [];
  const nBytes = Math.ceil(max / 8);
  for (let i = 0; i < nBytes * 8; i++) {
    if ((((bytes[offset + (i >> 3)] ?? 0) >> (i & 7)) & 1) === 1) {
      if (i >= max) return undefined;
      positions.push(i + 1);
    }
  }
  return positions;
}

function invalid(reason: string): DecodedBallot {
  return { kind: 'invalid', reason };
}

/** Decode the extracted chunks (undefined = an element that was not an embedding). */
export function decodeBallot(layout: BallotLayout, chunks: readonly (Uint8Array | undefined)[]): DecodedBallot {
  if (chunks.length !== ballotWidth(layout)) return invalid('width');
  const bytes = new Uint8Array(chunks.length * EMBED_CAPACITY);
  for (const [i, chunk] of chunks.entries()) {
    if (chunk?.length !== EMBED_CAPACITY) return invalid('not-an-embedding');
    bytes.set(chunk, i * EMBED_CAPACITY);
  }
  const used = ballotByteLength(layout);
  if (bytes.subarray(used).some((b) => b !== 0)) return invalid('padding');
  if (bytes[0] !== VERSION) return invalid('version');
  if (bytes[1] === 0)
    return bytes.subarray(1, used).every((b) => b === 0) ? { kind: 'blank' } : invalid('blank-with-marks');
  if (bytes[1] !== 1) return invalid('kind');
  const list = ((bytes[2] ?? 0) << 8) | (bytes[3] ?? 0);
  if (list < 1 || list > layout.maxListNumber) return invalid('list-number');
  if (bytes[4] !== 0 && bytes[4] !== 1) return invalid('head-box');
  const effectives = readBits(bytes, HEADER, layout.maxEffectives);
  const substitutes = readBits(bytes, HEADER + Math.ceil(layout.maxEffectives / 8), layout.maxSubstitutes);
  if (effectives === undefined) return invalid('effective-position');
  if (substitutes === undefined) return invalid('substitute-position');
  return { kind: 'list', list, headBox: bytes[4] === 1, effectives, substitutes };
}
