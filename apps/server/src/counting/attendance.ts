// Who voted remotely (Team A, for attendance): per constituency, every voter with a remote ballot,
// with the time of their last ballot and what became of it. Identities only, never a content.
// Never who voted in a group below the minimum anonymity set on its own: such a group's mode and
// abroad/Belgium are not shown (the voter is listed, not the group), and a constituency whose
// electronic ballots all together stay below the minimum is not listed at all.
import { sql } from 'kysely';
import type { Store } from '@isoloir/store';
import { anonymityMinimumOf } from './anonymity.ts';
import { CountingError } from './errors.ts';

export interface RemoteVoter {
  readonly nrn: string;
  readonly name: string;
  /** null when the voter's group is below the minimum anonymity set on its own. */
  readonly mode: 'online' | 'kiosk' | null;
  readonly category: 'belgium' | 'abroad' | null;
  readonly ballots: number;
  readonly lastReceivedAt: Date;
  /** What became of the ballot that counts (or the last one): received, counted, cancelled… */
  readonly status: string;
}

export async function remoteVoters(
  store: Store,
  electionId: string,
  constituency: string,
  limit: number,
  offset: number,
): Promise<{ total: number; voters: RemoteVoter[] }> {
  const sizes = await store.db
    .selectFrom('ballots')
    .select(['mode', 'category', (eb) => eb.fn.countAll<string>().as('n')])
    .where('election_id', '=', electionId)
    .where('constituency_code', '=', constituency)
    .where('status', 'in', ['received', 'counted'])
    .groupBy(['mode', 'category'])
    .execute();
  const total = sizes.reduce((a, s) => a + Number(s.n), 0);
  const minimum = await anonymityMinimumOf(store.db, electionId);
  if (total > 0 && total < minimum)
    throw new CountingError(
      'counting.anonymity-set',
      `${constituency} has ${String(total)} remote ballot(s) to count, fewer than the minimum anonymity set (${String(minimum)}): who voted is not listed`,
    );
  const small = (mode: string, category: string): boolean =>
    Number(sizes.find((s) => s.mode === mode && s.category === category)?.n ?? 0) < minimum;
  const rows = await sql<{
    nrn: string;
    given_name: string | null;
    surname: string | null;
    mode: 'online' | 'kiosk';
    category: 'belgium' | 'abroad';
    ballots: string;
    last_at: Date;
    status: string;
    total: string;
  }>`
    with mine as (
      select b.voter_nrn, b.mode, b.category, count(*) over (partition by b.voter_nrn) as ballots,
             b.received_at, b.status, row_number() over (partition by b.voter_nrn order by b.sequence desc) as k
        from ballots b
       where b.election_id = ${electionId} and b.constituency_code = ${constituency})
    select m.voter_nrn as nrn, v.given_name, v.surname, m.mode, m.category, m.ballots::text as ballots,
           m.received_at as last_at, m.status, count(*) over ()::text as total
      from mine m
      join elections e on e.id = ${electionId}
      left join voters v on v.election_day_id = e.election_day_id and v.nrn = m.voter_nrn
     where m.k = 1
     order by v.surname, v.given_name, m.voter_nrn
     limit ${limit} offset ${offset}`.execute(store.db);
  return {
    total: Number(rows.rows[0]?.total ?? 0),
    voters: rows.rows.map((r) => ({
      nrn: r.nrn,
      name: `${r.surname ?? ''} ${r.given_name ?? ''}`.trim(),
      mode: small(r.mode, r.category) ? null : r.mode,
      category: small(r.mode, r.category) ? null : r.category,
      ballots: Number(r.ballots),
      lastReceivedAt: new Date(r.last_at),
      status: r.status,
    })),
  };
}
