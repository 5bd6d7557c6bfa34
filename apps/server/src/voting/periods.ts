// The PO's commands on the online voting period of an election: schedule, open now, close now
// (final). Each runs in one transaction with its audit entry. Casting holds a key-share lock on the
// period's row, so a close waits for ballots in flight and no ballot commits after it.
import type { Kysely, Transaction } from 'kysely';
import { appendAudit, type Schema } from '@isoloir/store';
import { periodState, type PeriodRow, type PeriodState } from './period.ts';

export type PeriodError = 'election.not-found' | 'voting.closed' | 'voting.period-invalid';
export type PeriodResult = { readonly ok: true; readonly period: PeriodView } | { readonly ok: false; readonly code: PeriodError };

export interface PeriodView {
  readonly electionId: string;
  readonly state: PeriodState;
  readonly opensAt: string | null;
  readonly closesAt: string | null;
  readonly closedAt: string | null;
  readonly maxBallots: number;
}

const DEFAULT_MAX_BALLOTS = 5;
const DEFAULT_LENGTH_MS = 7 * 86_400_000;

export async function readPeriod(db: Kysely<Schema> | Transaction<Schema>, electionId: string): Promise<PeriodRow | undefined> {
  return db.selectFrom('voting_periods').select(['opens_at', 'closes_at', 'max_ballots', 'closed_at', 'closed_by']).where('election_id', '=', electionId).where('mode', '=', 'online').executeTakeFirst();
}

/** X from the election day's settings (preparation), else 5. */
export async function defaultMaxBallots(db: Kysely<Schema> | Transaction<Schema>, electionId: string): Promise<number> {
  const row = await db.selectFrom('elections as e').innerJoin('election_day_settings as s', 's.election_day_id', 'e.election_day_id').select('s.online_revote_limit').where('e.id', '=', electionId).executeTakeFirst();
  return row?.online_revote_limit ?? DEFAULT_MAX_BALLOTS;
}

export function viewOf(electionId: string, row: PeriodRow | undefined, maxBallots: number, now: Date): PeriodView {
  return {
    electionId,
    state: periodState(row, now),
    opensAt: row?.opens_at.toISOString() ?? null,
    closesAt: row?.closes_at.toISOString() ?? null,
    closedAt: row?.closed_at?.toISOString() ?? null,
    maxBallots: row?.max_ballots ?? maxBallots,
  };
}

async function locked(trx: Transaction<Schema>, electionId: string): Promise<{ exists: boolean; row: PeriodRow | undefined }> {
  const election = await trx.selectFrom('elections').select('id').where('id', '=', electionId).executeTakeFirst();
  if (election === undefined) return { exists: false, row: undefined };
  const row = await trx.selectFrom('voting_periods').select(['opens_at', 'closes_at', 'max_ballots', 'closed_at', 'closed_by']).where('election_id', '=', electionId).where('mode', '=', 'online').forUpdate().executeTakeFirst();
  return { exists: true, row };
}

export interface Schedule {
  readonly opensAt: Date;
  readonly closesAt: Date;
  readonly maxBallots?: number | undefined;
}

export type PeriodCommand = { readonly kind: 'schedule'; readonly schedule: Schedule } | { readonly kind: 'open-now'; readonly closesAt?: Date | undefined; readonly maxBallots?: number | undefined } | { readonly kind: 'close-now' };

/** Applies a PO command; `actor` is the audit actor (`official:<id>`). */
export async function changePeriod(db: Kysely<Schema>, electionId: string, command: PeriodCommand, actor: string, now: Date): Promise<PeriodResult> {
  return db.transaction().execute(async (trx): Promise<PeriodResult> => {
    const { exists, row } = await locked(trx, electionId);
    if (!exists) return { ok: false, code: 'election.not-found' };
    if (row !== undefined && row.closed_at !== null) return { ok: false, code: 'voting.closed' };
    const maxDefault = row?.max_ballots ?? (await defaultMaxBallots(trx, electionId));
    let next: { opens_at: Date; closes_at: Date; max_ballots: number; closed_at: Date | null; closed_by: string | null };
    if (command.kind === 'schedule') {
      next = { opens_at: command.schedule.opensAt, closes_at: command.schedule.closesAt, max_ballots: command.schedule.maxBallots ?? maxDefault, closed_at: null, closed_by: null };
    } else if (command.kind === 'open-now') {
      const closes = command.closesAt ?? (row !== undefined && row.closes_at > now ? row.closes_at : new Date(now.getTime() + DEFAULT_LENGTH_MS));
      const opens = row !== undefined && row.opens_at <= now ? row.opens_at : now;
      next = { opens_at: opens, closes_at: closes, max_ballots: command.maxBallots ?? maxDefault, closed_at: null, closed_by: null };
    } else {
      if (row === undefined) return { ok: false, code: 'voting.period-invalid' };
      next = { ...row, closed_at: now, closed_by: actor };
    }
    if (next.closes_at.getTime() <= next.opens_at.getTime() || next.max_ballots < 1 || next.max_ballots > 100) return { ok: false, code: 'voting.period-invalid' };
    if (row === undefined) await trx.insertInto('voting_periods').values({ election_id: electionId, mode: 'online', ...next }).execute();
    else await trx.updateTable('voting_periods').set(next).where('election_id', '=', electionId).where('mode', '=', 'online').execute();
    const action = command.kind === 'schedule' ? 'voting.period.scheduled' : command.kind === 'open-now' ? 'voting.period.opened' : 'voting.period.closed';
    await appendAudit(trx, { actor, action, subject: electionId, details: { mode: 'online', opensAt: next.opens_at.toISOString(), closesAt: next.closes_at.toISOString(), maxBallots: next.max_ballots, closedAt: next.closed_at?.toISOString() ?? null } }, now);
    return { ok: true, period: viewOf(electionId, next, next.max_ballots, now) };
  });
}
