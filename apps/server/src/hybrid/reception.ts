// Team A's reception of hybrid envelopes (issue #16): the K-code scanned (or typed) from an outer
// envelope, the time of receipt recorded by the server, the decision (./reception-decision.ts) made
// on what the database holds inside the transaction that records it, with its audit entry, and the
// voter's status moved (the status page and the voter's page read the K-code's row). Team A sees the
// voter's name (to compare with the label) and where the inner envelope goes, never a vote.
import { sql, type Transaction } from 'kysely';
import {
  appendAudits,
  auditWriteSql,
  claimAuditHead,
  claimAuditHeadSql,
  heldAuditHead,
  nextAuditEntry,
  type Schema,
  type Store,
} from '@isoloir/store';
import { AppError } from '../errors.ts';
import type { KcodeState } from './kcode-state.ts';
import { KCODE_PURPOSE, type KeyedHash } from './keyed-hash.ts';
import { HYBRID_MODE, hybridVoterFrom, type HybridVoterRows } from './kit-service.ts';
import { reserveBoxOrder, takeBoxOrder } from './box-order.ts';
import { publicKcodeHash } from './public-kcode.ts';
import { kcodeAfter, receptionDecision, type ReceptionDecision, type SetAsideReason } from './reception-decision.ts';

/** The most envelopes in one tray (`…/hybrid-envelopes/tray`: a scanner reading a tray, answered within seconds). */
export const TRAY_MAX = 100;

export interface EnvelopeReceipt {
  readonly envelope: string;
  readonly receivedAt: string;
  readonly decision: ReceptionDecision;
  /** The inner envelope's order number in its box (accepted only). */
  readonly boxOrder: number | null;
  /** The voter the code belongs to, for the identity check; null for an unknown code. */
  readonly voterName: string | null;
}

/** The K-code's facts that may change until the voter's lock is held: its state, a polling-station vote. */
interface CodeFacts {
  readonly id: string;
  readonly state: KcodeState;
  readonly voted: boolean;
}

type Json<T> = T | string;
const parsed = <T>(v: Json<T>): T => (typeof v === 'string' ? (JSON.parse(v) as T) : v);

/** What the first read returns: one row, whatever the code. */
interface FirstRead {
  readonly day: boolean;
  readonly closed: boolean;
  readonly id: string | null;
  readonly nrn: string | null;
  readonly state: KcodeState | null;
  readonly voted: boolean | null;
  readonly voter: Json<HybridVoterRows['voter']> | null;
  readonly places: Json<HybridVoterRows['places']>;
  readonly constituencies: Json<HybridVoterRows['constituencies']>;
}

/**
 * The first read, without a lock, in one statement: the day exists, no hybrid PV of the office is
 * final, the K-code's row with its voter's polling-station vote, and the voter's rows as
 * `hybridVoters` reads them (./kit-service.ts; `hybridVoterFrom` makes the voter of them). The
 * voter's rows are frozen (the day's mode-6 file): read once, not again under the lock.
 */
function firstReadSql(electionDayId: string, office: string, codeHash: string) {
  return sql<FirstRead>`/* isoloir:prepared */
    with k as materialized (
      -- The NRN as a value ("= (select …)"), never a join: each lookup below stays one index probe
      -- whatever the plan (a join let the planner scan every mode-6 voter of the day).
      select k.id, k.nrn, k.state,
        exists (select 1 from polling_station_votes p where p.election_day_id = k.election_day_id and p.nrn = k.nrn) as voted
      from hybrid_kcodes k where k.election_day_id = ${electionDayId} and k.code_hash = ${codeHash}
    ),
    v as materialized (
      select f.nrn, f.category, f.language, c.surname, c.given_names, s.mode_periods, d.label
      from frozen_voters f
      join consolidated_voters c on c.consolidation_id = f.consolidation_id and c.nrn = f.nrn
      join election_day_settings s on s.election_day_id = f.election_day_id
      join election_days d on d.id = f.election_day_id
      where f.election_day_id = ${electionDayId} and f.mode = ${HYBRID_MODE} and f.nrn = (select k.nrn from k)
    ),
    pl as materialized (
      select p.election_id, p.choices, e.label, e.kind
      from frozen_voter_places p join elections e on e.id = p.election_id
      where p.election_day_id = ${electionDayId} and p.mode = ${HYBRID_MODE} and p.nrn = (select v.nrn from v)
    )
    select exists (select 1 from election_days where id = ${electionDayId}) as day,
      exists (
        select 1 from counting_pvs p join elections e on e.id = p.election_id
        where e.election_day_id = ${electionDayId} and p.mode = 'hybrid' and p.constituency_code = ${office}
          and p.final_at is not null
      ) as closed,
      k.id, k.nrn, k.state, k.voted,
      (select row_to_json(v) from v) as voter,
      (select coalesce(json_agg(pl order by pl.election_id), '[]') from pl) as places,
      (select coalesce(json_agg(c order by c.code), '[]') from (
        select c.election_id, c.code, c.label, c.main_office_address
        from pl join constituencies c on c.election_id = pl.election_id and c.code = any (pl.choices)
      ) c) as constituencies
    from (select 1) as one left join k on true`;
}

/** Under the voter's lock: the code's state and polling-station vote again, a free audit chain, the envelope's id. */
function underLockSql(electionDayId: string, codeHash: string) {
  return sql<{
    readonly shard: number | null;
    readonly head_seq: string | null;
    readonly head_hash: string | null;
    readonly id: string | null;
    readonly state: KcodeState | null;
    readonly voted: boolean | null;
    readonly envelope: string;
  }>`/* isoloir:prepared */
    with head as materialized (${claimAuditHeadSql()}),
    k as materialized (
      select k.id, k.state,
        exists (select 1 from polling_station_votes p where p.election_day_id = k.election_day_id and p.nrn = k.nrn) as voted
      from hybrid_kcodes k where k.election_day_id = ${electionDayId} and k.code_hash = ${codeHash}
    )
    select head.shard, head.seq as head_seq, head.hash as head_hash, k.id, k.state, k.voted,
      nextval(pg_get_serial_sequence('hybrid_envelopes', 'id')) as envelope
    from (select 1) as one left join head on true left join k on true`;
}

/** Receives one outer envelope at `office`'s main office. `code`: the compact K-code (checked before). */
export async function receiveEnvelope(
  store: Store,
  keyedHash: KeyedHash,
  electionDayId: string,
  office: string,
  code: string,
  actor: string,
  now: Date,
): Promise<EnvelopeReceipt> {
  const codeHash = keyedHash(KCODE_PURPOSE, electionDayId, code);
  // Read without a lock first: the voter, and whether the envelope looks acceptable.
  const first = (await firstReadSql(electionDayId, office, codeHash).execute(store.db)).rows[0];
  if (first?.day !== true) throw new AppError('counting.not-found', 'params.electionDayId');
  // Once a hybrid PV of the office is final its boxes are in the record: a later envelope is set aside
  // unopened, outside the platform (an unknown code is listed in both boxes of its office).
  if (first.closed) throw new AppError('hybrid.office-closed');
  const bearer: (CodeFacts & { readonly nrn: string }) | undefined =
    first.id === null || first.nrn === null || first.state === null
      ? undefined
      : { id: first.id, nrn: first.nrn, state: first.state, voted: first.voted === true };
  const voter =
    bearer === undefined || first.voter === null
      ? undefined
      : hybridVoterFrom(electionDayId, parsed(first.voter), parsed(first.places), parsed(first.constituencies), now);
  const decide = (kcode: CodeFacts | undefined): ReceptionDecision =>
    receptionDecision({
      kcode:
        kcode === undefined || voter === undefined
          ? undefined
          : { state: kcode.state, office: voter.elections[0]?.constituencyCode ?? '', category: voter.category },
      office,
      receivedAt: now,
      closesAt: new Date(voter?.period.closesAt ?? 0),
      votedAtPollingStation: kcode?.voted ?? false,
    });
  // The order number is taken before the reception's transaction when the envelope looks acceptable
  // (./box-order.ts): the box's counter is not held until the commit.
  const before = bearer === undefined ? undefined : decide(bearer);
  const reserved =
    before?.outcome === 'accepted' ? await reserveBoxOrder(store, { electionDayId, office, box: before.box }) : null;
  return store.db.transaction().execute(async (trx) => {
    if (bearer !== undefined)
      // The same lock as a reprint: a kit printed at this moment waits for the decision, or the other way round.
      // Also the day's reception lock, shared: a polling-station list being imported (which holds it
      // exclusively) is waited for, so the read below sees its votes (receptionDayLock).
      await sql`/* isoloir:prepared */ select pg_advisory_xact_lock_shared(hashtextextended(${receptionDayLock(electionDayId)}, 0)), pg_advisory_xact_lock(hashtextextended(${`hybrid-kcode\n${electionDayId}\n${bearer.nrn}`}, 0))`.execute(
        trx,
      );
    // A statement of its own after the lock (read committed: it sees what committed before the lock
    // was held): the code's state and the voter's polling-station vote, the decision's facts.
    const locked = (await underLockSql(electionDayId, codeHash).execute(trx)).rows[0];
    if (locked === undefined) throw new Error('reception: the read under the lock returned no row');
    const kcode: CodeFacts | undefined =
      bearer === undefined || locked.id === null || locked.state === null
        ? undefined
        : { id: locked.id, state: locked.state, voted: locked.voted === true };
    const head =
      locked.shard !== null && locked.head_seq !== null && locked.head_hash !== null
        ? heldAuditHead(trx, { shard: locked.shard, seq: locked.head_seq, hash: locked.head_hash })
        : await claimAuditHead(trx);
    const decision = decide(kcode);
    const moved = kcodeAfter(decision);
    let boxOrder: number | null = null;
    if (decision.outcome === 'accepted')
      boxOrder =
        before?.outcome === 'accepted' && before.box === decision.box && reserved !== null
          ? reserved
          : await takeBoxOrder(trx, { electionDayId, office, box: decision.box });
    const reason: SetAsideReason | null = decision.outcome === 'set-aside' ? decision.reason : null;
    const envelope = locked.envelope;
    const entry = nextAuditEntry(
      head,
      {
        actor,
        action: decision.outcome === 'accepted' ? 'hybrid.envelope.accepted' : 'hybrid.envelope.set-aside',
        subject: `envelope:${envelope}`,
        details: {
          electionDayId,
          office,
          kcode: kcode === undefined ? null : `kcode:${kcode.id}`,
          reason,
          box: decision.outcome === 'accepted' ? decision.box : null,
          boxOrder,
          kcodeState: moved?.state ?? null,
          // A number taken for this envelope and not used (its decision changed under the lock): a gap.
          unusedBoxOrder: reserved !== null && reserved !== boxOrder ? reserved : null,
        },
      },
      now,
    );
    const audit = auditWriteSql(entry);
    const move = moved !== undefined && kcode !== undefined;
    // One statement: the code moved (the voter's status), the envelope, its audit entry and chain head.
    const written = await sql<{ moved: string; inserted: string; advanced: string }>`/* isoloir:prepared */
      with moved as (
        update hybrid_kcodes set state = ${moved?.state ?? null}::text,
          cancellation_reason = ${moved?.state === 'cancelled' ? moved.reason : null}::text,
          state_changed_at = ${now}, state_changed_by = ${actor}
        where ${move}::boolean and id = ${kcode?.id ?? null}::bigint
        returning id
      ),
      envelope as (
        insert into hybrid_envelopes (id, election_day_id, office, code_hash, public_hash, kcode_id, received_at,
          received_by, outcome, reason, box, box_order, category)
        overriding system value
        values (${envelope}::bigint, ${electionDayId}, ${office}, ${codeHash}, ${publicKcodeHash(electionDayId, code)},
          ${kcode?.id ?? null}::bigint, ${now}, ${actor}, ${decision.outcome}, ${reason}::text,
          ${decision.outcome === 'accepted' ? decision.box : null}::text, ${boxOrder}::integer,
          ${kcode === undefined || voter === undefined ? null : voter.category}::text)
        returning id
      ),
      entry as (${audit.insert}),
      head as (${audit.advance})
      select (select count(*) from moved) as moved, (select count(*) from envelope) as inserted,
        (select count(*) from head) as advanced`.execute(trx);
    const done = written.rows[0];
    if (
      done === undefined ||
      Number(done.moved) !== (move ? 1 : 0) ||
      Number(done.inserted) !== 1 ||
      Number(done.advanced) !== 1
    )
      throw new Error(`reception: envelope, code or audit head not written (${JSON.stringify(done)})`);
    return {
      envelope,
      receivedAt: now.toISOString(),
      decision,
      boxOrder,
      voterName: voter?.name ?? null,
    };
  });
}

/** Per box, the inner envelopes accepted; per reason, the envelopes set aside: what Team B must find. */
export async function receptionSummary(
  store: Store,
  electionDayId: string,
  office: string,
): Promise<{ readonly accepted: Record<'belgium' | 'abroad', number>; readonly setAside: Record<string, number> }> {
  const rows = await store.db
    .selectFrom('hybrid_envelopes')
    .select(['outcome', 'box', 'reason', (eb) => eb.fn.countAll<string>().as('n')])
    .where('election_day_id', '=', electionDayId)
    .where('office', '=', office)
    .groupBy(['outcome', 'box', 'reason'])
    .execute();
  const accepted = { belgium: 0, abroad: 0 };
  const setAside: Record<string, number> = {};
  for (const r of rows)
    if (r.outcome === 'accepted' && r.box !== null) accepted[r.box] += Number(r.n);
    else if (r.reason !== null) setAside[r.reason] = (setAside[r.reason] ?? 0) + Number(r.n);
  return { accepted, setAside };
}

/** An accepted envelope whose inner envelope must come out of its box before it is opened. */
export interface EnvelopeToRemove {
  readonly office: string;
  readonly box: 'belgium' | 'abroad';
  readonly boxOrder: number;
}

/**
 * The day's reception lock. Each reception holds it shared (with its voter's lock) from its decision
 * to its commit; a polling-station list's import holds it exclusively from before it records the
 * list's votes to its commit. So an import waits for the receptions in flight (and then cancels the
 * envelopes they accepted), and a reception that starts during an import waits for it (and then sees
 * its votes): an envelope of a voter on the list is never left accepted. One lock per day, not one
 * per voter of the list (a list of thousands would fill PostgreSQL's lock table).
 */
export function receptionDayLock(electionDayId: string): string {
  return `hybrid-reception-day\n${electionDayId}`;
}

/** Takes the day's reception lock exclusively, in a polling-station list's import (receptionDayLock). */
export async function holdReceptionsOfDay(trx: Transaction<Schema>, electionDayId: string): Promise<void> {
  await sql`select pg_advisory_xact_lock(hashtextextended(${receptionDayLock(electionDayId)}, 0))`.execute(trx);
}

/**
 * A polling-station list came in after some of its voters' hybrid envelopes were accepted: those
 * envelopes are cancelled (the polling-station vote is kept), each K-code moved to cancelled with the
 * reason and audited, and the boxes and order numbers returned so that Team A takes the inner
 * envelopes out before Team B opens the box. Runs inside the list's import transaction.
 */
export async function cancelEnvelopesOfPollingStationVoters(
  trx: Transaction<Schema>,
  electionDayId: string,
  nrns: readonly string[],
  actor: string,
  now: Date = new Date(),
): Promise<EnvelopeToRemove[]> {
  // Normally taken already, before the list's votes were recorded; taken again here (a no-op then)
  // so that no caller can read the accepted envelopes without it.
  await holdReceptionsOfDay(trx, electionDayId);
  const found: (EnvelopeToRemove & { readonly kcode: string; readonly envelope: string })[] = [];
  for (let i = 0; i < nrns.length; i += 1000) {
    const rows = await trx
      .selectFrom('hybrid_kcodes as k')
      .innerJoin('hybrid_envelopes as e', (join) =>
        join.onRef('e.kcode_id', '=', 'k.id').on('e.outcome', '=', 'accepted'),
      )
      .select(['k.id as kcode', 'e.id as envelope', 'e.office', 'e.box', 'e.box_order'])
      .where('k.election_day_id', '=', electionDayId)
      .where('k.state', '=', 'received')
      .where('k.nrn', 'in', nrns.slice(i, i + 1000))
      .execute();
    for (const r of rows)
      if (r.box !== null && r.box_order !== null)
        found.push({
          kcode: String(r.kcode),
          envelope: String(r.envelope),
          office: r.office,
          box: r.box,
          boxOrder: r.box_order,
        });
  }
  if (found.length === 0) return [];
  await trx
    .updateTable('hybrid_kcodes')
    .set({
      state: 'cancelled',
      cancellation_reason: 'voted-at-polling-station',
      state_changed_at: now,
      state_changed_by: actor,
    })
    .where(
      'id',
      'in',
      found.map((f) => f.kcode),
    )
    .execute();
  await appendAudits(
    trx,
    found.map((f) => ({
      actor,
      action: 'hybrid.envelope.cancelled',
      subject: `envelope:${f.envelope}`,
      details: {
        electionDayId,
        office: f.office,
        kcode: `kcode:${f.kcode}`,
        reason: 'voted-at-polling-station',
        box: f.box,
        boxOrder: f.boxOrder,
      },
    })),
    now,
  );
  return found.map(({ office, box, boxOrder }) => ({ office, box, boxOrder }));
}
