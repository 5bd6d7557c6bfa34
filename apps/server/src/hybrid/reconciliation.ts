// The reconciliation of a hybrid box (issue #16): the number of inner envelopes Team A put into the
// box — accepted, less those a polling-station list that came in later cancelled (taken out again by
// box and order number) — is the number of ballots Team B must encode. Any difference (an envelope
// held two ballots, an empty envelope, a ballot lost or left in the box) is written down by the
// office and printed in the PV's observations; the PV cannot be approved before it is (Code
// électoral, art. 161–165: the PV records every incident of the count; [U] the law does not name
// this check, Kiesraad's Abacus makes it a blocking one, so do we).
import { appendAudit, type Store } from '@isoloir/store';
import { AppError } from '../errors.ts';
import { boxBallots, type BoxKey } from './double-entry-store.ts';
import type { BoxEntryState } from './double-entry.ts';

export interface ReconciliationFigures {
  readonly accepted: number;
  readonly cancelled: number;
  readonly expected: number;
  /** The ballots encoded, once the box is done; null before. */
  readonly encoded: number | null;
  /** encoded − expected once the box is done; null before. */
  readonly difference: number | null;
}

/** Pure: the box's figures from Team A's and Team B's counts. */
export function reconcile(accepted: number, cancelled: number, encoded: number | null): ReconciliationFigures {
  const expected = accepted - cancelled;
  return { accepted, cancelled, expected, encoded, difference: encoded === null ? null : encoded - expected };
}

export interface Explanation {
  /** The difference it was written for: a later change of the figures needs a new explanation. */
  readonly difference: number;
  readonly text: string;
  readonly author: string;
  readonly recordedAt: string;
}

/** Pure: a difference blocks the approval unless an explanation was written for exactly that difference. */
export function unexplained(difference: number | null, explanation: Explanation | null): boolean {
  if (difference === null || difference === 0) return false;
  return explanation?.difference !== difference;
}

export interface BoxReconciliation extends ReconciliationFigures {
  readonly box: 'belgium' | 'abroad';
  readonly state: BoxEntryState;
  readonly explanation: Explanation | null;
  readonly unexplained: boolean;
}

async function dayOf(store: Store, electionId: string): Promise<string> {
  const e = await store.db
    .selectFrom('elections')
    .select('election_day_id')
    .where('id', '=', electionId)
    .executeTakeFirst();
  if (e === undefined) throw new AppError('counting.not-found', 'params.electionId');
  return e.election_day_id;
}

/** Team A's side of a box: inner envelopes accepted, and those of them cancelled afterwards. */
export async function acceptedInBox(
  store: Store,
  electionDayId: string,
  office: string,
  box: 'belgium' | 'abroad',
): Promise<{ readonly accepted: number; readonly cancelled: number }> {
  const row = await store.db
    .selectFrom('hybrid_envelopes as e')
    .leftJoin('hybrid_kcodes as k', 'k.id', 'e.kcode_id')
    .select((eb) => [
      eb.fn.countAll<string>().as('accepted'),
      eb.fn.count<string>(eb.case().when('k.state', '=', 'cancelled').then(1).end()).as('cancelled'),
    ])
    .where('e.election_day_id', '=', electionDayId)
    .where('e.office', '=', office)
    .where('e.box', '=', box)
    .where('e.outcome', '=', 'accepted')
    .executeTakeFirst();
  return { accepted: Number(row?.accepted ?? 0), cancelled: Number(row?.cancelled ?? 0) };
}

export async function boxReconciliation(store: Store, key: BoxKey): Promise<BoxReconciliation> {
  const day = await dayOf(store, key.electionId);
  const { accepted, cancelled } = await acceptedInBox(store, day, key.office, key.box);
  const { state, ballots } = await boxBallots(store, key);
  const figures = reconcile(accepted, cancelled, ballots === undefined ? null : ballots.length);
  const row = await store.db
    .selectFrom('hybrid_box_explanations')
    .selectAll()
    .where('election_id', '=', key.electionId)
    .where('office', '=', key.office)
    .where('box', '=', key.box)
    .executeTakeFirst();
  const explanation =
    row === undefined
      ? null
      : { difference: row.difference, text: row.text, author: row.author, recordedAt: row.recorded_at.toISOString() };
  return {
    box: key.box,
    state,
    ...figures,
    explanation,
    unexplained: unexplained(figures.difference, explanation),
  };
}

/**
 * The office explains the difference of a done box (it replaces an earlier explanation, audited). Refused
 * while the box is not done (`hybrid.box-not-done`) or when the figures agree (`hybrid.no-difference`).
 */
export async function explainDifference(
  store: Store,
  key: BoxKey,
  explanation: { readonly text: string; readonly author: string },
  actor: string,
  now: Date = new Date(),
): Promise<BoxReconciliation> {
  const before = await boxReconciliation(store, key);
  if (before.difference === null) throw new AppError('hybrid.box-not-done');
  if (before.difference === 0) throw new AppError('hybrid.no-difference');
  const difference = before.difference;
  await store.db.transaction().execute(async (trx) => {
    const row = {
      difference,
      text: explanation.text,
      author: explanation.author,
      recorded_by: actor,
      recorded_at: now,
    };
    await trx
      .insertInto('hybrid_box_explanations')
      .values({ election_id: key.electionId, office: key.office, box: key.box, ...row })
      .onConflict((oc) => oc.columns(['election_id', 'office', 'box']).doUpdateSet(row))
      .execute();
    await appendAudit(
      trx,
      {
        actor,
        action: 'hybrid.reconciliation.explained',
        subject: `hybrid-box:${key.electionId}/${key.office}/${key.box}`,
        details: { difference, expected: before.expected, encoded: before.encoded },
      },
      now,
    );
  });
  return boxReconciliation(store, key);
}
