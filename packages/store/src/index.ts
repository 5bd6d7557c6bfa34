export { openStore, type DatabaseKind, type Store, type StoreOptions } from './database.ts';
export { loadMigrations, migrate, type Migration, type MigrationReport } from './migrate.ts';
export { appendAudit, auditEntryHash, verifyAuditChain, GENESIS_HASH, type AuditChainCheck, type AuditEntry, type AuditEvent } from './audit.ts';
export { canonicalJson } from './canonical-json.ts';
export type * from './schema.ts';
