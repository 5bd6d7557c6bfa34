/**
 * The verifier's own reading of ballot format 1 (PROTOCOL.md §4) and of the embedding (§3):
 * an independent implementation, checked against the prover's in the tests.
 */
export interface Layout {
  readonly maxListNumber: number;
  readonly maxEffectives: number;
  readonly maxSubstitutes: number;
}

export type Decoded =
  | { readonly kind: 'blank' }
  | {
      readonly kind: 'list';
      readonly list: number;
      readonly headBox: boolean;
      readonly effectives: readonly number[];
      readonly substitutes: readonly number[];
    }
  | { readonly kind: 'invalid'; readonly reason: string };

const CHUNK = 28;

export function widthOf(layout: Layout): number {
  const length = 5 + Math.ceil(layout.maxEffectives / 8) + Math.ceil(layout.maxSubstitutes / 8);
  return Math.max(1, Math.ceil(length / CHUNK));
}

/** The 28 embedded bytes of an encoded element, or undefined. */
export function unembed(groupName: string, enc: Uint8Array): Uint8Array | undefined {
  if (groupName === 'secp256k1')
    return enc.length === 33 && enc[0] === 2 && enc[1] === 0 ? enc.subarray(2, 30) : undefined;
  return enc.length === 32 && enc[0] === 0 && enc[31] === 0 ? enc.subarray(1, 29) : undefined;
}

function positions(bytes: Uint8Array, offset: number, max: number): number[] | undefined {
  const out: number[] = [];
  const n = Math.ceil(max / 8) * 8;
  for (let i = 0; i < n; i++) {
    const bit = ((bytes[offset + Math.floor(i / 8)] ?? 0) >> (i % 8)) & 1;
    if (bit === 1) {
      if (i >= max) return undefined;
      out.push(i + 1);
    }
  }
  return out;
}

export function decode(groupName: string, layout: Layout, plaintexts: readonly Uint8Array[]): Decoded {
  const chunks = plaintexts.map((p) => unembed(groupName, p));
  const bytes = new Uint8Array(plaintexts.length * CHUNK);
  for (const [i, c] of chunks.entries()) {
    if (c === undefined) return { kind: 'invalid', reason: 'not-an-embedding' };
    bytes.set(c, i * CHUNK);
  }
  if (plaintexts.length !== widthOf(layout)) return { kind: 'invalid', reason: 'width' };
  const eBytes = Math.ceil(layout.maxEffectives / 8);
  const used = 5 + eBytes + Math.ceil(layout.maxSubstitutes / 8);
  for (let i = used; i < bytes.length; i++) if (bytes[i] !== 0) return { kind: 'invalid', reason: 'padding' };
  if (bytes[0] !== 1) return { kind: 'invalid', reason: 'version' };
  if (bytes[1] === 0) {
    for (let i = 1; i < used; i++) if (bytes[i] !== 0) return { kind: 'invalid', reason: 'blank-with-marks' };
    return { kind: 'blank' };
  }
  if (bytes[1] !== 1) return { kind: 'invalid', reason: 'kind' };
  const list = (bytes[2] ?? 0) * 256 + (bytes[3] ?? 0);
  if (list < 1 || list > layout.maxListNumber) return { kind: 'invalid', reason: 'list-number' };
  if (bytes[4] !== 0 && bytes[4] !== 1) return { kind: 'invalid', reason: 'head-box' };
  const effectives = positions(bytes, 5, layout.maxEffectives);
  if (effectives === undefined) return { kind: 'invalid', reason: 'effective-position' };
  const substitutes = positions(bytes, 5 + eBytes, layout.maxSubstitutes);
  if (substitutes === undefined) return { kind: 'invalid', reason: 'substitute-position' };
  return { kind: 'list', list, headBox: bytes[4] === 1, effectives, substitutes };
}
