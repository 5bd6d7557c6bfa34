// Who may vote online in which election, and in which constituency (or college). One function, two
// sources: the preparation's consolidated voter file of the day when there is one (mode, category,
// commune → constituency per election and language); otherwise the demo's `voters` register, where
// every voter is taken as registered for mode 7 in their constituency.
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Schema } from '@isoloir/store';

export interface Eligibility {
  readonly electionId: string;
  readonly constituencyCode: string;
  readonly category: 'belgium' | 'abroad';
  /** The voter's mode (1–8), null for a resident who chose none (votes at a polling station). */
  readonly mode: number | null;
  readonly source: 'consolidated' | 'register';
}

export const ONLINE_MODE = 7;

async function fromConsolidation(db: Kysely<Schema>, electionDayId: string, nrn: string): Promise<Eligibility[] | undefined> {
  const latest = await db.selectFrom('consolidations').select('id').where('election_day_id', '=', electionDayId).orderBy('id', 'desc').limit(1).executeTakeFirst();
  if (latest === undefined) return undefined;
  const voter = await db.selectFrom('consolidated_voters').select(['category', 'commune_nis', 'language', 'mode', 'status']).where('consolidation_id', '=', latest.id).where('nrn', '=', nrn).executeTakeFirst();
  if (voter?.status !== 'ok') return [];
  const places = await db
    .selectFrom('commune_constituencies')
    .select(['election_id', 'constituency_code', 'language'])
    .where('election_day_id', '=', electionDayId)
    .where('nis', '=', voter.commune_nis)
    .where('language', 'in', ['*', voter.language])
    .orderBy('election_id')
    .execute();
  return places.map((p) => ({ electionId: p.election_id, constituencyCode: p.constituency_code, category: voter.category, mode: voter.mode, source: 'consolidated' as const }));
}

async function fromRegister(db: Kysely<Schema>, electionDayId: string, nrn: string): Promise<Eligibility[]> {
  const rows = await db
    .selectFrom('voters as v')
    .innerJoin('elections as e', 'e.election_day_id', 'v.election_day_id')
    .innerJoin('constituencies as c', (join) => join.onRef('c.election_id', '=', 'e.id').onRef('c.code', '=', 'v.constituency_code'))
    .select(['e.id as election_id', 'c.code', 'v.category'])
    .where('v.election_day_id', '=', electionDayId)
    .where('v.nrn', '=', nrn)
    .orderBy('e.id')
    .execute();
  return rows.map((r) => ({ electionId: r.election_id, constituencyCode: r.code, category: r.category, mode: ONLINE_MODE, source: 'register' as const }));
}

/** Every election of the day the voter is on the list of, with their constituency and mode. */
export async function eligibilityOf(db: Kysely<Schema>, electionDayId: string, nrn: string): Promise<Eligibility[]> {
  return (await fromConsolidation(db, electionDayId, nrn)) ?? (await fromRegister(db, electionDayId, nrn));
}

export interface OnlinePlaceRow {
  readonly code: string;
  readonly category: 'belgium' | 'abroad';
  readonly mode: number | null;
  readonly source: 'consolidated' | 'register';
}

/**
 * The voter's place in one election as one query (at most one row; the voter may vote online there
 * if its `mode` is ONLINE_MODE): the same answer as filtering `eligibilityOf`. The ballot box runs
 * it inside its checking statement.
 */
export function onlinePlaceSql(electionDayId: string, nrn: string, electionId: string): RawBuilder<OnlinePlaceRow> {
  return sql<OnlinePlaceRow>`
    with latest as (select id from consolidations where election_day_id = ${electionDayId} order by id desc limit 1)
    select cc.constituency_code as code, cv.category, cv.mode, 'consolidated' as source
      from latest
      join consolidated_voters cv on cv.consolidation_id = latest.id and cv.nrn = ${nrn} and cv.status = 'ok'
      join commune_constituencies cc on cc.election_day_id = ${electionDayId} and cc.nis = cv.commune_nis and cc.language in ('*', cv.language) and cc.election_id = ${electionId}
    union all
    select c.code, v.category, ${ONLINE_MODE}::smallint as mode, 'register' as source
      from voters v
      join elections e on e.election_day_id = v.election_day_id and e.id = ${electionId}
      join constituencies c on c.election_id = e.id and c.code = v.constituency_code
      where v.election_day_id = ${electionDayId} and v.nrn = ${nrn} and not exists (select 1 from latest)
    limit 1`;
}

export function onlinePlace(electionId: string, row: OnlinePlaceRow | undefined): Eligibility | undefined {
  if (row === undefined || Number(row.mode) !== ONLINE_MODE) return undefined;
  return { electionId, constituencyCode: row.code, category: row.category, mode: ONLINE_MODE, source: row.source };
}

/** The voter's place in one election, if they may vote online in it (one round trip). */
export async function onlineEligibility(db: Kysely<Schema>, electionDayId: string, nrn: string, electionId: string): Promise<Eligibility | undefined> {
  const { rows } = await onlinePlaceSql(electionDayId, nrn, electionId).execute(db);
  return onlinePlace(electionId, rows[0]);
}
