// Public API of @isoloir/verifier: an independent check of an isoloir election record.
export { verifyRecord, type VerifyOptions } from './verify-record.ts';
export { countLegally, classify, type ConstituencyDef, type LegalCount } from './legal-count.ts';
export type { VerifyResult, Failure, Success, CheckName } from './failure.ts';
export type { PvFile } from './check-pv.ts';
export { verifyShuffleProof, type ShuffleStatement } from './check-shuffle.ts';
export { inlineMsm, type MsmService, type MsmJob } from './msm-service.ts';
/** NODE-ONLY: the verifier's worker-thread MsmService (all cores). Loaded on demand. */
export const loadMsmPool = () => import('./node/msm-pool.ts');
export { recordFromValue, type RecordSource, type TopLevel } from './record-source.ts';
/** NODE-ONLY: a record file read as a stream, entry by entry (any size). Loaded on demand. */
export const loadRecordFile = () => import('./node/record-file.ts');
