// Public API of @isoloir/crypto. Platform-neutral: no I/O, no node:* imports
// Node-only parts (worker pool, benchmark) are reachable only through the lazy loaders below,
// so a browser bundle never loads them.
export type { Result } from './result.ts';
export { ok, err } from './result.ts';
export type { Group, GroupName } from './group/group.ts';
export { loadGroup, isGroupName, DEFAULT_GROUP, type BackendName } from './group/load-group.ts';
export { createSecp256k1Noble } from './group/secp256k1-noble.ts';
export { createRistretto255Noble } from './group/ristretto255-noble.ts';
export { createSecp256k1Mcl } from './group/secp256k1-mcl.ts';
export {
  mod,
  modInv,
  randomScalar,
  bytesToHex,
  hexToBytes,
  scalarToHex,
  hexToScalar,
  bytesToBigInt,
  bigIntToBytes,
} from './group/scalar.ts';
export { hashInputs, hashToScalar, createHasher, bytesToScalar, type HashInput } from './hash/hash-input.ts';
export { hashToElement } from './hash/hash-to-element.ts';
export { embed, extract, EMBED_CAPACITY } from './encoding/embed.ts';
export { extractEncoded } from './encoding/extract-encoded.ts';
export {
  encodeBallot,
  decodeBallot,
  ballotWidth,
  type BallotLayout,
  type PlainBallot,
  type DecodedBallot,
} from './encoding/ballot-codec.ts';
export {
  encrypt,
  reencrypt,
  decryptWithSecret,
  publicKey,
  type Ciphertext,
  type PublicKey,
} from './elgamal/elgamal.ts';
export {
  proveEncryption,
  verifyEncryption,
  type BallotContext,
  type EncryptionProof,
} from './proofs/encryption-proof.ts';
export {
  encryptBallot,
  verifyBallot,
  auditBallot,
  type EncryptedBallot,
  type EncryptionResult,
  type AuditError,
} from './ballot/encrypt-ballot.ts';
export * as dkg from './keygen/dkg.ts';
export {
  partialDecrypt,
  verifyPartialDecryption,
  type PartialDecryption,
  type DecryptionContext,
} from './decrypt/partial-decryption.ts';
export { combine } from './decrypt/combine.ts';
export {
  partialDecryptBulk,
  verifyPartialDecryptionBulk,
  combineBulk,
  type EncodedPartialDecryption,
} from './decrypt/decrypt-bulk.ts';
export {
  shuffleAndProve,
  type ShuffleContext,
  type ShuffleProof,
  type ShuffleResult,
  type EncodedCiphertext,
} from './shuffle/shuffle-prove.ts';
export { generatorH0, generators } from './shuffle/generators.ts';
export { inlineRunner, chunkRanges, type Runner } from './parallel/runner.ts';
export {
  RecordBuilder,
  rechain,
  entryHash,
  RECORD_FORMAT,
  type ElectionRecord,
  type RecordEntry,
} from './record/record-chain.ts';
export { canonicalJson, type Json } from './record/canonical-json.ts';
export { trackingCode, TRACKING_LABEL, type CastContent } from './board/tracking-code.ts';
export {
  kioskMessage,
  kioskRequestMessage,
  KIOSK_MESSAGE_LABEL,
  KIOSK_REQUEST_LABEL,
  type KioskMessage,
  type KioskBallotRef,
  type KioskRequest,
} from './board/kiosk-message.ts';
export { keyFingerprint, formatFingerprint, KEY_FINGERPRINT_LABEL } from './board/key-fingerprint.ts';
export {
  boardHeadHash,
  checkHeadChain,
  checkInclusion,
  BOARD_HEAD_LABEL,
  type BoardHeadKind,
  type BoardHeadContent,
  type PublishedHead,
  type ChainProblem,
  type InclusionResult,
} from './board/board-head.ts';
export {
  receiptMessage,
  headMessage,
  verifySignature,
  verifyReceiptSignature,
  verifyHeadSignature,
  auditHeadsMessage,
  verifyAuditHeadsSignature,
  RECEIPT_LABEL,
  HEAD_SIGNATURE_LABEL,
  AUDIT_HEADS_SIGNATURE_LABEL,
  type ReceiptStatement,
  type HeadStatement,
  type AuditHeadsStatement,
} from './board/signatures.ts';
export { constituencyOfGroup } from './record/group-id.ts';
export {
  SIGNING_LABELS,
  trusteeMessage,
  trusteeSignatureValid,
  trusteeSigner,
  rowsDigest,
  proofDigest,
  shuffleSigningBody,
  partialSigningBody,
  type SigningLabel,
  type SignedShuffle,
  type SignedPartial,
} from './ceremony/trustee-signing.ts';
export { boardKeyId } from './board/signatures.ts';
export { countBallots, type Counts } from './record/count-ballots.ts';
export {
  runElection,
  type ElectionOptions,
  type ElectionOutcome,
  type ElectionGroupInput,
  type CastPlan,
  type PlannedBallot,
} from './record/run-election.ts';
export { merkleRoot, sortedIds } from './record/merkle.ts';
export { legalCount } from './record/legal-count.ts';
export {
  segmentId,
  type DefinitionPayload,
  type WithheldPayload,
  type RollPayload,
  type PeriodPayload,
  type BoardHeadPayload,
  type AttendancePayload,
  type CancellationPayload,
  type LegalCounts,
  type LegalListCount,
  type RecordMode,
  type RecordCategory,
} from './record/record-types.ts';

/** NODE-ONLY: worker-thread Runner (all cores). Loaded on demand. */
export const loadNodeWorkerPool = () => import('./node/node-worker-pool.ts');
/** NODE-ONLY: the bulk-crypto benchmark behind `isoloir bench crypto`. Loaded on demand. */
export const loadCryptoBench = () => import('../bench/bench-crypto.ts');
