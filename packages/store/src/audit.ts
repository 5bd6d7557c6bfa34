// The audit log: every privileged action, appended in the same transaction as the change it
// records, each entry hash-chained to the one before. See ../README.md for the hash input.
import { createHash } from 'node:crypto';
import { sql, type Kysely, type Transaction } from 'kysely';
import { canonicalJson } from './canonical-json.ts';
import type { Schema } from './schema.ts';

export interface AuditEvent {
  /** Who did it: `voter:<hash>`, `official:<id>`, `system`, `cli`. */
  readonly actor: string;
  /** What was done, a stable dotted code: `election.seeded`, `login.refused`. */
  readonly action: string;
  /** What it was done to. */
  readonly subject: string;
  readonly details?: Readonly<Record<string, unknown>>;
}

export interface AuditEntry extends Required<AuditEvent> {
  readonly seq: bigint;
  readonly at: string;
  readonly prevHash: string;
  readonly hash: string;
}

export const GENESIS_HASH = '0'.repeat(64);

export function auditEntryHash(entry: Omit<AuditEntry, 'hash'>): string {
  const body = canonicalJson({
    seq: entry.seq.toString(),
    at: entry.at,
    actor: entry.actor,
    action: entry.action,
    subject: entry.subject,
    details: entry.details,
    prevHash: entry.prevHash,
  });
  return createHash('sha256').update('isoloir/audit/v1\n').update(body).digest('hex');
}

/** Appends one entry. Must run inside the transaction of the change it records. */
export async function appendAudit(trx: Transaction<Schema>, event: AuditEvent, now: Date = new Date()): Promise<AuditEntry> {
  // The head row's lock orders concurrent writers; the update re-reads the committed tip.
  const head = await trx
    .updateTable('audit_head')
    .set({ seq: sql<string>`seq + 1` })
    .where('id', '=', 1)
    .returning(['seq', 'hash'])
    .executeTakeFirstOrThrow();
  const unsigned = {
    seq: BigInt(head.seq),
    at: now.toISOString(),
    actor: event.actor,
    action: event.action,
    subject: event.subject,
    details: event.details ?? {},
    prevHash: head.hash,
  };
  const entry: AuditEntry = { ...unsigned, hash: auditEntryHash(unsigned) };
  await trx
    .insertInto('audit_log')
    .values({
      seq: entry.seq.toString(),
      at: entry.at,
      actor: entry.actor,
      action: entry.action,
      subject: entry.subject,
      details: JSON.stringify(entry.details),
      prev_hash: entry.prevHash,
      hash: entry.hash,
    })
    .execute();
  await trx.updateTable('audit_head').set({ hash: entry.hash }).where('id', '=', 1).execute();
  return entry;
}

export type AuditChainCheck =
  | { readonly ok: true; readonly entries: number; readonly tip: string }
  | { readonly ok: false; readonly seq: bigint; readonly problem: 'hash-mismatch' | 'broken-link' | 'gap' | 'head-mismatch' };

/** Reads the whole log in order and checks every hash and link, and the head. */
export async function verifyAuditChain(db: Kysely<Schema>, batchSize = 5000): Promise<AuditChainCheck> {
  let expectedSeq = 1n;
  let prevHash = GENESIS_HASH;
  for (;;) {
    const rows = await db.selectFrom('audit_log').selectAll().where('seq', '>=', expectedSeq.toString()).orderBy('seq').limit(batchSize).execute();
    for (const row of rows) {
      const seq = BigInt(row.seq);
      if (seq !== expectedSeq) return { ok: false, seq: expectedSeq, problem: 'gap' };
      if (row.prev_hash !== prevHash) return { ok: false, seq, problem: 'broken-link' };
      const details = row.details as Readonly<Record<string, unknown>>;
      const recomputed = auditEntryHash({ seq, at: row.at, actor: row.actor, action: row.action, subject: row.subject, details, prevHash: row.prev_hash });
      if (recomputed !== row.hash) return { ok: false, seq, problem: 'hash-mismatch' };
      prevHash = row.hash;
      expectedSeq += 1n;
    }
    if (rows.length < batchSize) break;
  }
  const head = await db.selectFrom('audit_head').select(['seq', 'hash']).where('id', '=', 1).executeTakeFirstOrThrow();
  if (BigInt(head.seq) !== expectedSeq - 1n || head.hash !== prevHash) return { ok: false, seq: expectedSeq - 1n, problem: 'head-mismatch' };
  return { ok: true, entries: Number(expectedSeq - 1n), tip: prevHash };
}
