// Double votes: a remote ballot whose voter also voted at a polling station (the BV vote wins).
// Team A sees identities only and confirms each case; a different Team B member cancels the
// remote ballot, which then never reaches the tally; the voter's status becomes "cancelled".
//   identified --Team A confirms--> confirmed --Team B (another person) cancels--> cancelled
import { sql } from 'kysely';
import { appendAudit, type Store } from '@isoloir/store';
import { CountingError, type CountingActor } from './errors.ts';

/** What Team A sees: identities, never a ciphertext. */
export interface DoubleVoteIdentity {
  readonly ballotId: string;
  readonly constituency: string;
  readonly nrn: string;
  readonly name: string;
  readonly station: string;
  readonly receivedAt: Date;
  readonly status: 'identified' | 'confirmed' | 'cancelled';
}

/** What Team B sees: a case to cancel, without identity. */
export interface CancellationCase {
  readonly ballotId: string;
  readonly constituency: string;
  readonly station: string;
  readonly confirmedAt: Date | null;
  readonly status: 'identified' | 'confirmed' | 'cancelled';
}

/** Lists (and records) the ballots still received whose voter is on a polling-station list. */
export async function identifyDoubleVotes(store: Store, electionId: string, actor: CountingActor): Promise<number> {
  return store.db.transaction().execute(async (trx) => {
    const res = await sql<{ n: string }>`
      with inserted as (
        insert into double_votes (ballot_id, election_id, constituency_code, voter_nrn, station)
        select b.id, b.election_id, b.constituency_code, b.voter_nrn, p.station
          from ballots b
          join elections e on e.id = b.election_id
          join polling_station_votes p on p.election_day_id = e.election_day_id and p.nrn = b.voter_nrn
         where b.election_id = ${electionId} and b.status = 'received'
        on conflict (ballot_id) do nothing
        returning 1)
      select count(*)::text as n from inserted`.execute(trx);
    const n = Number(res.rows[0]?.n ?? 0);
    await appendAudit(trx, { actor: actor.id, action: 'counting.double-votes.identified', subject: electionId, details: { cases: n } });
    return n;
  });
}

export async function listDoubleVotesForTeamA(store: Store, electionId: string, constituency: string): Promise<DoubleVoteIdentity[]> {
  const rows = await store.db
    .selectFrom('double_votes as d')
    .innerJoin('ballots as b', 'b.id', 'd.ballot_id')
    .innerJoin('elections as e', 'e.id', 'd.election_id')
    .leftJoin('voters as v', (j) => j.onRef('v.election_day_id', '=', 'e.election_day_id').onRef('v.nrn', '=', 'd.voter_nrn'))
    .select(['d.ballot_id', 'd.constituency_code', 'd.voter_nrn', 'd.station', 'd.status', 'b.received_at', 'v.given_name', 'v.surname'])
    .where('d.election_id', '=', electionId)
    .where('d.constituency_code', '=', constituency)
    .orderBy('d.voter_nrn')
    .execute();
  return rows.map((r) => ({ ballotId: r.ballot_id, constituency: r.constituency_code, nrn: r.voter_nrn, name: `${r.surname ?? ''} ${r.given_name ?? ''}`.trim(), station: r.station, receivedAt: r.received_at, status: r.status }));
}

export async function listCancellationsForTeamB(store: Store, electionId: string, constituency: string): Promise<CancellationCase[]> {
  const rows = await store.db
    .selectFrom('double_votes')
    .select(['ballot_id', 'constituency_code', 'station', 'confirmed_at', 'status'])
    .where('election_id', '=', electionId)
    .where('constituency_code', '=', constituency)
    .where('status', 'in', ['confirmed', 'cancelled'])
    .orderBy('ballot_id')
    .execute();
  return rows.map((r) => ({ ballotId: r.ballot_id, constituency: r.constituency_code, station: r.station, confirmedAt: r.confirmed_at, status: r.status }));
}

async function refuse(store: Store, actor: CountingActor, action: string, subject: string, code: 'counting.four-eyes' | 'counting.state' | 'counting.not-found' | 'counting.scope', message: string): Promise<never> {
  await store.db.transaction().execute((trx) => appendAudit(trx, { actor: actor.id, action, subject, details: { refused: code, message } }));
  throw new CountingError(code, message);
}

/** Team A confirms a case (identity check). `constituency` is the member's scope. */
export async function confirmDoubleVote(store: Store, ballotId: string, constituency: string, actor: CountingActor): Promise<void> {
  const row = await store.db.selectFrom('double_votes').selectAll().where('ballot_id', '=', ballotId).executeTakeFirst();
  if (row === undefined) return refuse(store, actor, 'counting.double-vote.confirm-refused', ballotId, 'counting.not-found', 'no such double vote');
  if (row.constituency_code !== constituency) return refuse(store, actor, 'counting.double-vote.confirm-refused', ballotId, 'counting.scope', 'this case belongs to another constituency');
  if (row.status !== 'identified') return refuse(store, actor, 'counting.double-vote.confirm-refused', ballotId, 'counting.state', `the case is already ${row.status}`);
  await store.db.transaction().execute(async (trx) => {
    await trx.updateTable('double_votes').set({ status: 'confirmed', confirmed_by: actor.id, confirmed_at: new Date() }).where('ballot_id', '=', ballotId).where('status', '=', 'identified').execute();
    await appendAudit(trx, { actor: actor.id, action: 'counting.double-vote.confirmed', subject: ballotId, details: { constituency } });
  });
}

/** A Team B member, not the one who confirmed, cancels the remote ballot (the BV vote wins). */
export async function cancelDoubleVote(store: Store, ballotId: string, constituency: string, actor: CountingActor): Promise<void> {
  const row = await store.db.selectFrom('double_votes').selectAll().where('ballot_id', '=', ballotId).executeTakeFirst();
  if (row === undefined) return refuse(store, actor, 'counting.double-vote.cancel-refused', ballotId, 'counting.not-found', 'no such double vote');
  if (row.constituency_code !== constituency) return refuse(store, actor, 'counting.double-vote.cancel-refused', ballotId, 'counting.scope', 'this case belongs to another constituency');
  if (row.status !== 'confirmed') return refuse(store, actor, 'counting.double-vote.cancel-refused', ballotId, 'counting.state', `Team A must confirm first (the case is ${row.status})`);
  if (row.confirmed_by === actor.id) return refuse(store, actor, 'counting.double-vote.cancel-refused', ballotId, 'counting.four-eyes', 'the member who confirmed cannot also cancel');
  await store.db.transaction().execute(async (trx) => {
    const now = new Date();
    await trx.updateTable('double_votes').set({ status: 'cancelled', cancelled_by: actor.id, cancelled_at: now }).where('ballot_id', '=', ballotId).where('status', '=', 'confirmed').execute();
    const res = await trx
      .updateTable('ballots')
      .set({ status: 'cancelled', cancellation_reason: 'voted-at-polling-station', status_changed_at: now })
      .where('id', '=', ballotId)
      .where('status', '=', 'received')
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1) throw new CountingError('counting.state', 'the ballot is no longer waiting to be counted');
    await appendAudit(trx, { actor: actor.id, action: 'counting.double-vote.cancelled', subject: ballotId, details: { constituency, reason: 'voted-at-polling-station' } });
  });
}
