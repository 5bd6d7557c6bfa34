// Test data only: opens the setup's hybrid period (mode 6) of a day around `now`, and finds the
// demo's hybrid voters (the day's frozen mode-6 file).
import type { Store } from '@isoloir/store';
import { dateFrom } from '../voting/test-election.ts';

export async function setTestHybridWindow(
  store: Store,
  electionDayId: string,
  window: { readonly opens: string; readonly closes: string },
): Promise<void> {
  const row = await store.db
    .selectFrom('election_day_settings')
    .select('mode_periods')
    .where('election_day_id', '=', electionDayId)
    .executeTakeFirstOrThrow();
  await store.db
    .updateTable('election_day_settings')
    .set({ mode_periods: JSON.stringify({ ...row.mode_periods, hybrid: window }) })
    .where('election_day_id', '=', electionDayId)
    .execute();
}

export function openTestHybridPeriod(store: Store, electionDayId: string, now = new Date()): Promise<void> {
  return setTestHybridWindow(store, electionDayId, { opens: dateFrom(now, -1), closes: dateFrom(now, 1) });
}

/** The voters of the day's frozen mode-6 file, by national register number. */
export async function hybridVoterNrns(store: Store, electionDayId: string): Promise<string[]> {
  const rows = await store.db
    .selectFrom('frozen_voters')
    .select('nrn')
    .where('election_day_id', '=', electionDayId)
    .where('mode', '=', 6)
    .orderBy('nrn')
    .execute();
  return rows.map((r) => r.nrn);
}
