/**
 * What a trustee signs (PROTOCOL.md §7a), in one place for the server, the trustee tool, the
 * verifier and the offline election: every trustee registers an Ed25519 signing key at the key
 * ceremony; each of their posts to the ceremony board, each shuffle and each partial decryption is
 * then signed by it over a domain-separated message: the label, a newline, then the canonical JSON
 * (keys sorted, no whitespace) of what is signed. Bulk data (ciphertexts, proofs) enters the message
 * as a SHA-512 digest (rowsDigest, proofDigest). Pure TypeScript (noble): no node:crypto.
 */
import { ed25519 } from '@noble/curves/ed25519.js';
import { sha512 } from '@noble/hashes/sha2.js';
import { bytesToHex, hexToBytes } from '../group/scalar.ts';
import { canonicalJson, type Json } from '../record/canonical-json.ts';

export const SIGNING_LABELS = {
  registration: 'isoloir/v1/ceremony-registration',
  post: 'isoloir/v1/ceremony-post',
  shuffle: 'isoloir/v1/shuffle-upload',
  partial: 'isoloir/v1/partial-upload',
} as const;

export type SigningLabel = (typeof SIGNING_LABELS)[keyof typeof SIGNING_LABELS];

const encoder = new TextEncoder();

/** The signed bytes: UTF-8 of `label ‖ "\n" ‖ canonicalJson(body)`. */
export function trusteeMessage(label: SigningLabel, body: Json): Uint8Array {
  return encoder.encode(`${label}\n${canonicalJson(body)}`);
}

/**
 * True when `signatureHex` is the Ed25519 signature by `publicHex` (32 raw bytes, hex) of the
 * message; false, never an exception, for a missing or malformed key or signature.
 */
export function trusteeSignatureValid(
  publicHex: string,
  label: SigningLabel,
  body: Json,
  signatureHex: string | null,
): boolean {
  if (signatureHex === null || !/^[0-9a-f]{64}$/.test(publicHex) || !/^[0-9a-f]{128}$/.test(signatureHex)) return false;
  const key = hexToBytes(publicHex);
  const signature = hexToBytes(signatureHex);
  if (key === undefined || signature === undefined) return false;
  try {
    return ed25519.verify(signature, trusteeMessage(label, body), key);
  } catch {
    return false;
  }
}

/** An Ed25519 key from its 32-byte seed (hex): the public key and a signer (offline runs and tests; the trustee tool signs with node:crypto). */
export function trusteeSigner(seedHex: string): {
  readonly publicHex: string;
  sign(label: SigningLabel, body: Json): string;
} {
  const seed = hexToBytes(seedHex);
  if (seed?.length !== 32) throw new Error('an Ed25519 seed is 32 bytes');
  return {
    publicHex: bytesToHex(ed25519.getPublicKey(seed)),
    sign: (label, body) => bytesToHex(ed25519.sign(trusteeMessage(label, body), seed)),
  };
}

/** SHA-512 of rows of encoded elements (hex): u32 rows, u32 width, u32 element size (big-endian), then every byte in order. */
export function rowsDigest(rows: readonly (readonly Uint8Array[])[]): string {
  const h = sha512.create();
  const head = new Uint8Array(12);
  const view = new DataView(head.buffer);
  view.setUint32(0, rows.length);
  view.setUint32(4, rows[0]?.length ?? 0);
  view.setUint32(8, rows[0]?.[0]?.length ?? 0);
  h.update(head);
  for (const row of rows) for (const el of row) h.update(el);
  return bytesToHex(h.digest());
}

/** SHA-512 of the canonical JSON of a proof as published (hex). */
export function proofDigest(proof: unknown): string {
  return bytesToHex(sha512(encoder.encode(canonicalJson(proof as Json))));
}

export interface SignedShuffle {
  readonly electionId: string;
  readonly groupId: string;
  readonly mixNode: number;
  readonly trustee: number;
  readonly outputs: readonly (readonly Uint8Array[])[];
  readonly proof: unknown;
}

/** What a mixer signs for its shuffle. */
export function shuffleSigningBody(s: SignedShuffle): Json {
  return {
    electionId: s.electionId,
    groupId: s.groupId,
    mixNode: s.mixNode,
    trustee: s.trustee,
    outputs: rowsDigest(s.outputs),
    proof: proofDigest(s.proof),
  };
}

export interface SignedPartial {
  readonly electionId: string;
  readonly groupId: string;
  readonly trustee: number;
  readonly shares: readonly (readonly Uint8Array[])[];
  readonly proof: unknown;
}

/** What a trustee signs for its partial decryption. */
export function partialSigningBody(p: SignedPartial): Json {
  return {
    electionId: p.electionId,
    groupId: p.groupId,
    trustee: p.trustee,
    shares: rowsDigest(p.shares),
    proof: proofDigest(p.proof),
  };
}
