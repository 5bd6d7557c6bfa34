// Double votes: a remote ballot whose voter also voted at a polling station (the BV vote wins).
// Team A sees identities only and confirms each case; a different Team B member cancels the
// remote ballot, which then never reaches the tally; the voter's status becomes "cancelled".
//   identified --Team A confirms--> confirmed --Team B (another person) cancels--> cancelled
import { appendAudit, type Store } from '@isoloir/store';
import { CountingError, type CountingActor } from './errors.ts';
import { isSplit } from './office.ts';

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

/**
 * Lists (and records) the ballots still received whose voter is on a polling-station list. Driven
 * from the (short) polling-station lists, each batch looked up by the ballots' (election, voter)
 * index: a join the planner could turn into a scan of every ballot per listed voter (93 s for
 * 100,000 ballots on PGlite without statistics) is avoided.
 */
export async function identifyDoubleVotes(store: Store, electionId: string, actor: CountingActor): Promise<number> {
  return store.db.transaction().execute(async (trx) => {
    const election = await trx
      .selectFrom('elections')
      .select('election_day_id')
      .where('id', '=', electionId)
      .executeTakeFirst();
    if (election === undefined) throw new CountingError('counting.not-found', `no election ${electionId}`);
    const listed = await trx
      .selectFrom('polling_station_votes')
      .select(['nrn', 'station'])
      .where('election_day_id', '=', election.election_day_id)
      .execute();
    const stationOf = new Map(listed.map((r) => [r.nrn, r.station]));
    let n = 0;
    for (let i = 0; i < listed.length; i += 5000) {
      const nrns = listed.slice(i, i + 5000).map((r) => r.nrn);
      const ballots = await trx
        .selectFrom('ballots')
        .select(['id', 'constituency_code', 'voter_nrn'])
        .where('election_id', '=', electionId)
        .where('voter_nrn', 'in', nrns)
        .where('status', '=', 'received')
        .execute();
      if (ballots.length === 0) continue;
      const res = await trx
        .insertInto('double_votes')
        .values(
          ballots.map((b) => ({
            ballot_id: b.id,
            election_id: electionId,
            constituency_code: b.constituency_code,
            voter_nrn: b.voter_nrn,
            station: stationOf.get(b.voter_nrn) ?? '',
          })),
        )
        .onConflict((oc) => oc.column('ballot_id').doNothing())
        .executeTakeFirst();
      n += Number(res.numInsertedOrUpdatedRows ?? 0n);
    }
    await appendAudit(trx, {
      actor: actor.id,
      action: 'counting.double-votes.identified',
      subject: electionId,
      details: { cases: n },
    });
    return n;
  });
}

export async function listDoubleVotesForTeamA(
  store: Store,
  electionId: string,
  constituency: string,
): Promise<DoubleVoteIdentity[]> {
  const rows = await store.db
    .selectFrom('double_votes as d')
    .innerJoin('ballots as b', 'b.id', 'd.ballot_id')
    .innerJoin('elections as e', 'e.id', 'd.election_id')
    .leftJoin('voters as v', (j) =>
      j.onRef('v.election_day_id', '=', 'e.election_day_id').onRef('v.nrn', '=', 'd.voter_nrn'),
    )
    .select([
      'd.ballot_id',
      'd.constituency_code',
      'd.voter_nrn',
      'd.station',
      'd.status',
      'b.received_at',
      'v.given_name',
      'v.surname',
    ])
    .where('d.election_id', '=', electionId)
    .where('d.constituency_code', '=', constituency)
    .orderBy('d.voter_nrn')
    .execute();
  return rows.map((r) => ({
    ballotId: r.ballot_id,
    constituency: r.constituency_code,
    nrn: r.voter_nrn,
    name: `${r.surname ?? ''} ${r.given_name ?? ''}`.trim(),
    station: r.station,
    receivedAt: r.received_at,
    status: r.status,
  }));
}

export async function listCancellationsForTeamB(
  store: Store,
  electionId: string,
  constituency: string,
): Promise<CancellationCase[]> {
  const rows = await store.db
    .selectFrom('double_votes')
    .select(['ballot_id', 'constituency_code', 'station', 'confirmed_at', 'status'])
    .where('election_id', '=', electionId)
    .where('constituency_code', '=', constituency)
    .where('status', 'in', ['confirmed', 'cancelled'])
    .orderBy('ballot_id')
    .execute();
  return rows.map((r) => ({
    ballotId: r.ballot_id,
    constituency: r.constituency_code,
    station: r.station,
    confirmedAt: r.confirmed_at,
    status: r.status,
  }));
}

async function refuse(
  store: Store,
  actor: CountingActor,
  action: string,
  subject: string,
  code: 'counting.four-eyes' | 'counting.state' | 'counting.not-found' | 'counting.scope' | 'counting.already-split',
  message: string,
): Promise<never> {
  await store.db
    .transaction()
    .execute((trx) => appendAudit(trx, { actor: actor.id, action, subject, details: { refused: code, message } }));
  throw new CountingError(code, message);
}

const CHUNK = 5000;

function chunks<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += CHUNK) out.push(items.slice(i, i + CHUNK));
  return out;
}

interface CaseRow {
  readonly ballot_id: string;
  readonly election_id: string;
  readonly constituency_code: string;
  readonly status: 'identified' | 'confirmed' | 'cancelled';
  readonly confirmed_by: string | null;
}

async function casesOf(store: Store, ids: readonly string[]): Promise<Map<string, CaseRow>> {
  const found = new Map<string, CaseRow>();
  for (const part of chunks(ids)) {
    const rows = await store.db
      .selectFrom('double_votes')
      .select(['ballot_id', 'election_id', 'constituency_code', 'status', 'confirmed_by'])
      .where('ballot_id', 'in', part)
      .execute();
    for (const r of rows) found.set(r.ballot_id, r);
  }
  return found;
}

/** The first reason to refuse the whole batch, or undefined. */
function refusal(
  ids: readonly string[],
  found: ReadonlyMap<string, CaseRow>,
  constituency: string,
  expected: 'identified' | 'confirmed',
  actor: CountingActor,
):
  | {
      code: 'counting.not-found' | 'counting.scope' | 'counting.state' | 'counting.four-eyes';
      message: string;
      subject: string;
    }
  | undefined {
  const plural = ids.length > 1;
  for (const id of ids) {
    const row = found.get(id);
    const where = plural ? ` (ballot ${id})` : '';
    if (row === undefined) return { code: 'counting.not-found', message: `no such double vote${where}`, subject: id };
    if (row.constituency_code !== constituency)
      return { code: 'counting.scope', message: `this case belongs to another constituency${where}`, subject: id };
    if (row.status !== expected)
      return {
        code: 'counting.state',
        message:
          expected === 'identified'
            ? `the case is already ${row.status}${where}`
            : `Team A must confirm first (the case is ${row.status})${where}`,
        subject: id,
      };
    if (expected === 'confirmed' && row.confirmed_by === actor.id)
      return {
        code: 'counting.four-eyes',
        message: `the member who confirmed cannot also cancel${where}`,
        subject: id,
      };
  }
  return undefined;
}

/**
 * Team A confirms cases (identity checked), in one transaction: all of them or none (a case of
 * another constituency, unknown or not waiting refuses the batch, audited). `constituency` is the
 * member's scope. One audit entry lists the cases.
 */
export async function confirmDoubleVotes(
  store: Store,
  ballotIds: readonly string[],
  constituency: string,
  actor: CountingActor,
): Promise<number> {
  const ids = [...new Set(ballotIds)];
  if (ids.length === 0) return 0;
  const bad = refusal(ids, await casesOf(store, ids), constituency, 'identified', actor);
  if (bad !== undefined)
    return refuse(store, actor, 'counting.double-vote.confirm-refused', bad.subject, bad.code, bad.message);
  await store.db.transaction().execute(async (trx) => {
    const now = new Date();
    let n = 0;
    for (const part of chunks(ids)) {
      const res = await trx
        .updateTable('double_votes')
        .set({ status: 'confirmed', confirmed_by: actor.id, confirmed_at: now })
        .where('ballot_id', 'in', part)
        .where('status', '=', 'identified')
        .executeTakeFirst();
      n += Number(res.numUpdatedRows);
    }
    if (n !== ids.length) throw new CountingError('counting.state', 'a case changed meanwhile; nothing was confirmed');
    await appendAudit(trx, {
      actor: actor.id,
      action: 'counting.double-vote.confirmed',
      subject: ids.length === 1 ? (ids[0] ?? '') : `${constituency}:${String(ids.length)} cases`,
      details: { constituency, ballots: ids },
    });
  });
  return ids.length;
}

/**
 * A Team B member, not the one who confirmed, cancels the remote ballots of confirmed cases (the
 * BV vote wins): set-based, in one transaction, all or none, one audit entry listing them.
 */
export async function cancelDoubleVotes(
  store: Store,
  ballotIds: readonly string[],
  constituency: string,
  actor: CountingActor,
): Promise<number> {
  const ids = [...new Set(ballotIds)];
  if (ids.length === 0) return 0;
  const found = await casesOf(store, ids);
  const bad = refusal(ids, found, constituency, 'confirmed', actor);
  if (bad !== undefined)
    return refuse(store, actor, 'counting.double-vote.cancel-refused', bad.subject, bad.code, bad.message);
  for (const electionId of new Set([...found.values()].map((r) => r.election_id))) {
    if (await isSplit(store.db, electionId, constituency))
      return refuse(
        store,
        actor,
        'counting.double-vote.cancel-refused',
        `${electionId}/${constituency}`,
        'counting.already-split',
        `the identities of ${constituency} are already split: no ballot can be cancelled any more`,
      );
  }
  await store.db.transaction().execute(async (trx) => {
    const now = new Date();
    let cases = 0;
    let ballots = 0;
    for (const part of chunks(ids)) {
      const c = await trx
        .updateTable('double_votes')
        .set({ status: 'cancelled', cancelled_by: actor.id, cancelled_at: now })
        .where('ballot_id', 'in', part)
        .where('status', '=', 'confirmed')
        .executeTakeFirst();
      cases += Number(c.numUpdatedRows);
      const b = await trx
        .updateTable('ballots')
        .set({ status: 'cancelled', cancellation_reason: 'voted-at-polling-station', status_changed_at: now })
        .where('id', 'in', part)
        .where('status', '=', 'received')
        .executeTakeFirst();
      ballots += Number(b.numUpdatedRows);
    }
    if (cases !== ids.length)
      throw new CountingError('counting.state', 'a case changed meanwhile; nothing was cancelled');
    if (ballots !== ids.length)
      throw new CountingError('counting.state', 'a ballot is no longer waiting to be counted; nothing was cancelled');
    await appendAudit(trx, {
      actor: actor.id,
      action: 'counting.double-vote.cancelled',
      subject: ids.length === 1 ? (ids[0] ?? '') : `${constituency}:${String(ids.length)} cases`,
      details: { constituency, reason: 'voted-at-polling-station', ballots: ids },
    });
  });
  return ids.length;
}

/** Team A confirms one case (identity check). `constituency` is the member's scope. */
export async function confirmDoubleVote(
  store: Store,
  ballotId: string,
  constituency: string,
  actor: CountingActor,
): Promise<void> {
  await confirmDoubleVotes(store, [ballotId], constituency, actor);
}

/** A Team B member, not the one who confirmed, cancels one remote ballot (the BV vote wins). */
export async function cancelDoubleVote(
  store: Store,
  ballotId: string,
  constituency: string,
  actor: CountingActor,
): Promise<void> {
  await cancelDoubleVotes(store, [ballotId], constituency, actor);
}
