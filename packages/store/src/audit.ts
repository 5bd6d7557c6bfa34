// The audit log: every privileged action, appended in the same transaction as the change it
// records. Entries form AUDIT_SHARDS independent hash chains: a writer takes the head of any chain
// no other transaction holds, so commands no longer commit one after another. See ../README.md
// for the hash input and migrations/0006_audit_shards.sql for the layout.
import { createHash } from 'node:crypto';
import { sql, type Kysely, type RawBuilder, type Transaction } from 'kysely';
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

/** An entry before it is written: its place in its chain and its hash. */
export interface PendingAuditEntry extends Required<AuditEvent> {
  /** The chain (0 … AUDIT_SHARDS − 1). */
  readonly shard: number;
  /** Position in the chain, from 1; this is what the hash covers (as `seq`). */
  readonly shardSeq: bigint;
  readonly at: string;
  readonly prevHash: string;
  readonly hash: string;
}

export interface AuditEntry extends PendingAuditEntry {
  /** Global identifier and reading order across chains (increasing, with gaps after rollbacks). */
  readonly seq: bigint;
}

/** The head of a chain, locked by the current transaction until it ends. */
export interface AuditHead {
  readonly shard: number;
  readonly seq: bigint;
  readonly hash: string;
}

export const AUDIT_SHARDS = 64;
export const GENESIS_HASH = '0'.repeat(64);

/** The `prevHash` of a chain's first entry: 64 zeros for shard 0 (the original chain), else a hash of the shard number. */
export function shardGenesis(shard: number): string {
  return shard === 0
    ? GENESIS_HASH
    : createHash('sha256')
        .update(`isoloir/audit/genesis/${String(shard)}`)
        .digest('hex');
}

export function auditEntryHash(entry: Omit<PendingAuditEntry, 'hash' | 'shard'>): string {
  const body = canonicalJson({
    seq: entry.shardSeq.toString(),
    at: entry.at,
    actor: entry.actor,
    action: entry.action,
    subject: entry.subject,
    details: entry.details,
    prevHash: entry.prevHash,
  });
  return createHash('sha256').update('isoloir/audit/v1\n').update(body).digest('hex');
}

// The chain each open transaction writes to: one transaction's entries stay in one chain, in order.
const held = new WeakMap<Transaction<Schema>, number>();

/**
 * Locks the head of a chain for this transaction (one round trip): the one it already holds, else
 * any head no other transaction holds, else (more than AUDIT_SHARDS writers at once) a random one,
 * waiting for it. Nothing is changed: a transaction that claims and then writes nothing may commit.
 */
export async function claimAuditHead(trx: Transaction<Schema>): Promise<AuditHead> {
  const mine = held.get(trx);
  const row =
    mine !== undefined
      ? await trx
          .selectFrom('audit_shards')
          .select(['shard', 'seq', 'hash'])
          .where('shard', '=', mine)
          .forUpdate()
          .executeTakeFirstOrThrow()
      : ((await claimAuditHeadSql().execute(trx)).rows[0] ??
        (await trx
          .selectFrom('audit_shards')
          .select(['shard', 'seq', 'hash'])
          .where('shard', '=', Math.floor(Math.random() * AUDIT_SHARDS))
          .forUpdate()
          .executeTakeFirstOrThrow()));
  held.set(trx, row.shard);
  return { shard: row.shard, seq: BigInt(row.seq), hash: row.hash };
}

/** SQL of `claimAuditHead` without the fallback, to be merged into another statement as a CTE returning `shard, seq, hash` (or no row). */
export function claimAuditHeadSql(): RawBuilder<{ shard: number; seq: string; hash: string }> {
  return sql`/* isoloir:prepared */ select shard, seq, hash from audit_shards order by random() limit 1 for update skip locked`;
}

/**
 * SQL of `claimAuditHead`'s fallback: every chain held by another transaction (more writers than
 * chains), wait for one chosen at random. Returns `shard, seq, hash` (one row).
 */
export function waitAuditHeadSql(): RawBuilder<{ shard: number; seq: string; hash: string }> {
  return sql`/* isoloir:prepared */ select shard, seq, hash from audit_shards where shard = ${Math.floor(Math.random() * AUDIT_SHARDS)} for update`;
}

/** Records that `trx` holds `head` (claimed through `claimAuditHeadSql`). */
export function heldAuditHead(trx: Transaction<Schema>, row: { shard: number; seq: string; hash: string }): AuditHead {
  held.set(trx, row.shard);
  return { shard: row.shard, seq: BigInt(row.seq), hash: row.hash };
}

/** The next entry on a head this transaction holds (no I/O). */
export function nextAuditEntry(head: AuditHead, event: AuditEvent, now: Date): PendingAuditEntry {
  const unsigned = {
    shard: head.shard,
    shardSeq: head.seq + 1n,
    at: now.toISOString(),
    actor: event.actor,
    action: event.action,
    subject: event.subject,
    details: event.details ?? {},
    prevHash: head.hash,
  };
  return { ...unsigned, hash: auditEntryHash(unsigned) };
}

/**
 * The two data-modifying statements that write a pending entry and move its chain's head, to be
 * used as CTEs of one statement: `insert` returns `seq`, `advance` returns `shard` (one row only
 * if the head was still where the entry expects it). `insertIfAdvanced` is `insert` written only
 * when the CTE named `head` (the `advance`) returned its row, so that a head that did not move
 * writes nothing even when the statement is committed before its answer is read.
 */
export function auditWriteSql(entry: PendingAuditEntry): {
  insert: RawBuilder<{ seq: string }>;
  insertIfAdvanced: RawBuilder<{ seq: string }>;
  advance: RawBuilder<{ shard: number }>;
} {
  const row = sql`${entry.shard}, ${entry.shardSeq.toString()}, ${entry.at}, ${entry.actor}, ${entry.action}, ${entry.subject}, ${JSON.stringify(entry.details)}::jsonb, ${entry.prevHash}, ${entry.hash}`;
  return {
    insert: sql`insert into audit_log (shard, shard_seq, at, actor, action, subject, details, prev_hash, hash)
      values (${row})
      returning seq`,
    insertIfAdvanced: sql`insert into audit_log (shard, shard_seq, at, actor, action, subject, details, prev_hash, hash)
      select ${row} from head
      returning seq`,
    advance: sql`update audit_shards set seq = ${entry.shardSeq.toString()}, hash = ${entry.hash}
      where shard = ${entry.shard} and seq = ${(entry.shardSeq - 1n).toString()} and hash = ${entry.prevHash}
      returning shard`,
  };
}

/** Appends one entry (two round trips). Must run inside the transaction of the change it records. */
export async function appendAudit(
  trx: Transaction<Schema>,
  event: AuditEvent,
  now: Date = new Date(),
): Promise<AuditEntry> {
  const entry = nextAuditEntry(await claimAuditHead(trx), event, now);
  const { insert, advance } = auditWriteSql(entry);
  const result = await sql<{
    seq: string;
    advanced: string;
  }>`/* isoloir:prepared */ with entry as (${insert}), head as (${advance})
    select (select seq from entry) as seq, (select count(*) from head) as advanced`.execute(trx);
  const row = result.rows[0];
  if (row === undefined || Number(row.advanced) !== 1)
    throw new Error(`audit shard ${String(entry.shard)} moved while held`);
  return { ...entry, seq: BigInt(row.seq) };
}

/**
 * Appends several entries, in order, on one chain (two round trips whatever their number): for bulk
 * commands (a batch of kits), each entry still its own link. Must run inside the transaction of the
 * changes they record.
 */
export async function appendAudits(
  trx: Transaction<Schema>,
  events: readonly AuditEvent[],
  now: Date = new Date(),
): Promise<void> {
  if (events.length === 0) return;
  const first = await claimAuditHead(trx);
  let head = first;
  const entries = events.map((event) => {
    const entry = nextAuditEntry(head, event, now);
    head = { shard: entry.shard, seq: entry.shardSeq, hash: entry.hash };
    return entry;
  });
  const rows = entries.map(
    (e) =>
      sql`(${e.shard}, ${e.shardSeq.toString()}, ${e.at}, ${e.actor}, ${e.action}, ${e.subject}, ${JSON.stringify(e.details)}::jsonb, ${e.prevHash}, ${e.hash})`,
  );
  const result = await sql<{ advanced: string }>`with entries as (
      insert into audit_log (shard, shard_seq, at, actor, action, subject, details, prev_hash, hash)
      values ${sql.join(rows)} returning seq),
    head as (update audit_shards set seq = ${head.seq.toString()}, hash = ${head.hash}
      where shard = ${first.shard} and seq = ${first.seq.toString()} and hash = ${first.hash} returning shard)
    select (select count(*) from head) as advanced, (select count(*) from entries) as written`.execute(trx);
  if (Number(result.rows[0]?.advanced) !== 1) throw new Error(`audit shard ${String(first.shard)} moved while held`);
}

export type AuditProblem = 'hash-mismatch' | 'broken-link' | 'gap' | 'head-mismatch';

export type AuditChainCheck =
  | { readonly ok: true; readonly entries: number; readonly shards: number; readonly tip: string }
  | {
      readonly ok: false;
      /** The global identifier of the first bad entry (for `head-mismatch`, of the chain's last entry; 0 if the chain is empty). */
      readonly seq: bigint;
      readonly shard: number;
      /** Its position in its chain. */
      readonly shardSeq: bigint;
      readonly problem: AuditProblem;
    };

/**
 * Reads every chain in order and checks every hash and link, and each chain's head; names the
 * first bad entry (chains in shard order). `tip` is one hash over all heads (shard, position,
 * hash), a fingerprint of the whole log at this moment.
 */
export async function verifyAuditChain(db: Kysely<Schema>, batchSize = 5000): Promise<AuditChainCheck> {
  const heads = await db.selectFrom('audit_shards').select(['shard', 'seq', 'hash']).orderBy('shard').execute();
  const fingerprint = createHash('sha256').update('isoloir/audit/heads\n');
  let entries = 0;
  for (const head of heads) {
    let expected = 1n;
    let prevHash = shardGenesis(head.shard);
    let lastSeq = 0n;
    for (;;) {
      const rows = await db
        .selectFrom('audit_log')
        .selectAll()
        .where('shard', '=', head.shard)
        .where('shard_seq', '>=', expected.toString())
        .orderBy('shard_seq')
        .limit(batchSize)
        .execute();
      for (const row of rows) {
        const seq = BigInt(row.seq);
        const shardSeq = BigInt(row.shard_seq);
        const bad = (problem: AuditProblem, at = seq, position = shardSeq): AuditChainCheck => ({
          ok: false,
          seq: at,
          shard: head.shard,
          shardSeq: position,
          problem,
        });
        if (shardSeq !== expected) return bad('gap', seq, expected);
        if (row.prev_hash !== prevHash) return bad('broken-link');
        const details = row.details as Readonly<Record<string, unknown>>;
        const recomputed = auditEntryHash({
          shardSeq,
          at: row.at,
          actor: row.actor,
          action: row.action,
          subject: row.subject,
          details,
          prevHash: row.prev_hash,
        });
        if (recomputed !== row.hash) return bad('hash-mismatch');
        prevHash = row.hash;
        lastSeq = seq;
        expected += 1n;
      }
      if (rows.length < batchSize) break;
    }
    if (BigInt(head.seq) !== expected - 1n || head.hash !== prevHash)
      return { ok: false, seq: lastSeq, shard: head.shard, shardSeq: expected - 1n, problem: 'head-mismatch' };
    entries += Number(expected - 1n);
    fingerprint.update(`${String(head.shard)} ${head.seq} ${head.hash}\n`);
  }
  return { ok: true, entries, shards: heads.length, tip: fingerprint.digest('hex') };
}
