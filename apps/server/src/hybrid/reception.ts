// Team A's reception of hybrid envelopes (issue #16): the K-code scanned (or typed) from an outer
// envelope, the time of receipt recorded by the server, the decision (./reception-decision.ts) made
// on what the database holds inside the transaction that records it, with its audit entry, and the
// voter's status moved (the status page and the voter's page read the K-code's row). Team A sees the
// voter's name (to compare with the label) and where the inner envelope goes, never a vote.
import { sql, type Transaction } from 'kysely';
import { appendAudit, appendAudits, type Schema, type Store } from '@isoloir/store';
import { AppError } from '../errors.ts';
import type { KcodeState } from './kcode-state.ts';
import { KCODE_PURPOSE, type KeyedHash } from './keyed-hash.ts';
import { hybridVoter } from './kit-service.ts';
import { reserveBoxOrder, takeBoxOrder } from './box-order.ts';
import { publicKcodeHash } from './public-kcode.ts';
import { kcodeAfter, receptionDecision, type ReceptionDecision, type SetAsideReason } from './reception-decision.ts';

export interface EnvelopeReceipt {
  readonly envelope: string;
  readonly receivedAt: string;
  readonly decision: ReceptionDecision;
  /** The inner envelope's order number in its box (accepted only). */
  readonly boxOrder: number | null;
  /** The voter the code belongs to, for the identity check; null for an unknown code. */
  readonly voterName: string | null;
}

interface CodeFacts {
  readonly id: string;
  readonly nrn: string;
  readonly state: KcodeState;
  readonly voted: boolean;
}

/** The K-code's row and whether its voter voted at a polling station (one round trip). */
async function codeFacts(
  db: Store['db'] | Transaction<Schema>,
  electionDayId: string,
  codeHash: string,
): Promise<CodeFacts | undefined> {
  const row = await db
    .selectFrom('hybrid_kcodes as k')
    .select((eb) => [
      'k.id',
      'k.nrn',
      'k.state',
      eb
        .exists(
          eb
            .selectFrom('polling_station_votes as p')
            .select('p.nrn')
            .where('p.election_day_id', '=', electionDayId)
            .whereRef('p.nrn', '=', 'k.nrn'),
        )
        .as('voted'),
    ])
    .where('k.election_day_id', '=', electionDayId)
    .where('k.code_hash', '=', codeHash)
    .executeTakeFirst();
  return row === undefined
    ? undefined
    : { id: String(row.id), nrn: row.nrn, state: row.state, voted: row.voted === true || row.voted === 1 };
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
  const day = await store.db
    .selectFrom('election_days')
    .select('id')
    .where('id', '=', electionDayId)
    .executeTakeFirst();
  if (day === undefined) throw new AppError('counting.not-found', 'params.electionDayId');
  // Once a hybrid PV of the office is final its boxes are in the record: a later envelope is set aside
  // unopened, outside the platform (an unknown code is listed in both boxes of its office).
  const closed = await store.db
    .selectFrom('counting_pvs as p')
    .innerJoin('elections as e', 'e.id', 'p.election_id')
    .select('p.category')
    .where('e.election_day_id', '=', electionDayId)
    .where('p.mode', '=', 'hybrid')
    .where('p.constituency_code', '=', office)
    .where('p.final_at', 'is not', null)
    .executeTakeFirst();
  if (closed !== undefined) throw new AppError('hybrid.office-closed');
  const codeHash = keyedHash(KCODE_PURPOSE, electionDayId, code);
  // Read without a lock first: the voter, and whether the envelope looks acceptable.
  const bearer = await codeFacts(store.db, electionDayId, codeHash);
  const voter = bearer === undefined ? undefined : await hybridVoter(store.db, electionDayId, bearer.nrn, now);
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
    let kcode: CodeFacts | undefined;
    if (bearer !== undefined) {
      // The same lock as a reprint: a kit printed at this moment waits for the decision, or the other way round.
      await sql`select pg_advisory_xact_lock(hashtextextended(${`hybrid-kcode\n${electionDayId}\n${bearer.nrn}`}, 0))`.execute(
        trx,
      );
      // The code's state and the voter's polling-station vote, read again after the lock: the decision.
      kcode = await codeFacts(trx, electionDayId, codeHash);
    }
    const decision = decide(kcode);
    const moved = kcodeAfter(decision);
    if (moved !== undefined && kcode !== undefined)
      await trx
        .updateTable('hybrid_kcodes')
        .set({
          state: moved.state,
          cancellation_reason: moved.state === 'cancelled' ? moved.reason : null,
          state_changed_at: now,
          state_changed_by: actor,
        })
        .where('id', '=', kcode.id)
        .execute();
    let boxOrder: number | null = null;
    if (decision.outcome === 'accepted')
      boxOrder =
        before?.outcome === 'accepted' && before.box === decision.box && reserved !== null
          ? reserved
          : await takeBoxOrder(trx, { electionDayId, office, box: decision.box });
    const reason: SetAsideReason | null = decision.outcome === 'set-aside' ? decision.reason : null;
    const envelope = await trx
      .insertInto('hybrid_envelopes')
      .values({
        election_day_id: electionDayId,
        office,
        code_hash: codeHash,
        public_hash: publicKcodeHash(electionDayId, code),
        kcode_id: kcode?.id ?? null,
        received_at: now,
        received_by: actor,
        outcome: decision.outcome,
        reason,
        box: decision.outcome === 'accepted' ? decision.box : null,
        box_order: boxOrder,
        category: kcode === undefined || voter === undefined ? null : voter.category,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await appendAudit(
      trx,
      {
        actor,
        action: decision.outcome === 'accepted' ? 'hybrid.envelope.accepted' : 'hybrid.envelope.set-aside',
        subject: `envelope:${String(envelope.id)}`,
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
    return {
      envelope: String(envelope.id),
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
