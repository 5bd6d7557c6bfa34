// What the page for voters without CSAM shows: for the latest election day, which remote modes
// accept a passkey (voters registered abroad) and which accept CSAM only, with the dates that
// matter to someone who must change how they vote (the registration deadline, each mode's period).
import type { Kysely } from 'kysely';
import type { Labels, ModeAuthentication, ModePeriods, Schema } from '@isoloir/store';

export interface LoginRules {
  readonly day: {
    readonly id: string;
    readonly label: Labels;
    readonly votingDate: string;
    readonly registrationDeadline: string;
    readonly periods: ModePeriods;
    readonly authentication: ModeAuthentication;
    readonly abroadModes: readonly number[];
  } | null;
}

export async function loginRules(db: Kysely<Schema>): Promise<LoginRules> {
  const row = await db
    .selectFrom('election_day_settings as s')
    .innerJoin('election_days as d', 'd.id', 's.election_day_id')
    .select([
      'd.id',
      'd.label',
      'd.voting_date',
      's.registration_deadline',
      's.mode_periods',
      's.mode_authentication',
      's.abroad_modes',
    ])
    .orderBy('d.voting_date', 'desc')
    .orderBy('d.id', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (row === undefined) return { day: null };
  return {
    day: {
      id: row.id,
      label: row.label,
      votingDate: row.voting_date,
      registrationDeadline: row.registration_deadline,
      periods: row.mode_periods,
      authentication: row.mode_authentication,
      abroadModes: row.abroad_modes.map(Number),
    },
  };
}
