/** Extraction straight from an encoded element (same rule as embed.ts `extract`). */
import type { GroupName } from '../group/group.ts';
import { EMBED_CAPACITY } from './embed.ts';

export function extractEncoded(groupName: GroupName, bytes: Uint8Array): Uint8Array | undefined {
  if (groupName === 'secp256k1') {
    if (bytes.length !== 33 || bytes[0] !== 2 || bytes[1] !== 0) return undefined;
    return bytes.slice(2, 2 + EMBED_CAPACITY);
  }
  if (bytes.length !== 32 || bytes[0] !== 0 || bytes[31] !== 0) return undefined;
  return bytes.slice(1, 1 + EMBED_CAPACITY);
}
