// What a trustee signs, and the server's check of it. Every trustee registers an Ed25519 signing
// key at the key ceremony; from then on each of their posts to the ceremony board, each shuffle and
// each partial decryption is signed by it, over a domain-separated message: the label, a newline,
// then the canonical JSON (keys sorted, no whitespace) of what is signed. Bulk data (ciphertexts,
// proofs) enters the message as a SHA-512 digest (rowsDigest, proofDigest). PROTOCOL.md §Ceremony.
import { createHash, createPublicKey, verify } from 'node:crypto';
import { canonicalJson, type Json } from '@isoloir/crypto';

export const SIGNING_LABELS = {
  registration: 'isoloir/v1/ceremony-registration',
  post: 'isoloir/v1/ceremony-post',
  shuffle: 'isoloir/v1/shuffle-upload',
  partial: 'isoloir/v1/partial-upload',
} as const;

export type SigningLabel = (typeof SIGNING_LABELS)[keyof typeof SIGNING_LABELS];

export function signedMessage(label: SigningLabel, body: Json): Buffer {
  return Buffer.from(`${label}\n${canonicalJson(body)}`, 'utf8');
}

/** An Ed25519 public key from its 32 raw bytes in hex. */
export function ed25519PublicKey(hex: string): ReturnType<typeof createPublicKey> {
  return createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: Buffer.from(hex, 'hex').toString('base64url') }, format: 'jwk' });
}

/** True when `signatureHex` is the Ed25519 signature of the message by the key `publicHex`. */
export function signatureValid(publicHex: string, label: SigningLabel, body: Json, signatureHex: string): boolean {
  if (!/^[0-9a-f]{64}$/.test(publicHex) || !/^[0-9a-f]{128}$/.test(signatureHex)) return false;
  try {
    return verify(null, signedMessage(label, body), ed25519PublicKey(publicHex), Buffer.from(signatureHex, 'hex'));
  } catch {
    return false;
  }
}

/** SHA-512 of rows of encoded elements: u32 rows, u32 width, u32 element size, then every byte in order. */
export function rowsDigest(rows: readonly (readonly Uint8Array[])[]): string {
  const h = createHash('sha512');
  const head = Buffer.alloc(12);
  head.writeUInt32BE(rows.length, 0);
  head.writeUInt32BE(rows[0]?.length ?? 0, 4);
  head.writeUInt32BE(rows[0]?.[0]?.length ?? 0, 8);
  h.update(head);
  for (const row of rows) for (const el of row) h.update(el);
  return h.digest('hex');
}

export function proofDigest(proof: unknown): string {
  return createHash('sha512').update(canonicalJson(proof as Json)).digest('hex');
}

export interface SignedShuffle {
  readonly electionId: string;
  readonly groupId: string;
  readonly mixNode: number;
  readonly trustee: number;
  readonly outputs: readonly (readonly Uint8Array[])[];
  readonly proof: unknown;
}

export function shuffleSigningBody(s: SignedShuffle): Json {
  return { electionId: s.electionId, groupId: s.groupId, mixNode: s.mixNode, trustee: s.trustee, outputs: rowsDigest(s.outputs), proof: proofDigest(s.proof) };
}

export interface SignedPartial {
  readonly electionId: string;
  readonly groupId: string;
  readonly trustee: number;
  readonly shares: readonly (readonly Uint8Array[])[];
  readonly proof: unknown;
}

export function partialSigningBody(p: SignedPartial): Json {
  return { electionId: p.electionId, groupId: p.groupId, trustee: p.trustee, shares: rowsDigest(p.shares), proof: proofDigest(p.proof) };
}
