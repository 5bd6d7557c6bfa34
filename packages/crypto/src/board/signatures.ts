/**
 * The board's signed statements: receipts and heads, each an Ed25519 signature by the server's
 * receipt key over a label and canonical JSON. The server signs (node:crypto); the voter's device
 * and anybody else check here (noble, pure TypeScript) against the published key.
 */
import { ed25519 } from '@noble/curves/ed25519.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, hexToBytes } from '../group/scalar.ts';
import { canonicalJson } from '../record/canonical-json.ts';

export const RECEIPT_LABEL = 'isoloir/v1/receipt\n';
export const HEAD_SIGNATURE_LABEL = 'isoloir/v1/board-head-signature\n';
/** The audit log's checkpoints (packages/store/src/audit-anchor.ts), signed with the same key under their own label. */
export const AUDIT_HEADS_SIGNATURE_LABEL = 'isoloir/v1/audit-heads-signature\n';

export interface ReceiptStatement {
  readonly electionId: string;
  readonly constituency: string;
  readonly trackingCode: string;
  /** ISO 8601, UTC, millisecond precision. */
  readonly receivedAt: string;
  /** The signing key: hex of the first 8 bytes of SHA-256 of its raw public key. */
  readonly keyId: string;
  /** The latest head the board had published when the ballot was accepted (null: none yet). */
  readonly boardHead: { readonly seq: number; readonly hash: string } | null;
}

export interface HeadStatement {
  readonly electionId: string;
  readonly seq: number;
  readonly kind: string;
  readonly hash: string;
  readonly keyId: string;
}

export interface AuditHeadsStatement {
  /** The checkpoint's number. */
  readonly seq: number;
  readonly reason: string;
  /** SHA-256 (hex) of the checkpoint's content (packages/store's auditCheckpointHash). */
  readonly hash: string;
  readonly keyId: string;
}

const encoder = new TextEncoder();

export function receiptMessage(r: ReceiptStatement): Uint8Array {
  const boardHead = r.boardHead === null ? null : { seq: r.boardHead.seq, hash: r.boardHead.hash };
  return encoder.encode(
    RECEIPT_LABEL +
      canonicalJson({
        electionId: r.electionId,
        constituency: r.constituency,
        trackingCode: r.trackingCode,
        receivedAt: r.receivedAt,
        keyId: r.keyId,
        boardHead,
      }),
  );
}

export function headMessage(h: HeadStatement): Uint8Array {
  return encoder.encode(
    HEAD_SIGNATURE_LABEL +
      canonicalJson({ electionId: h.electionId, seq: h.seq, kind: h.kind, hash: h.hash, keyId: h.keyId }),
  );
}

export function auditHeadsMessage(h: AuditHeadsStatement): Uint8Array {
  return encoder.encode(
    AUDIT_HEADS_SIGNATURE_LABEL + canonicalJson({ seq: h.seq, reason: h.reason, hash: h.hash, keyId: h.keyId }),
  );
}

/** Ed25519 check; false (never an exception) on malformed key or signature. */
export function verifySignature(publicKeyHex: string, message: Uint8Array, signatureHex: string): boolean {
  if (!/^[0-9a-f]{64}$/.test(publicKeyHex) || !/^[0-9a-f]{128}$/.test(signatureHex)) return false;
  const key = hexToBytes(publicKeyHex);
  const signature = hexToBytes(signatureHex);
  if (key === undefined || signature === undefined) return false;
  try {
    return ed25519.verify(signature, message, key);
  } catch {
    return false;
  }
}

export function verifyReceiptSignature(
  publicKeyHex: string,
  receipt: ReceiptStatement & { readonly signature: string },
): boolean {
  return verifySignature(publicKeyHex, receiptMessage(receipt), receipt.signature);
}

export function verifyHeadSignature(
  publicKeyHex: string,
  head: HeadStatement & { readonly signature: string },
): boolean {
  return verifySignature(publicKeyHex, headMessage(head), head.signature);
}

export function verifyAuditHeadsSignature(
  publicKeyHex: string,
  checkpoint: AuditHeadsStatement & { readonly signature: string },
): boolean {
  return verifySignature(publicKeyHex, auditHeadsMessage(checkpoint), checkpoint.signature);
}

/** A board (receipt) key's id: hex of the first 8 bytes of SHA-256 of its raw public key; '' when it is not hex. */
export function boardKeyId(publicKeyHex: string): string {
  const key = hexToBytes(publicKeyHex);
  return key === undefined ? '' : bytesToHex(sha256(key).slice(0, 8));
}
