/**
 * The election key's fingerprint: what the board publishes before voting opens, the letters print
 * and the booth shows, so that a voter (or an observer) can compare the key a device was served with
 * the key of the ceremony. 128 bits of H("isoloir/v1/key-fingerprint", group, Enc(pk)), as 32 hex
 * digits; shown in 8 groups of 4.
 */
import { hashInputs } from '../hash/hash-input.ts';
import { bytesToHex, hexToBytes } from '../group/scalar.ts';

export const KEY_FINGERPRINT_LABEL = 'isoloir/v1/key-fingerprint';

/** undefined when `publicKeyHex` is not hex. Does not check that it is a group element. */
export function keyFingerprint(groupName: string, publicKeyHex: string): string | undefined {
  const bytes = hexToBytes(publicKeyHex);
  if (bytes === undefined) return undefined;
  return bytesToHex(hashInputs(KEY_FINGERPRINT_LABEL, [groupName, bytes]).slice(0, 16));
}

/** "1a2b 3c4d …": easier to read aloud and to compare with a printed letter. */
export function formatFingerprint(fingerprint: string): string {
  return (fingerprint.match(/.{1,4}/g) ?? []).join(' ');
}
