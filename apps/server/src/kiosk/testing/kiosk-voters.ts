// Test data only: puts voters of the demo's frozen mode-7 file abroad into the mode-8 (kiosk) file
// too, at a named post, with the same places; and opens the kiosk period of an election (PO act).
import { appendAudit, type Store } from '@isoloir/store';
import { sql } from 'kysely';

/** The `count` first Belgians abroad (NRN order, after `skip`) of the frozen online file, registered at `post`'s kiosk. */
export async function addKioskVoters(store: Store, post: string, count: number, skip = 0): Promise<string[]> {
  const rows = await store.db
    .selectFrom('frozen_voters')
    .select('nrn')
    .where('mode', '=', 7)
    .where('category', '=', 'abroad')
    .orderBy('nrn')
    .offset(skip)
    .limit(count)
    .execute();
  const nrns = rows.map((r) => r.nrn);
  for (const nrn of nrns) {
    await sql`insert into frozen_voters (election_day_id, consolidation_id, nrn, mode, category, commune_nis, post_code, kiosk_post, country, language, birth_date)
      select election_day_id, consolidation_id, nrn, 8, category, commune_nis, post_code, ${post}, country, language, birth_date
        from frozen_voters where nrn = ${nrn} and mode = 7`.execute(store.db);
    await sql`insert into frozen_voter_places (election_day_id, nrn, mode, election_id, choices)
      select election_day_id, nrn, 8, election_id, choices from frozen_voter_places where nrn = ${nrn} and mode = 7`.execute(
      store.db,
    );
  }
  return nrns;
}

export async function openKioskPeriod(store: Store, electionId: string, now = new Date()): Promise<void> {
  await store.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('voting_periods')
      .values({ election_id: electionId, mode: 'kiosk', opened_at: now, opened_by: 'test' })
      .onConflict((oc) => oc.columns(['election_id', 'mode']).doUpdateSet({ opened_at: now, opened_by: 'test' }))
      .execute();
    await appendAudit(
      trx,
      { actor: 'test', action: 'voting.period.opened', subject: electionId, details: { mode: 'kiosk' } },
      now,
    );
  });
}
