// Who may use a passkey: a voter registered abroad (a consular register) in a remote mode whose
// setup says "CSAM or the alternative" (election_day_settings.mode_authentication, frozen with the
// setup). Once the day is frozen, the frozen per-mode voter files decide; before, the post's active
// registration does (the post enrols its voters before voting opens).
import type { Kysely, Transaction } from 'kysely';
import type { Schema } from '@isoloir/store';
import { PERIOD_OF_MODE, type RemoteModeNumber } from '../voting/eligibility.ts';

type Db = Kysely<Schema> | Transaction<Schema>;

export interface AbroadVoter {
  readonly electionDayId: string;
  readonly postCode: string;
  readonly nrn: string;
  readonly givenNames: string;
  readonly surname: string;
  readonly birthDate: string;
  readonly language: 'fr' | 'nl' | 'de';
  /** The voter's remote modes (6 hybrid, 7 online, 8 kiosk). */
  readonly modes: readonly RemoteModeNumber[];
  /** Those of the modes whose setup accepts a passkey. */
  readonly passkeyModes: readonly RemoteModeNumber[];
}

function asRemote(mode: number): RemoteModeNumber | undefined {
  return mode === 6 || mode === 7 || mode === 8 ? mode : undefined;
}

/**
 * The voter registered abroad under `nrn`, at `postCode` when given, on the latest election day
 * that has them; undefined when there is none.
 */
export async function abroadVoter(db: Db, nrn: string, postCode?: string): Promise<AbroadVoter | undefined> {
  let query = db
    .selectFrom('consular_registrations as r')
    .innerJoin('election_days as d', 'd.id', 'r.election_day_id')
    .innerJoin('election_day_settings as s', 's.election_day_id', 'r.election_day_id')
    .select([
      'r.election_day_id',
      'r.post_code',
      'r.given_names',
      'r.surname',
      'r.birth_date',
      'r.language',
      'r.mode',
      's.frozen_at',
      's.mode_authentication',
    ])
    .where('r.nrn', '=', nrn)
    .where('r.status', '=', 'active');
  if (postCode !== undefined) query = query.where('r.post_code', '=', postCode);
  const row = await query.orderBy('d.voting_date', 'desc').orderBy('r.election_day_id', 'desc').executeTakeFirst();
  if (row === undefined) return undefined;
  let modes: RemoteModeNumber[];
  if (row.frozen_at === null) {
    const mode = asRemote(row.mode);
    modes = mode === undefined ? [] : [mode];
  } else {
    const frozen = await db
      .selectFrom('frozen_voters')
      .select('mode')
      .where('election_day_id', '=', row.election_day_id)
      .where('nrn', '=', nrn)
      .where('category', '=', 'abroad')
      .where('post_code', '=', row.post_code)
      .orderBy('mode')
      .execute();
    modes = frozen.map((f) => asRemote(f.mode)).filter((m): m is RemoteModeNumber => m !== undefined);
  }
  const rules = row.mode_authentication;
  return {
    electionDayId: row.election_day_id,
    postCode: row.post_code,
    nrn,
    givenNames: row.given_names,
    surname: row.surname,
    birthDate: row.birth_date,
    language: row.language,
    modes,
    passkeyModes: modes.filter((mode) => rules[PERIOD_OF_MODE[mode]] === 'csam-or-passkey'),
  };
}
