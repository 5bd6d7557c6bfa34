// Who may vote in which election of the day, where and how: one function, one source — the frozen
// per-mode voter files (../preparation/frozen-files.ts), written once when the organising authority
// freezes the day. Before the freeze nobody is eligible; a voter in no frozen file is eligible for
// nothing (not even if they appear in the demo's population table or in a later consolidation).
// The law's conditions (age, abroad, region, college choice) are applied once, at the freeze, by
// ../preparation/mode-files.ts `choicesOf`; this module only reads their result.
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Schema } from '@isoloir/store';

export type RemoteModeNumber = 6 | 7 | 8;
export type PeriodId = 'hybrid' | 'online' | 'kiosk';

/** The voting period of each remote mode, as the setup names it (`periods.hybrid|online|kiosk`). */
export const PERIOD_OF_MODE: Readonly<Record<RemoteModeNumber, PeriodId>> = { 6: 'hybrid', 7: 'online', 8: 'kiosk' };

export interface Eligibility {
  readonly electionId: string;
  /** The voter's constituency or college when the law leaves no choice; null when they choose in the booth. */
  readonly constituencyCode: string | null;
  /** The constituency / college codes offered (one when there is no choice), sorted. */
  readonly choices: readonly string[];
  readonly category: 'belgium' | 'abroad';
  /** The frozen per-mode file the voter is in: 6 hybrid, 7 online, 8 kiosk. */
  readonly mode: RemoteModeNumber;
  /** The setup's period that applies to that mode. */
  readonly periodId: PeriodId;
  /** The consular post whose kiosk the voter uses (mode 8), else null. */
  readonly kioskPost: string | null;
  /**
   * A linked place (migration 0039): offered only when the same cast holds the voter's ballot of
   * `electionId` in `constituency` — the Brussels members of the Flemish Parliament (special act of
   * 12 January 1989 art. 14 al. 2); null for every other place.
   */
  readonly requires: LinkedRequirement | null;
}

export interface LinkedRequirement {
  readonly electionId: string;
  readonly constituency: string;
}

export const ONLINE_MODE = 7 as const;
export const KIOSK_MODE = 8 as const;

interface PlaceRow {
  readonly election_id: string;
  readonly choices: string[];
  readonly category: 'belgium' | 'abroad';
  readonly mode: number;
  readonly kiosk_post: string | null;
  readonly requires_election_id: string | null;
  readonly requires_constituency: string | null;
}

function asMode(mode: number): RemoteModeNumber {
  if (mode === 6 || mode === 7 || mode === 8) return mode;
  throw new Error(`frozen file of an unknown mode ${String(mode)}`);
}

function toEligibility(row: PlaceRow): Eligibility {
  const mode = asMode(row.mode);
  const choices = [...row.choices].sort();
  return {
    electionId: row.election_id,
    constituencyCode: choices.length === 1 ? (choices[0] ?? null) : null,
    choices,
    category: row.category,
    mode,
    periodId: PERIOD_OF_MODE[mode],
    kioskPost: row.kiosk_post,
    requires:
      row.requires_election_id === null || row.requires_constituency === null
        ? null
        : { electionId: row.requires_election_id, constituency: row.requires_constituency },
  };
}

/** Every election of the day the voter may vote in, with the places offered and the mode (one round trip). */
export async function eligibilityOf(db: Kysely<Schema>, electionDayId: string, nrn: string): Promise<Eligibility[]> {
  const rows = await db
    .selectFrom('frozen_voter_places as p')
    .innerJoin('frozen_voters as v', (join) =>
      join
        .onRef('v.election_day_id', '=', 'p.election_day_id')
        .onRef('v.nrn', '=', 'p.nrn')
        .onRef('v.mode', '=', 'p.mode'),
    )
    .select([
      'p.election_id',
      'p.choices',
      'v.category',
      'v.mode',
      'v.kiosk_post',
      'p.requires_election_id',
      'p.requires_constituency',
    ])
    .where('p.election_day_id', '=', electionDayId)
    .where('p.nrn', '=', nrn)
    .orderBy('p.election_id')
    .orderBy('p.mode')
    .execute();
  return rows.map(toEligibility);
}

/** The voter's eligibility for one election of the day, or undefined. */
export async function eligibilityFor(
  db: Kysely<Schema>,
  electionDayId: string,
  nrn: string,
  electionId: string,
): Promise<Eligibility | undefined> {
  return (await eligibilityOf(db, electionDayId, nrn)).find((e) => e.electionId === electionId);
}

export interface PlaceSqlRow {
  readonly choices: string[];
  readonly category: 'belgium' | 'abroad';
  readonly mode: number;
  readonly kiosk_post: string | null;
  readonly requires_election_id: string | null;
  readonly requires_constituency: string | null;
}

/**
 * The voter's place in one election as one query (at most one row): the same answer as
 * `eligibilityFor`. The ballot box runs it inside its checking statement.
 */
export function placeSql(
  electionDayId: string,
  nrn: string,
  electionId: string,
  mode?: RemoteModeNumber,
): RawBuilder<PlaceSqlRow> {
  return sql<PlaceSqlRow>`
    select p.choices, v.category, v.mode, v.kiosk_post, p.requires_election_id, p.requires_constituency
      from frozen_voter_places p
      join frozen_voters v on v.election_day_id = p.election_day_id and v.nrn = p.nrn and v.mode = p.mode
     where p.election_day_id = ${electionDayId} and p.nrn = ${nrn} and p.election_id = ${electionId}${mode === undefined ? sql`` : sql` and p.mode = ${mode}`}
     order by p.mode
     limit 1`;
}

export function placeOf(electionId: string, row: PlaceSqlRow | undefined): Eligibility | undefined {
  return row === undefined ? undefined : toEligibility({ election_id: electionId, ...row });
}

/** Whether `constituency` is a place the voter may cast in (the one, or one of the choices offered). */
export function offers(eligibility: Eligibility, constituency: string): boolean {
  return eligibility.choices.includes(constituency);
}

// Kept for the ballot box's current callers (online casting only): the place when the voter's file is mode 7.
export function onlinePlaceSql(electionDayId: string, nrn: string, electionId: string): RawBuilder<PlaceSqlRow> {
  return placeSql(electionDayId, nrn, electionId, ONLINE_MODE);
}

export function onlinePlace(electionId: string, row: PlaceSqlRow | undefined): Eligibility | undefined {
  const place = placeOf(electionId, row);
  return place?.mode === ONLINE_MODE ? place : undefined;
}

/** The voter's place in one election, if they may vote online in it (one round trip). */
export async function onlineEligibility(
  db: Kysely<Schema>,
  electionDayId: string,
  nrn: string,
  electionId: string,
): Promise<Eligibility | undefined> {
  const { rows } = await onlinePlaceSql(electionDayId, nrn, electionId).execute(db);
  return onlinePlace(electionId, rows[0]);
}
