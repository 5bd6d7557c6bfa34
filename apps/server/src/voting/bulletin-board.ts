// The public bulletin board: the tracking codes of the ballots received, per constituency, in pages;
// and the lookup of one code. No identity, no time and no status: only what lets a voter find their
// ballot. Whoever holds a voter's receipt must not learn whether they voted again (a later vote is the
// voter's defence against pressure: the last one counts), so "superseded", "cancelled" or "counted"
// are never shown here; the voter sees their own ballots' status in the portal, logged in.
import type { Kysely } from 'kysely';
import type { Labels, Schema } from '@isoloir/store';

export interface BoardPage {
  readonly electionId: string;
  readonly constituencies: { readonly code: string; readonly label: Labels; readonly ballots: number }[];
  readonly constituency: string | null;
  readonly entries: { readonly trackingCode: string }[];
  /** Pass as `after` for the next page; null on the last page. */
  readonly next: string | null;
}

export async function boardPage(
  db: Kysely<Schema>,
  electionId: string,
  constituency: string | undefined,
  after: string | undefined,
  limit: number,
): Promise<BoardPage | undefined> {
  const election = await db.selectFrom('elections').select('id').where('id', '=', electionId).executeTakeFirst();
  if (election === undefined) return undefined;
  const counts = await db
    .selectFrom('constituencies as c')
    .leftJoin('ballots as b', (join) =>
      join.onRef('b.election_id', '=', 'c.election_id').onRef('b.constituency_code', '=', 'c.code'),
    )
    .select(['c.code', 'c.label', (eb) => eb.fn.count<string>('b.id').as('n')])
    .where('c.election_id', '=', electionId)
    .groupBy(['c.code', 'c.label'])
    .orderBy('c.code')
    .execute();
  let entries: { tracking_code: string }[] = [];
  if (constituency !== undefined) {
    let query = db
      .selectFrom('ballots')
      .select(['tracking_code'])
      .where('election_id', '=', electionId)
      .where('constituency_code', '=', constituency)
      .orderBy('tracking_code')
      .limit(limit + 1);
    if (after !== undefined) query = query.where('tracking_code', '>', after);
    entries = await query.execute();
  }
  const more = entries.length > limit;
  const shown = entries.slice(0, limit);
  return {
    electionId,
    constituencies: counts.map((c) => ({ code: c.code, label: c.label, ballots: Number(c.n) })),
    constituency: constituency ?? null,
    entries: shown.map((e) => ({ trackingCode: e.tracking_code })),
    next: more ? (shown.at(-1)?.tracking_code ?? null) : null,
  };
}

export async function findTrackingCode(
  db: Kysely<Schema>,
  code: string,
): Promise<{ electionId: string; constituency: string } | undefined> {
  const row = await db
    .selectFrom('ballots')
    .select(['election_id', 'constituency_code'])
    .where('tracking_code', '=', code)
    .executeTakeFirst();
  return row === undefined ? undefined : { electionId: row.election_id, constituency: row.constituency_code };
}
