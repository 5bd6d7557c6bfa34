// The anchored bulletin board's heads (packages/crypto/src/board/board-head.ts, PROTOCOL.md §9):
// publishing one head (one transaction: cover the ballots not yet on the board, chain, sign with the
// receipt key, audit), reading them, and the policy of when to publish (opening before voting,
// every N ballots or M minutes during voting, closing once the period is closed for good).
import { sign } from 'node:crypto';
import { sql, type Kysely, type Selectable, type Transaction } from 'kysely';
import { boardHeadHash, headMessage, keyFingerprint, type BoardHeadKind, type PublishedHead } from '@isoloir/crypto';
import { appendAudit, type Schema } from '@isoloir/store';
import type { VotingService } from './service.ts';

export interface SignedHead extends PublishedHead {
  readonly keyId: string;
  readonly signature: string;
}

export interface HeadSummary {
  readonly electionId: string;
  readonly seq: number;
  readonly kind: BoardHeadKind;
  readonly previous: string;
  readonly publishedAt: string;
  readonly keyFingerprint: string;
  readonly total: number;
  readonly batch: number;
  readonly hash: string;
  readonly keyId: string;
  readonly signature: string;
}

type HeadRow = Selectable<Schema['board_heads']>;

function summary(row: HeadRow): HeadSummary {
  return {
    electionId: row.election_id,
    seq: row.seq,
    kind: row.kind,
    previous: row.previous,
    publishedAt: row.published_at.toISOString(),
    keyFingerprint: row.key_fingerprint,
    total: row.total,
    batch: row.batch,
    hash: row.hash,
    keyId: row.key_id,
    signature: row.signature,
  };
}

const HEAD_COLUMNS = [
  'election_id',
  'seq',
  'kind',
  'previous',
  'published_at',
  'key_fingerprint',
  'total',
  'batch',
  'hash',
  'key_id',
  'signature',
] as const;

async function lastHead(db: Kysely<Schema> | Transaction<Schema>, electionId: string): Promise<HeadRow | undefined> {
  return db
    .selectFrom('board_heads')
    .select(HEAD_COLUMNS)
    .where('election_id', '=', electionId)
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
}

/** The election key's fingerprint as published (undefined: no key yet). */
export async function electionKeyFingerprint(
  db: Kysely<Schema>,
  electionId: string,
): Promise<{ group: string; publicKey: string; fingerprint: string } | undefined> {
  const key = await db
    .selectFrom('election_keys')
    .select(['group_name', 'public_key'])
    .where('election_id', '=', electionId)
    .executeTakeFirst();
  const fingerprint = key === undefined ? undefined : keyFingerprint(key.group_name, key.public_key);
  return key === undefined || fingerprint === undefined
    ? undefined
    : { group: key.group_name, publicKey: key.public_key, fingerprint };
}

/**
 * Publishes the next head of `kind` and returns it; returns the existing head instead when there is
 * nothing to publish (an opening head exists already; no new ballot for a periodic head; the board is
 * closed), and undefined when the election has no key yet or a concurrent publisher won.
 * The first head of an election is always the opening head, whatever `kind` asked.
 */
export async function publishHead(
  service: VotingService,
  electionId: string,
  kind: BoardHeadKind,
  now: Date,
): Promise<HeadSummary | undefined> {
  const keys = await service.serverKeys();
  try {
    return await service.store.db.transaction().execute(async (trx) => {
      const key = await trx
        .selectFrom('election_keys')
        .select(['group_name', 'public_key'])
        .where('election_id', '=', electionId)
        .executeTakeFirst();
      const fingerprint = key === undefined ? undefined : keyFingerprint(key.group_name, key.public_key);
      if (fingerprint === undefined) return undefined;
      const last = await lastHead(trx, electionId);
      if (last !== undefined && (kind === 'opening' || last.kind === 'closing')) return summary(last);
      const seq = last === undefined ? 0 : last.seq + 1;
      const actual: BoardHeadKind = last === undefined ? 'opening' : kind;
      const covered = await sql<{
        tracking_code: string;
      }>`update ballots set board_seq = ${seq} where election_id = ${electionId} and board_seq is null returning tracking_code`.execute(
        trx,
      );
      const codes = covered.rows.map((r) => r.tracking_code);
      if (actual === 'periodic' && codes.length === 0 && last !== undefined) return summary(last);
      const content = {
        electionId,
        seq,
        kind: actual,
        previous: last?.hash ?? '',
        publishedAt: now.toISOString(),
        keyFingerprint: fingerprint,
        total: (last?.total ?? 0) + codes.length,
        trackingCodes: codes,
      };
      const hash = boardHeadHash(content);
      const signature = sign(
        null,
        headMessage({ electionId, seq, kind: actual, hash, keyId: keys.receiptKeyId }),
        keys.receiptKey,
      ).toString('hex');
      const row: HeadRow = {
        election_id: electionId,
        seq,
        kind: actual,
        previous: content.previous,
        published_at: now,
        key_fingerprint: fingerprint,
        total: content.total,
        batch: codes.length,
        hash,
        key_id: keys.receiptKeyId,
        signature,
      };
      await trx.insertInto('board_heads').values(row).execute();
      await appendAudit(
        trx,
        {
          actor: 'system',
          action: 'board.head-published',
          subject: electionId,
          details: { seq, kind: actual, hash, batch: codes.length, total: content.total, keyFingerprint: fingerprint },
        },
        now,
      );
      return summary(row);
    });
  } catch (error) {
    // Two publishers raced for the same seq: the other one's head stands.
    if (typeof error === 'object' && error !== null && (error as { code?: unknown }).code === '23505') return undefined;
    throw error;
  }
}

export async function listHeads(
  db: Kysely<Schema>,
  electionId: string,
  fromSeq = 0,
  limit = 1000,
): Promise<HeadSummary[]> {
  const rows = await db
    .selectFrom('board_heads')
    .select(HEAD_COLUMNS)
    .where('election_id', '=', electionId)
    .where('seq', '>=', fromSeq)
    .orderBy('seq')
    .limit(limit)
    .execute();
  return rows.map(summary);
}

/** One head with its batch of tracking codes (sorted), so that anybody can recompute its hash. */
export async function headWithBatch(
  db: Kysely<Schema>,
  electionId: string,
  seq: number,
): Promise<(HeadSummary & { trackingCodes: string[] }) | undefined> {
  const row = await db
    .selectFrom('board_heads')
    .select(HEAD_COLUMNS)
    .where('election_id', '=', electionId)
    .where('seq', '=', seq)
    .executeTakeFirst();
  if (row === undefined) return undefined;
  const codes = await db
    .selectFrom('ballots')
    .select('tracking_code')
    .where('election_id', '=', electionId)
    .where('board_seq', '=', seq)
    .orderBy('tracking_code')
    .execute();
  return { ...summary(row), trackingCodes: codes.map((c) => c.tracking_code) };
}

export interface HeadPolicy {
  /** A periodic head once this many ballots are not on the board yet. */
  readonly everyBallots: number;
  /** …or once the last head is this old and some ballot is not on it. */
  readonly everyMs: number;
}

export const DEFAULT_HEAD_POLICY: HeadPolicy = { everyBallots: 1000, everyMs: 5 * 60_000 };

/** From ISOLOIR_BOARD_EVERY_BALLOTS and ISOLOIR_BOARD_EVERY_MINUTES (defaults 1000 and 5). */
export function headPolicyFromEnv(env: Readonly<Record<string, string | undefined>>): HeadPolicy {
  const positive = (value: string | undefined, fallback: number): number => {
    const n = Number(value);
    return value !== undefined && Number.isFinite(n) && n > 0 ? n : fallback;
  };
  return {
    everyBallots: Math.floor(positive(env['ISOLOIR_BOARD_EVERY_BALLOTS'], DEFAULT_HEAD_POLICY.everyBallots)),
    everyMs: positive(env['ISOLOIR_BOARD_EVERY_MINUTES'], DEFAULT_HEAD_POLICY.everyMs / 60_000) * 60_000,
  };
}

/** Publishes every head that is due now, for every election with a key; returns those published. */
export async function publishDueHeads(service: VotingService, policy: HeadPolicy, now: Date): Promise<HeadSummary[]> {
  const elections = await sql<{
    election_id: string;
    closed_at: Date | null;
    uncovered: string;
    last_kind: string | null;
    last_at: Date | null;
  }>`
    select k.election_id, p.closed_at,
      (select count(*) from ballots b where b.election_id = k.election_id and b.board_seq is null) as uncovered,
      h.kind as last_kind, h.published_at as last_at
    from election_keys k
    left join voting_periods p on p.election_id = k.election_id and p.mode = 'online'
    left join lateral (select kind, published_at from board_heads where election_id = k.election_id order by seq desc limit 1) h on true
    order by k.election_id`.execute(service.store.db);
  const published: HeadSummary[] = [];
  for (const e of elections.rows) {
    if (e.last_kind === 'closing') continue;
    const uncovered = Number(e.uncovered);
    let kind: BoardHeadKind | undefined;
    if (e.last_kind === null) kind = 'opening';
    else if (e.closed_at !== null) kind = 'closing';
    else if (
      uncovered >= policy.everyBallots ||
      (uncovered > 0 && e.last_at !== null && now.getTime() - e.last_at.getTime() >= policy.everyMs)
    )
      kind = 'periodic';
    if (kind === undefined) continue;
    const head = await publishHead(service, e.election_id, kind, now);
    if (head !== undefined) published.push(head);
    // The opening head just published; a closed period also gets its closing head now.
    if (kind === 'opening' && e.closed_at !== null) {
      const closing = await publishHead(service, e.election_id, 'closing', now);
      if (closing !== undefined) published.push(closing);
    }
  }
  return published;
}

export interface BoardClerk {
  stop(): Promise<void>;
}

/** Runs publishDueHeads every `tickMs` in the background (one run at a time); errors wait for the next tick. */
export function startBoardClerk(
  service: VotingService,
  policy: HeadPolicy,
  tickMs: number,
  onError: (error: unknown) => void,
): BoardClerk {
  let running: Promise<void> | undefined;
  const tick = (): void => {
    running ??= publishDueHeads(service, policy, new Date())
      .then(() => undefined, onError)
      .finally(() => {
        running = undefined;
      });
  };
  tick();
  const timer = setInterval(tick, tickMs);
  timer.unref();
  return {
    stop: async () => {
      clearInterval(timer);
      await running;
    },
  };
}
