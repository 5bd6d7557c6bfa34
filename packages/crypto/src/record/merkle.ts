/**
 * Merkle commitment to a set of pseudonymous ids (a voter roll segment, an attendance list):
 * the ids are sorted (byte order of their UTF-8, i.e. JavaScript string order for hex ids) and unique;
 *   leaf(id)      = H("isoloir/v1/merkle-leaf", id)
 *   node(l, r)    = H("isoloir/v1/merkle-node", l, r)
 *   a level with an odd number of nodes carries its last node up unchanged;
 *   root of no id = H("isoloir/v1/merkle-empty").
 * Rendered as lowercase hex of SHA-512. The root is what is published before voting opens; the
 * record carries the ids so that anyone can recompute it (PROTOCOL.md §8).
 */
import { hashInputs } from '../hash/hash-input.ts';
import { bytesToHex } from '../group/scalar.ts';

export const MERKLE_LEAF_LABEL = 'isoloir/v1/merkle-leaf';
export const MERKLE_NODE_LABEL = 'isoloir/v1/merkle-node';
export const MERKLE_EMPTY_LABEL = 'isoloir/v1/merkle-empty';

/** Sorted, de-duplicated copy of `ids` (the order the root is computed in). */
export function sortedIds(ids: Iterable<string>): string[] {
  return [...new Set(ids)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** Root of ids that are already sorted and unique. */
export function merkleRoot(sorted: readonly string[]): string {
  if (sorted.length === 0) return bytesToHex(hashInputs(MERKLE_EMPTY_LABEL, []));
  let level = sorted.map((id) => hashInputs(MERKLE_LEAF_LABEL, [id]));
  while (level.length > 1) {
    const next: Uint8Array[] = [];
    for (let i = 0; i < level.length; i += 2) {
      const l = level[i];
      const r = level[i + 1];
      if (l === undefined) break;
      next.push(r === undefined ? l : hashInputs(MERKLE_NODE_LABEL, [l, r]));
    }
    level = next;
  }
  return bytesToHex(level[0] ?? new Uint8Array(0));
}
