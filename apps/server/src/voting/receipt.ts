// Tracking codes and signed receipts. The tracking code is a hash of the ballot as cast (so anybody
// holding the ballot can recompute it, and find it on the bulletin board); the receipt is the
// server's Ed25519 signature over the tracking code, the election and the time of receipt.
import { createHash, createPublicKey, sign, verify, type KeyObject } from 'node:crypto';
import { canonicalJson } from '@isoloir/store';

export const TRACKING_LABEL = 'isoloir/v1/tracking-code\n';
export const RECEIPT_LABEL = 'isoloir/v1/receipt\n';

export interface CastContent {
  readonly electionId: string;
  readonly ciphertexts: readonly string[];
  readonly proof: { readonly challenge: string; readonly responses: readonly string[] };
}

/** SHA-256 of the canonical JSON of the ballot's content (hex): the same in the browser and here. */
export function trackingCode(content: CastContent): string {
  const body = canonicalJson({ electionId: content.electionId, ciphertexts: [...content.ciphertexts], proof: { challenge: content.proof.challenge, responses: [...content.proof.responses] } });
  return createHash('sha256').update(TRACKING_LABEL).update(body).digest('hex');
}

export interface Receipt {
  readonly electionId: string;
  readonly trackingCode: string;
  /** ISO 8601, UTC, millisecond precision. */
  readonly receivedAt: string;
  /** The signing key: hex of the first 8 bytes of SHA-256 of its raw public key. */
  readonly keyId: string;
}

export interface SignedReceipt extends Receipt {
  /** Ed25519 signature (hex) over RECEIPT_LABEL ‖ canonicalJson(receipt). */
  readonly signature: string;
}

function receiptMessage(receipt: Receipt): Buffer {
  return Buffer.from(RECEIPT_LABEL + canonicalJson({ electionId: receipt.electionId, trackingCode: receipt.trackingCode, receivedAt: receipt.receivedAt, keyId: receipt.keyId }), 'utf8');
}

export function signReceipt(privateKey: KeyObject, receipt: Receipt): SignedReceipt {
  return { ...receipt, signature: sign(null, receiptMessage(receipt), privateKey).toString('hex') };
}

/** Anybody can check a receipt with the published key (raw 32-byte public key, hex). */
export function verifyReceipt(publicKeyHex: string, receipt: SignedReceipt): boolean {
  if (!/^[0-9a-f]{64}$/.test(publicKeyHex) || !/^[0-9a-f]{128}$/.test(receipt.signature)) return false;
  const key = createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: Buffer.from(publicKeyHex, 'hex').toString('base64url') }, format: 'jwk' });
  return verify(null, receiptMessage(receipt), key, Buffer.from(receipt.signature, 'hex'));
}

export function keyIdOf(publicKeyHex: string): string {
  return createHash('sha256').update(Buffer.from(publicKeyHex, 'hex')).digest('hex').slice(0, 16);
}
