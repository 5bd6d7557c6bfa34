// What a trustee signs, and the check of it: the one implementation is @isoloir/crypto's
// (packages/crypto/src/ceremony/trustee-signing.ts), shared with the verifier and the trustee tool.
// Every trustee registers an Ed25519 signing key at the key ceremony; from then on each of their
// posts to the ceremony board, each shuffle and each partial decryption is signed by it, over a
// domain-separated message: the label, a newline, then the canonical JSON (keys sorted, no
// whitespace) of what is signed. Bulk data (ciphertexts, proofs) enters the message as a SHA-512
// digest (rowsDigest, proofDigest). PROTOCOL.md §7a.
import { trusteeMessage, trusteeSignatureValid, type Json, type SigningLabel } from '@isoloir/crypto';

export {
  SIGNING_LABELS,
  rowsDigest,
  proofDigest,
  shuffleSigningBody,
  partialSigningBody,
  type SigningLabel,
  type SignedShuffle,
  type SignedPartial,
} from '@isoloir/crypto';

/** The signed bytes (the trustee tool signs them with node:crypto). */
export function signedMessage(label: SigningLabel, body: Json): Uint8Array {
  return trusteeMessage(label, body);
}

/** True when `signatureHex` is the Ed25519 signature of the message by the key `publicHex`. */
export function signatureValid(publicHex: string, label: SigningLabel, body: Json, signatureHex: string): boolean {
  return trusteeSignatureValid(publicHex, label, body, signatureHex);
}
