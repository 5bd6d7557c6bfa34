// The audit log anchored outside the database (migration 0022, ../README.md "Anchored audit heads").
// A checkpoint records, for every chain, its last position, that entry's hash and a running hash of
// the global `seq` numbers of its entries (the "numbering", which the entry hashes do not cover).
// The server signs and publishes checkpoints (apps/server/src/audit); `checkAuditAgainstHeads` reads
// the chains once and compares them with published checkpoints: a chain re-hashed after publication no
// longer has the published hash at the published position (rewritten), a chain cut shorter lacks the
// position (truncated), and entries given other global numbers change the numbering (renumbered).
import { createHash } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import { canonicalJson } from './canonical-json.ts';
import type { AuditCheckpointTable, AuditShardHeadJson, Schema } from './schema.ts';

export type { AuditShardHeadJson };

/**
 * The audit actions that mark a phase change; a checkpoint is published after each. The same list
 * is in the partial index `audit_log_phases` (migration 0022): a change here needs a new migration.
 */
export const AUDIT_PHASE_ACTIONS = [
  'preparation.frozen', // setup and voter files frozen (the freeze)
  'voting.period.opened',
  'voting.period.closed',
  'counting.identities.split', // identities split from ballots
  'counting.constituency.results', // results of a constituency
  'counting.pv.final', // a PV final (every member approved)
] as const;

export type AuditCheckpointReason = AuditCheckpointTable['reason'];

export interface AuditPhase {
  readonly action: string;
  readonly subject: string;
}

/** What a checkpoint's hash covers. */
export interface AuditCheckpointContent {
  readonly seq: number;
  readonly reason: AuditCheckpointReason;
  readonly phases: readonly AuditPhase[];
  /** ISO 8601, UTC, millisecond precision. */
  readonly publishedAt: string;
  /** Hash of checkpoint seq − 1; '' for the first. */
  readonly previous: string;
  /** Every chain with at least one entry, by shard. */
  readonly shards: readonly AuditShardHeadJson[];
}

export const AUDIT_CHECKPOINT_LABEL = 'isoloir/audit/checkpoint/v1\n';
export const AUDIT_NUMBERING_LABEL = 'isoloir/audit/numbering/v1\n';
/** The numbering of an empty chain. */
export const NUMBERING_GENESIS = '0'.repeat(64);

/** SHA-256 (hex) of the label and the checkpoint's canonical JSON. */
export function auditCheckpointHash(content: AuditCheckpointContent): string {
  const body = canonicalJson({
    seq: content.seq,
    reason: content.reason,
    phases: content.phases.map((p) => ({ action: p.action, subject: p.subject })),
    publishedAt: content.publishedAt,
    previous: content.previous,
    shards: content.shards.map((s) => ({
      shard: s.shard,
      position: s.position,
      hash: s.hash,
      numbering: s.numbering,
    })),
  });
  return createHash('sha256').update(AUDIT_CHECKPOINT_LABEL).update(body).digest('hex');
}

/** n_k = SHA-256(label ‖ n_{k−1} ‖ "\n" ‖ seq_k) over a chain's entries in position order; n_0 = 64 zeros. */
export function nextNumbering(previous: string, seq: string): string {
  return createHash('sha256').update(AUDIT_NUMBERING_LABEL).update(`${previous}\n${seq}`).digest('hex');
}

type Reader = Kysely<Schema> | Transaction<Schema>;

async function entriesAfter(
  db: Reader,
  shard: number,
  after: bigint,
  upTo: bigint | undefined,
  batchSize: number,
): Promise<{ seq: string; shard_seq: string; hash: string }[]> {
  let query = db
    .selectFrom('audit_log')
    .select(['seq', 'shard_seq', 'hash'])
    .where('shard', '=', shard)
    .where('shard_seq', '>', after.toString());
  if (upTo !== undefined) query = query.where('shard_seq', '<=', upTo.toString());
  return query.orderBy('shard_seq').limit(batchSize).execute();
}

/**
 * The heads of every chain now, with their numbering carried on from `previous` (the last
 * checkpoint's shards): only the entries after it are read. Throws when a chain is shorter than in
 * `previous` or when its entries are not where its head says: a checkpoint is never published over
 * a log that already contradicts the last one.
 */
export async function snapshotAuditHeads(
  db: Reader,
  previous: readonly AuditShardHeadJson[],
  batchSize = 5000,
): Promise<AuditShardHeadJson[]> {
  const heads = await db
    .selectFrom('audit_shards')
    .select(['shard', 'seq', 'hash'])
    .where('seq', '>', '0')
    .orderBy('shard')
    .execute();
  const before = new Map(previous.map((s) => [s.shard, s]));
  const shards: AuditShardHeadJson[] = [];
  for (const head of heads) {
    const last = before.get(head.shard);
    let position = BigInt(last?.position ?? '0');
    let numbering = last?.numbering ?? NUMBERING_GENESIS;
    let hash = last?.hash ?? '';
    const end = BigInt(head.seq);
    if (end < position)
      throw new Error(`audit chain ${String(head.shard)} is shorter than at the last checkpoint (${head.seq})`);
    while (position < end) {
      const rows = await entriesAfter(db, head.shard, position, end, batchSize);
      if (rows.length === 0) break;
      for (const row of rows) {
        if (BigInt(row.shard_seq) !== position + 1n) break;
        position += 1n;
        numbering = nextNumbering(numbering, row.seq);
        hash = row.hash;
      }
      if (rows.length < batchSize) break;
    }
    if (position !== end || hash !== head.hash)
      throw new Error(`audit chain ${String(head.shard)} does not end where its head says (${head.seq})`);
    shards.push({ shard: head.shard, position: end.toString(), hash, numbering });
  }
  return shards;
}

/** What `checkAuditAgainstHeads` catches; each is also a check name of `isoloir audit verify --heads`. */
export type AuditAnchorCheck = 'truncated' | 'rewritten' | 'renumbered';

export interface AuditAnchorProblem {
  readonly check: AuditAnchorCheck;
  /** The published checkpoint the database no longer matches. */
  readonly checkpoint: number;
  readonly shard: number;
  /** The published position in the chain. */
  readonly position: bigint;
  /** For `truncated`, how many entries the chain holds now. */
  readonly found?: bigint;
}

export interface PublishedCheckpointHeads {
  readonly checkpoint: number;
  readonly shards: readonly AuditShardHeadJson[];
}

/**
 * Reads every chain once and compares it with the published checkpoints: at each published
 * position the entry must exist (else truncated), have the published hash (else rewritten; the hash
 * chain makes this cover every entry before it too) and the published numbering (else renumbered).
 * Returns the first problem of each chain, by checkpoint then shard; [] when all hold.
 */
export async function checkAuditAgainstHeads(
  db: Reader,
  published: readonly PublishedCheckpointHeads[],
  batchSize = 5000,
): Promise<AuditAnchorProblem[]> {
  const targets = new Map<number, { checkpoint: number; head: AuditShardHeadJson; position: bigint }[]>();
  for (const checkpoint of published)
    for (const head of checkpoint.shards) {
      const list = targets.get(head.shard) ?? [];
      list.push({ checkpoint: checkpoint.checkpoint, head, position: BigInt(head.position) });
      targets.set(head.shard, list);
    }
  const problems: AuditAnchorProblem[] = [];
  for (const [shard, list] of [...targets].sort(([a], [b]) => a - b)) {
    list.sort((a, b) => (a.position < b.position ? -1 : a.position > b.position ? 1 : a.checkpoint - b.checkpoint));
    const last = list.at(-1)?.position ?? 0n;
    let position = 0n;
    let numbering = NUMBERING_GENESIS;
    let next = 0;
    let problem: AuditAnchorProblem | undefined;
    walk: while (position < last) {
      const rows = await entriesAfter(db, shard, position, last, batchSize);
      for (const row of rows) {
        if (BigInt(row.shard_seq) !== position + 1n) break walk;
        position += 1n;
        numbering = nextNumbering(numbering, row.seq);
        for (let target = list[next]; target !== undefined && target.position === position; target = list[next]) {
          next += 1;
          const check: AuditAnchorCheck | undefined =
            row.hash !== target.head.hash
              ? 'rewritten'
              : numbering !== target.head.numbering
                ? 'renumbered'
                : undefined;
          if (check !== undefined) {
            problem = { check, checkpoint: target.checkpoint, shard, position };
            break walk;
          }
        }
      }
      if (rows.length < batchSize) break;
    }
    const missing = list[next];
    if (problem === undefined && missing !== undefined && missing.position > position)
      problem = {
        check: 'truncated',
        checkpoint: missing.checkpoint,
        shard,
        position: missing.position,
        found: position,
      };
    if (problem !== undefined) problems.push(problem);
  }
  return problems.sort((a, b) => a.checkpoint - b.checkpoint || a.shard - b.shard);
}
