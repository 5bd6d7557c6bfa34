// Team B's double data entry, stored (tables of migration 0026): each command loads the box under a
// per-box lock, applies the pure step of ./double-entry.ts, writes what changed and its audit entry in
// one transaction. The audit names who, which box, which entry and position; the ballots themselves
// are in the box's rows (contents, never identities).
import { sql, type Transaction } from 'kysely';
import type { MarkedBallot } from '@isoloir/electoral';
import { appendAudit, type Schema, type Store } from '@isoloir/store';
import { AppError, type ErrorCode } from '../errors.ts';
import {
  agreedBallots,
  boxState,
  decide,
  differences,
  encode,
  finish,
  type BoxEntries,
  type BoxEntryState,
  type Difference,
  type EntryRefusal,
  type EntryResult,
} from './double-entry.ts';

export interface BoxKey {
  readonly electionId: string;
  readonly office: string;
  readonly box: 'belgium' | 'abroad';
}

const REFUSALS: Readonly<Record<EntryRefusal, ErrorCode>> = {
  'entry.same-member': 'hybrid.entry-same-member',
  'entry.not-yours': 'hybrid.entry-not-yours',
  'entry.finished': 'hybrid.entry-finished',
  'entry.not-finished': 'hybrid.entry-wrong-state',
  'entry.count-mismatch': 'hybrid.entry-count-mismatch',
  'entry.no-difference': 'hybrid.entry-no-difference',
  'entry.wrong-state': 'hybrid.entry-wrong-state',
};

function applied(result: EntryResult): BoxEntries {
  if (!result.ok) throw new AppError(REFUSALS[result.code]);
  return result.box;
}

async function lockBox(trx: Transaction<Schema>, key: BoxKey): Promise<void> {
  await sql`select pg_advisory_xact_lock(hashtextextended(${`hybrid-entry\n${key.electionId}\n${key.office}\n${key.box}`}, 0))`.execute(
    trx,
  );
}

async function loadBox(trx: Transaction<Schema> | Store['db'], key: BoxKey): Promise<BoxEntries> {
  const row = await trx
    .selectFrom('hybrid_entry_boxes')
    .selectAll()
    .where('election_id', '=', key.electionId)
    .where('office', '=', key.office)
    .where('box', '=', key.box)
    .executeTakeFirst();
  if (row?.first_by === undefined || row.first_by === null) return { decisions: new Map() };
  const ballots = await trx
    .selectFrom('hybrid_entry_ballots')
    .select(['entry', 'position', 'ballot'])
    .where('election_id', '=', key.electionId)
    .where('office', '=', key.office)
    .where('box', '=', key.box)
    .orderBy('entry')
    .orderBy('position')
    .execute();
  const decisions = await trx
    .selectFrom('hybrid_entry_decisions')
    .select(['position', 'ballot'])
    .where('election_id', '=', key.electionId)
    .where('office', '=', key.office)
    .where('box', '=', key.box)
    .execute();
  const of = (entry: number) => ballots.filter((b) => b.entry === entry).map((b) => b.ballot as MarkedBallot);
  return {
    first: { by: row.first_by, ballots: of(1), finished: row.first_finished !== null },
    ...(row.second_by === null
      ? {}
      : { second: { by: row.second_by, ballots: of(2), finished: row.second_finished !== null } }),
    decisions: new Map(decisions.map((d) => [d.position, (d.ballot ?? null) as MarkedBallot | null])),
  };
}

/** A Team B member encodes the next ballot of their entry; returns the entry (1 or 2) and position. */
export async function encodeBallot(
  store: Store,
  key: BoxKey,
  member: string,
  ballot: MarkedBallot,
): Promise<{ readonly entry: 1 | 2; readonly position: number }> {
  return store.db.transaction().execute(async (trx) => {
    await lockBox(trx, key);
    const before = await loadBox(trx, key);
    const after = applied(encode(before, member, ballot));
    const entry: 1 | 2 = after.second === undefined ? 1 : 2;
    const position = (entry === 1 ? after.first?.ballots.length : after.second?.ballots.length) ?? 1;
    if (before.first === undefined)
      await trx
        .insertInto('hybrid_entry_boxes')
        .values({ ...boxColumns(key), first_by: member })
        .execute();
    else if (entry === 2 && before.second === undefined)
      await trx
        .updateTable('hybrid_entry_boxes')
        .set({ second_by: member })
        .where('election_id', '=', key.electionId)
        .where('office', '=', key.office)
        .where('box', '=', key.box)
        .execute();
    await trx
      .insertInto('hybrid_entry_ballots')
      .values({ ...boxColumns(key), entry, position: position - 1, ballot: JSON.stringify(ballot) })
      .execute();
    await appendAudit(trx, {
      actor: member,
      action: 'hybrid.entry.ballot',
      subject: boxSubject(key),
      details: { entry, position: position - 1 },
    });
    return { entry, position: position - 1 };
  });
}

/** A member finishes their entry, stating how many ballots the box held. */
export async function finishEntry(
  store: Store,
  key: BoxKey,
  member: string,
  ballotsInBox: number,
  now: Date = new Date(),
): Promise<BoxEntryState> {
  return store.db.transaction().execute(async (trx) => {
    await lockBox(trx, key);
    const before = await loadBox(trx, key);
    const after = applied(finish(before, member, ballotsInBox));
    const entry = before.first?.finished === true ? 2 : 1;
    await trx
      .updateTable('hybrid_entry_boxes')
      .set(entry === 1 ? { first_finished: now } : { second_finished: now })
      .where('election_id', '=', key.electionId)
      .where('office', '=', key.office)
      .where('box', '=', key.box)
      .execute();
    const state = boxState(after);
    await appendAudit(trx, {
      actor: member,
      action: 'hybrid.entry.finished',
      subject: boxSubject(key),
      details: { entry, ballots: ballotsInBox, state },
    });
    return state;
  });
}

/** The president decides a difference: the ballot the paper shows, or null (no ballot there). */
export async function decideDifference(
  store: Store,
  key: BoxKey,
  president: string,
  position: number,
  ballot: MarkedBallot | null,
  now: Date = new Date(),
): Promise<BoxEntryState> {
  return store.db.transaction().execute(async (trx) => {
    await lockBox(trx, key);
    const after = applied(decide(await loadBox(trx, key), position, ballot));
    await trx
      .insertInto('hybrid_entry_decisions')
      .values({
        ...boxColumns(key),
        position,
        ballot: ballot === null ? null : JSON.stringify(ballot),
        decided_by: president,
        decided_at: now,
      })
      .execute();
    const state = boxState(after);
    await appendAudit(trx, {
      actor: president,
      action: 'hybrid.entry.decided',
      subject: boxSubject(key),
      details: { position, noBallot: ballot === null, state },
    });
    return state;
  });
}

/**
 * What a Team B member sees of a box: its step and how many ballots each entry holds, never the
 * other member's ballots (the second entry is made blind to the first).
 */
export async function boxProgress(
  store: Store,
  key: BoxKey,
): Promise<{ readonly state: BoxEntryState; readonly first: number; readonly second: number }> {
  const box = await loadBox(store.db, key);
  return { state: boxState(box), first: box.first?.ballots.length ?? 0, second: box.second?.ballots.length ?? 0 };
}

/** The differences of a box whose two entries are finished (for the office's president). */
export async function boxDifferences(
  store: Store,
  key: BoxKey,
): Promise<{
  readonly state: BoxEntryState;
  readonly differences: readonly (Difference & { readonly decided: boolean })[];
}> {
  const box = await loadBox(store.db, key);
  const state = boxState(box);
  if (state !== 'differences' && state !== 'done') return { state, differences: [] };
  return {
    state,
    differences: differences(box.first?.ballots ?? [], box.second?.ballots ?? []).map((d) => ({
      ...d,
      decided: box.decisions.has(d.index),
    })),
  };
}

/**
 * The box's state and, once done, its agreed ballots (the two entries where they agree, the
 * president's decisions where they differ): what is classified and counted into the hybrid PV.
 */
export async function boxBallots(
  store: Store,
  key: BoxKey,
): Promise<{ readonly state: BoxEntryState; readonly ballots: readonly MarkedBallot[] | undefined }> {
  const box = await loadBox(store.db, key);
  return { state: boxState(box), ballots: agreedBallots(box) };
}

function boxColumns(key: BoxKey) {
  return { election_id: key.electionId, office: key.office, box: key.box };
}

function boxSubject(key: BoxKey): string {
  return `hybrid-box:${key.electionId}/${key.office}/${key.box}`;
}
