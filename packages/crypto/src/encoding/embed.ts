/**
 * Reversible embedding of 28 data bytes into one group element (try-and-increment).
 *   secp256k1:    encoding 0x02 ‖ x,  x = 0x00 ‖ data[28] ‖ counter[3]  (big-endian)
 *   ristretto255: encoding s (little-endian) = 0x00 ‖ data[28] ‖ counter[2] ‖ 0x00
 * Extraction re-encodes the element and checks the fixed bytes; anything else is not an embedding.
 */
import type { Group } from '../group/group.ts';

export const EMBED_CAPACITY = 28;

function candidate(groupName: string, data: Uint8Array, counter: number): Uint8Array {
  if (groupName === 'secp256k1') {
    const out = new Uint8Array(33);
    out[0] = 2;
    out.set(data, 2);
    out[30] = (counter >>> 16) & 255;
    out[31] = (counter >>> 8) & 255;
    out[32] = counter & 255;
    return out;
  }
  const out = new Uint8Array(32);
  out.set(data, 1);
  out[29] = (counter >>> 8) & 255;
  out[30] = counter & 255;
  return out;
}

export function embed<P>(group: Group<P>, data: Uint8Array): P {
  if (data.length !== EMBED_CAPACITY) throw new Error(`embed: expected ${String(EMBED_CAPACITY)} bytes`);
  const limit = group.name === 'secp256k1' ? 1 << 24 : 1 << 16;
  for (let counter = 0; counter < limit; counter++) {
    const p = group.decode(candidate(group.name, data, counter));
    if (p !== undefined) return p;
  }
  throw new Error('embed: no element found');
}

/** The 28 data bytes of an embedded element, or undefined for any other element. Never throws. */
export function extract<P>(group: Group<P>, p: P): Uint8Array | undefined {
  const bytes = group.encode(p);
  if (group.name === 'secp256k1') {
    if (bytes.length !== 33 || bytes[0] !== 2 || bytes[1] !== 0) return undefined;
    return bytes.slice(2, 2 + EMBED_CAPACITY);
  }
  if (bytes.length !== 32 || bytes[0] !== 0 || bytes[31] !== 0) return undefined;
  return bytes.slice(1, 1 + EMBED_CAPACITY);
}
