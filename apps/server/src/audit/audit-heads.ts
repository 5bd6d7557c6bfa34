// The audit log's heads, signed and published (issue #19; packages/store/src/audit-anchor.ts; the
// format in packages/store/README.md, "Anchored audit heads"). A checkpoint is every chain's head
// (position, hash, numbering), chained to the checkpoint before it and signed with the server's
// receipt key under its own label (isoloir/v1/audit-heads-signature), as the board heads are. It is
// not itself an audit entry: it is its own signed, append-only record, and an entry would move a head
// each time, so that the log would never be quiet.
import { sign } from 'node:crypto';
import { sql, type Kysely, type Selectable } from 'kysely';
import { auditHeadsMessage } from '@isoloir/crypto';
import {
  auditCheckpointHash,
  snapshotAuditHeads,
  AUDIT_PHASE_ACTIONS,
  type AuditCheckpointContent,
  type AuditCheckpointReason,
  type AuditPhase,
  type AuditShardHeadJson,
  type Schema,
  type Store,
} from '@isoloir/store';
import { votingService } from '../voting/service.ts';

export const AUDIT_HEADS_FORMAT = 'isoloir-audit-heads/1';

export interface SignedCheckpoint extends AuditCheckpointContent {
  readonly hash: string;
  readonly keyId: string;
  /** Ed25519 (hex) over AUDIT_HEADS_SIGNATURE_LABEL ‖ canonicalJson({ seq, reason, hash, keyId }). */
  readonly signature: string;
}

/** What GET /api/audit/heads answers and `isoloir audit verify --heads FILE` reads. */
export interface AuditHeadsDocument {
  readonly format: typeof AUDIT_HEADS_FORMAT;
  /** The server's receipt key (raw Ed25519, hex): the one receipts and board heads are signed with. */
  readonly publicKey: string;
  readonly keyId: string;
  readonly checkpoints: readonly SignedCheckpoint[];
}

type CheckpointRow = Selectable<Schema['audit_checkpoints']>;

function signed(row: CheckpointRow): SignedCheckpoint {
  return {
    seq: row.seq,
    reason: row.reason,
    phases: row.phases,
    publishedAt: row.published_at.toISOString(),
    previous: row.previous,
    shards: row.shards,
    hash: row.hash,
    keyId: row.key_id,
    signature: row.signature,
  };
}

async function lastCheckpoint(db: Kysely<Schema>): Promise<CheckpointRow | undefined> {
  return db.selectFrom('audit_checkpoints').selectAll().orderBy('seq', 'desc').limit(1).executeTakeFirst();
}

async function headsUnchanged(db: Kysely<Schema>, last: readonly AuditShardHeadJson[]): Promise<boolean> {
  const now = await db.selectFrom('audit_shards').select(['shard', 'seq']).where('seq', '>', '0').execute();
  const before = new Map(last.map((s) => [s.shard, s.position]));
  return now.length === before.size && now.every((s) => before.get(s.shard) === s.seq);
}

/**
 * Publishes the next checkpoint and returns it; undefined when no chain moved since the last one
 * (except for `manual`) or when a concurrent publisher took the same number (its checkpoint stands).
 */
export async function publishAuditCheckpoint(
  store: Store,
  reason: AuditCheckpointReason,
  phases: readonly AuditPhase[],
  now: Date,
): Promise<SignedCheckpoint | undefined> {
  const keys = await votingService(store).serverKeys();
  const last = await lastCheckpoint(store.db);
  if (last !== undefined && reason !== 'manual' && (await headsUnchanged(store.db, last.shards))) return undefined;
  const content: AuditCheckpointContent = {
    seq: last === undefined ? 0 : last.seq + 1,
    reason,
    phases: phases.map((p) => ({ action: p.action, subject: p.subject })),
    publishedAt: now.toISOString(),
    previous: last?.hash ?? '',
    shards: await snapshotAuditHeads(store.db, last?.shards ?? []),
  };
  const hash = auditCheckpointHash(content);
  const signature = sign(
    null,
    auditHeadsMessage({ seq: content.seq, reason, hash, keyId: keys.receiptKeyId }),
    keys.receiptKey,
  ).toString('hex');
  try {
    await store.db
      .insertInto('audit_checkpoints')
      .values({
        seq: content.seq,
        reason,
        phases: JSON.stringify(content.phases),
        published_at: now,
        previous: content.previous,
        shards: JSON.stringify(content.shards),
        hash,
        key_id: keys.receiptKeyId,
        signature,
      })
      .execute();
  } catch (error) {
    if (typeof error === 'object' && error !== null && (error as { code?: unknown }).code === '23505') return undefined;
    throw error;
  }
  return { ...content, hash, keyId: keys.receiptKeyId, signature };
}

/** The published checkpoints from `from` on, with the key to check them. */
export async function auditHeadsDocument(store: Store, from = 0, limit = 1000): Promise<AuditHeadsDocument> {
  const keys = await votingService(store).serverKeys();
  const rows = await store.db
    .selectFrom('audit_checkpoints')
    .selectAll()
    .where('seq', '>=', from)
    .orderBy('seq')
    .limit(limit)
    .execute();
  return {
    format: AUDIT_HEADS_FORMAT,
    publicKey: keys.receiptPublicKey,
    keyId: keys.receiptKeyId,
    checkpoints: rows.map(signed),
  };
}

/** The latest checkpoint alone (it covers every entry before it), for the export bundle; null: none yet. */
export async function latestAuditHeads(store: Store): Promise<AuditHeadsDocument | null> {
  const last = await lastCheckpoint(store.db);
  if (last === undefined) return null;
  const keys = await votingService(store).serverKeys();
  return {
    format: AUDIT_HEADS_FORMAT,
    publicKey: keys.receiptPublicKey,
    keyId: keys.receiptKeyId,
    checkpoints: [signed(last)],
  };
}

/** The phase changes written after the chains' positions in `last` (in global order). */
export async function phasesSince(db: Kysely<Schema>, last: readonly AuditShardHeadJson[]): Promise<AuditPhase[]> {
  const positions = JSON.stringify(Object.fromEntries(last.map((s) => [String(s.shard), s.position])));
  // The action list as literals, so that the planner reads the partial index audit_log_phases.
  const actions = sql.join(AUDIT_PHASE_ACTIONS.map((a) => sql.lit(a)));
  const { rows } = await sql<AuditPhase>`select action, subject from audit_log
    where action in (${actions})
      and shard_seq > coalesce((${positions}::jsonb ->> shard::text)::bigint, 0)
    order by seq`.execute(db);
  return rows.map((r) => ({ action: r.action, subject: r.subject }));
}
