// The inner envelope's order number in its box (issue #16, "Reception throughput" in ./README.md).
// Taken from the box's counter (`hybrid_box_counters`, migration 0030) in a short transaction of its
// own (one autocommit statement), before the reception's transaction, when the envelope looks
// acceptable: the counter's row is locked only for that statement, not until the reception commits, so the receptions of one box no
// longer commit one after the other. That short transaction commits without waiting for its WAL flush
// (`synchronous_commit = off`): the reception that uses the number commits with a flush after it,
// which makes the counter's commit durable too (the WAL is written in order); a reception that never
// commits gave its number to nobody. A number is thus never handed out twice (and the unique index
// on (day, office, box, box_order) would refuse it); a reception that fails, or whose decision inside
// its transaction is no longer "accepted" (another envelope of the voter came first), leaves a gap.
import { sql, type Transaction } from 'kysely';
import type { Schema, Store } from '@isoloir/store';

export interface BoxKey {
  readonly electionDayId: string;
  readonly office: string;
  readonly box: 'belgium' | 'abroad';
}

function nextSql(k: BoxKey) {
  return sql<{ last: number }>`insert into hybrid_box_counters (election_day_id, office, box, last)
    values (${k.electionDayId}, ${k.office}, ${k.box}, 1)
    on conflict (election_day_id, office, box) do update set last = hybrid_box_counters.last + 1
    returning last`;
}

/**
 * Reserves the box's next order number in a transaction of its own (before the reception's): one
 * statement, committed on its own (autocommit, no `BEGIN`/`COMMIT` round trips). `set_config(…,
 * true)` in its `returning` makes `synchronous_commit = off` local to that implicit transaction: it
 * holds at its commit and is gone after (as `set local` in a block would be).
 */
export async function reserveBoxOrder(store: Store, k: BoxKey): Promise<number> {
  const r = await sql<{
    last: number;
  }>`/* isoloir:prepared */ insert into hybrid_box_counters (election_day_id, office, box, last)
    values (${k.electionDayId}, ${k.office}, ${k.box}, 1)
    on conflict (election_day_id, office, box) do update set last = hybrid_box_counters.last + 1
    returning last, set_config('synchronous_commit', 'off', true) as synchronous_commit`.execute(store.db);
  return Number(r.rows[0]?.last);
}

/**
 * Takes the box's next number inside the reception's transaction: the rare case of an envelope
 * accepted that did not look acceptable before (the counter's row then stays locked until it commits).
 */
export async function takeBoxOrder(trx: Transaction<Schema>, k: BoxKey): Promise<number> {
  const r = await nextSql(k).execute(trx);
  return Number(r.rows[0]?.last);
}
