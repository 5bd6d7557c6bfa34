// The audit log's heads, signed and published (./README.md), for the CLI and the tests.
export {
  auditHeadsDocument,
  latestAuditHeads,
  phasesSince,
  publishAuditCheckpoint,
  AUDIT_HEADS_FORMAT,
  type AuditHeadsDocument,
  type SignedCheckpoint,
} from './audit-heads.ts';
export {
  auditHeadsPolicyFromEnv,
  publishDueAuditHeads,
  startAuditClerk,
  DEFAULT_AUDIT_HEADS_POLICY,
  type AuditClerk,
  type AuditHeadsPolicy,
} from './audit-clerk.ts';
export { auditHeadsSchema, checkpointSchema } from './schema.ts';
