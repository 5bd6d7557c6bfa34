// The frozen per-mode voter files, row by row (migration 0007): at the freeze, in its transaction,
// every voter of the files of modes 6, 7 and 8 with, per election of the day, the constituency or
// college codes the law offers them (the same SQL as the files' published bytes: ./mode-files.ts).
// Login and eligibility read only these rows, so nothing changed after the freeze — a new
// consolidation, a resolution, a commune file — changes who may vote, where or how.
import { sql, type Transaction } from 'kysely';
import type { Schema } from '@isoloir/store';
import { choicesOf, membership, REMOTE_MODES, requiresOf } from './mode-files.ts';
import type { DaySettings } from './setup.ts';

export async function writeFrozenFiles(
  trx: Transaction<Schema>,
  settings: DaySettings,
  consolidationId: string,
): Promise<void> {
  const dayId = settings.dayId;
  for (const mode of REMOTE_MODES) {
    await sql`
      insert into frozen_voters (election_day_id, consolidation_id, nrn, mode, category, commune_nis, post_code, kiosk_post, country, language, birth_date)
      select ${dayId}, ${consolidationId}::bigint, v.nrn, ${mode}::smallint, v.category, v.commune_nis, v.post_code, v.kiosk_post, coalesce(r.country, 'BE'), v.language, v.birth_date
        from consolidated_voters v
        left join consular_registrations r on v.category = 'abroad' and r.election_day_id = ${dayId} and r.post_code = v.post_code and r.nrn = v.nrn
       where v.consolidation_id = ${consolidationId}::bigint and v.status = 'ok' and ${membership(mode, settings)}
       order by v.nrn`.execute(trx);
  }
  for (const election of settings.elections) {
    await sql`
      insert into frozen_voter_places (election_day_id, nrn, mode, election_id, choices, requires_election_id, requires_constituency)
      select p.election_day_id, p.nrn, p.mode, ${election.id}, p.choices, split_part(p.requires, '=', 1), split_part(p.requires, '=', 2)
        from (select v.election_day_id, v.nrn, v.mode, ${choicesOf(dayId, settings.votingDate, election, sql`v.mode`)} as choices,
                     ${requiresOf(dayId, election, sql`v.mode`)} as requires
                from frozen_voters v where v.election_day_id = ${dayId}) p
       where p.choices is not null`.execute(trx);
  }
}

/** Whether the day's voter files are frozen (then the frozen rows are the only source). */
export async function isFrozen(db: Pick<Transaction<Schema>, 'selectFrom'>, dayId: string): Promise<boolean> {
  const row = await db
    .selectFrom('election_day_settings')
    .select('frozen_at')
    .where('election_day_id', '=', dayId)
    .executeTakeFirst();
  return row !== undefined && row.frozen_at !== null;
}
