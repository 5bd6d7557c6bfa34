// The voting period of each election and electronic mode, read from one source: the election-day
// setup's window for the mode and its X (online re-vote limit). The PO's two acts, each in one
// transaction with its audit entry: open (the box accepts ballots from the setup's opening on;
// opening ahead of it is allowed, opening after its closing is refused) and close (final, at any
// time). Casting holds a key-share lock on the acts' row, so a close waits for ballots in flight
// and no ballot commits after it.
import type { Kysely, Transaction } from 'kysely';
import { appendAudit, type Schema } from '@isoloir/store';
import { maxBallotsOf, periodState, windowOf, type BoxMode, type PeriodFacts, type PeriodState } from './period.ts';

export type PeriodError = 'election.not-found' | 'voting.closed' | 'voting.period-invalid';
export type PeriodResult =
  { readonly ok: true; readonly period: PeriodView } | { readonly ok: false; readonly code: PeriodError };

export interface PeriodView {
  readonly electionId: string;
  readonly mode: BoxMode;
  readonly state: PeriodState;
  /** The setup's window (first instant in, first instant out); null without a setup. */
  readonly opensAt: string | null;
  readonly closesAt: string | null;
  readonly openedAt: string | null;
  readonly closedAt: string | null;
  /** X + 1 online, 1 at a kiosk. */
  readonly maxBallots: number;
}

type Db = Kysely<Schema> | Transaction<Schema>;

/** Without a setup (a database seeded with the bare demo), X is 5, as in the demo setup. */
const DEFAULT_REVOTES = 5;

export interface SetupRow {
  readonly mode_periods: Record<string, { opens: string; closes: string } | undefined> | null;
  readonly online_revote_limit: number | null;
}

export function factsOf(
  mode: BoxMode,
  setup: SetupRow | undefined,
  acts: { opened_at: Date | null; closed_at: Date | null } | undefined,
): PeriodFacts {
  const window = setup?.mode_periods?.[mode];
  return {
    window: window === undefined ? undefined : windowOf(window),
    openedAt: acts?.opened_at ?? null,
    closedAt: acts?.closed_at ?? null,
    maxBallots: maxBallotsOf(mode, setup?.online_revote_limit ?? DEFAULT_REVOTES),
  };
}

async function setupOf(db: Db, electionId: string): Promise<{ exists: boolean; setup: SetupRow | undefined }> {
  const row = await db
    .selectFrom('elections as e')
    .leftJoin('election_day_settings as s', 's.election_day_id', 'e.election_day_id')
    .select(['e.id', 's.mode_periods', 's.online_revote_limit'])
    .where('e.id', '=', electionId)
    .executeTakeFirst();
  if (row === undefined) return { exists: false, setup: undefined };
  return {
    exists: true,
    setup:
      row.mode_periods === null
        ? undefined
        : { mode_periods: row.mode_periods, online_revote_limit: row.online_revote_limit },
  };
}

export async function readPeriod(db: Db, electionId: string, mode: BoxMode): Promise<PeriodFacts> {
  const { setup } = await setupOf(db, electionId);
  const acts = await db
    .selectFrom('voting_periods')
    .select(['opened_at', 'closed_at'])
    .where('election_id', '=', electionId)
    .where('mode', '=', mode)
    .executeTakeFirst();
  return factsOf(mode, setup, acts);
}

export function viewOf(electionId: string, mode: BoxMode, facts: PeriodFacts, now: Date): PeriodView {
  return {
    electionId,
    mode,
    state: periodState(facts, now),
    opensAt: facts.window?.opensAt.toISOString() ?? null,
    closesAt: facts.window?.closesAt.toISOString() ?? null,
    openedAt: facts.openedAt?.toISOString() ?? null,
    closedAt: facts.closedAt?.toISOString() ?? null,
    maxBallots: facts.maxBallots,
  };
}

export type PeriodCommand = 'open' | 'close';

/** Applies a PO act; `actor` is the audit actor (`official:<id>`). Opening twice changes nothing. */
export async function changePeriod(
  db: Kysely<Schema>,
  electionId: string,
  mode: BoxMode,
  command: PeriodCommand,
  actor: string,
  now: Date,
): Promise<PeriodResult> {
  return db.transaction().execute(async (trx): Promise<PeriodResult> => {
    const { exists, setup } = await setupOf(trx, electionId);
    if (!exists) return { ok: false, code: 'election.not-found' };
    const acts = await trx
      .selectFrom('voting_periods')
      .select(['opened_at', 'opened_by', 'closed_at', 'closed_by'])
      .where('election_id', '=', electionId)
      .where('mode', '=', mode)
      .forUpdate()
      .executeTakeFirst();
    if (acts !== undefined && acts.closed_at !== null) return { ok: false, code: 'voting.closed' };
    const facts = factsOf(mode, setup, acts);
    if (command === 'open') {
      if (facts.window === undefined) return { ok: false, code: 'voting.period-invalid' };
      if (now.getTime() >= facts.window.closesAt.getTime()) return { ok: false, code: 'voting.closed' };
      if (facts.openedAt !== null) return { ok: true, period: viewOf(electionId, mode, facts, now) };
    }
    const change = command === 'open' ? { opened_at: now, opened_by: actor } : { closed_at: now, closed_by: actor };
    if (acts === undefined)
      await trx
        .insertInto('voting_periods')
        .values({ election_id: electionId, mode, ...change })
        .execute();
    else
      await trx
        .updateTable('voting_periods')
        .set(change)
        .where('election_id', '=', electionId)
        .where('mode', '=', mode)
        .execute();
    const next: PeriodFacts = command === 'open' ? { ...facts, openedAt: now } : { ...facts, closedAt: now };
    const view = viewOf(electionId, mode, next, now);
    await appendAudit(
      trx,
      {
        actor,
        action: command === 'open' ? 'voting.period.opened' : 'voting.period.closed',
        subject: electionId,
        details: {
          mode,
          opensAt: view.opensAt,
          closesAt: view.closesAt,
          maxBallots: view.maxBallots,
          state: view.state,
        },
      },
      now,
    );
    return { ok: true, period: view };
  });
}
