// Tracking codes and signed receipts (packages/crypto/src/board, PROTOCOL.md §9). The tracking code
// is a hash of the ballot as cast, constituency included (so anybody holding the ballot can
// recompute it and find it on the bulletin board); the receipt is the server's Ed25519 signature
// over the election, constituency, tracking code, time of receipt and the board head published last
// before it. The voter's device checks it with packages/crypto's verifyReceiptSignature.
import { createHash, sign, type KeyObject } from 'node:crypto';
import {
  receiptMessage,
  trackingCode as cryptoTrackingCode,
  verifyReceiptSignature,
  type CastContent,
  type ReceiptStatement,
} from '@isoloir/crypto';

export type { CastContent };

/** SHA-256 of the canonical JSON of the ballot's content (hex): the same in the browser and here. */
export function trackingCode(content: CastContent): string {
  return cryptoTrackingCode(content);
}

export type Receipt = ReceiptStatement;

export interface SignedReceipt extends Receipt {
  /** Ed25519 signature (hex) over RECEIPT_LABEL ‖ canonicalJson(receipt). */
  readonly signature: string;
}

export function signReceipt(privateKey: KeyObject, receipt: Receipt): SignedReceipt {
  return { ...receipt, signature: sign(null, receiptMessage(receipt), privateKey).toString('hex') };
}

/** Anybody can check a receipt with the published key (raw 32-byte public key, hex). */
export function verifyReceipt(publicKeyHex: string, receipt: SignedReceipt): boolean {
  return verifyReceiptSignature(publicKeyHex, receipt);
}

export function keyIdOf(publicKeyHex: string): string {
  return createHash('sha256').update(Buffer.from(publicKeyHex, 'hex')).digest('hex').slice(0, 16);
}
