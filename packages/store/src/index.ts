export { openStore, PREPARED, type DatabaseKind, type Store, type StoreOptions } from './database.ts';
export { DataFolderInUseError } from './pglite-folder.ts';
export { loadMigrations, migrate, type Migration, type MigrationReport } from './migrate.ts';
export {
  appendAudit,
  appendAudits,
  auditEntryHash,
  auditWriteSql,
  claimAuditHead,
  claimAuditHeadSql,
  heldAuditHead,
  nextAuditEntry,
  shardGenesis,
  verifyAuditChain,
  waitAuditHeadSql,
  AUDIT_SHARDS,
  GENESIS_HASH,
  type AuditChainCheck,
  type AuditEntry,
  type AuditEvent,
  type AuditHead,
  type AuditProblem,
  type PendingAuditEntry,
} from './audit.ts';
export {
  auditCheckpointHash,
  checkAuditAgainstHeads,
  nextNumbering,
  snapshotAuditHeads,
  AUDIT_CHECKPOINT_LABEL,
  AUDIT_NUMBERING_LABEL,
  AUDIT_PHASE_ACTIONS,
  NUMBERING_GENESIS,
  type AuditAnchorCheck,
  type AuditAnchorProblem,
  type AuditCheckpointContent,
  type AuditCheckpointReason,
  type AuditPhase,
  type PublishedCheckpointHeads,
} from './audit-anchor.ts';
export { pipelinedTransaction, type PipelinedTransaction } from './pipelined.ts';
export { canonicalJson } from './canonical-json.ts';
export type * from './schema.ts';
