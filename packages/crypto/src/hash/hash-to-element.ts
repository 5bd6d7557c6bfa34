/**
 * Independent generators nobody knows a discrete log of: try-and-increment over SHA-512 outputs
 * interpreted as candidate encodings (secp256k1: 0x02‖x; ristretto255: 32 bytes, sign and top bit
 * cleared). Deterministic, identical for every backend of a group.
 */
import type { Group } from '../group/group.ts';
import { hashInputs, type HashInput } from './hash-input.ts';

export function candidateEncoding<P>(group: Group<P>, digest: Uint8Array): Uint8Array {
  if (group.name === 'secp256k1') {
    const out = new Uint8Array(33);
    out[0] = 2;
    out.set(digest.subarray(0, 32), 1);
    return out;
  }
  const out = digest.slice(0, 32);
  out[0] = (out[0] ?? 0) & 0xfe;
  out[31] = (out[31] ?? 0) & 0x7f;
  return out;
}

export function hashToElement<P>(group: Group<P>, label: string, inputs: readonly HashInput[]): P {
  for (let counter = 0; counter < 1_000_000; counter++) {
    const candidate = group.decode(candidateEncoding(group, hashInputs(label, [...inputs, counter])));
    if (candidate !== undefined && !group.isIdentity(candidate)) return candidate;
  }
  throw new Error('hashToElement: no element found');
}
