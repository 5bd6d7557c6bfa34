// Who may print a kit, and what it holds. Mode 6 is offered only to a voter of the day's frozen
// mode-6 file (../preparation/frozen-files.ts: the law's conditions were applied at the freeze), and
// only within the setup's hybrid period (`periods.hybrid`, both dates included, Belgian time, as for
// the other modes: ../voting/period.ts). The kit's facts come from the same rows: the elections and
// constituencies of the voter's frozen places, the main office's address on the constituency, the
// name on the frozen consolidation, the lists and candidates of the booth.
import type { Kysely } from 'kysely';
import type { Labels, ModePeriods, Schema, Store } from '@isoloir/store';
import { AppError } from '../errors.ts';
import { windowOf } from '../voting/period.ts';
import { boothLists } from '../voting/portal.ts';
import type { BallotSheet } from './ballot-pdf.ts';
import { issueKcode } from './kcodes.ts';
import type { KeyedHash } from './keyed-hash.ts';
import { KitTemplates, renderKit, type KitContent, type KitElection } from './kit-pdf.ts';

export const HYBRID_MODE = 6;

export interface HybridPeriod {
  readonly opens: string;
  readonly closes: string;
  readonly opensAt: string;
  readonly closesAt: string;
  readonly state: 'scheduled' | 'open' | 'ended';
}

export interface HybridVoter {
  readonly electionDayId: string;
  readonly nrn: string;
  readonly category: 'belgium' | 'abroad';
  readonly language: 'fr' | 'nl' | 'de';
  readonly name: string;
  readonly period: HybridPeriod;
  readonly dayLabel: Labels;
  readonly elections: readonly (KitElection & { readonly kind: string; readonly mainOfficeAddress: string | null })[];
}

/** The voter as the hybrid mode sees them, or undefined when they are not in the day's mode-6 file. */
export async function hybridVoter(
  db: Kysely<Schema>,
  electionDayId: string,
  nrn: string,
  now: Date,
): Promise<HybridVoter | undefined> {
  return (await hybridVoters(db, electionDayId, [nrn], now)).get(nrn);
}

/** Several voters at once (three queries whatever their number), keyed by NRN; absent when not in the mode-6 file. */
export async function hybridVoters(
  db: Kysely<Schema>,
  electionDayId: string,
  nrns: readonly string[],
  now: Date,
): Promise<Map<string, HybridVoter>> {
  const found = new Map<string, HybridVoter>();
  if (nrns.length === 0) return found;
  const wanted = [...new Set(nrns)];
  const voters = await db
    .selectFrom('frozen_voters as f')
    .innerJoin('consolidated_voters as c', (join) =>
      join.onRef('c.consolidation_id', '=', 'f.consolidation_id').onRef('c.nrn', '=', 'f.nrn'),
    )
    .innerJoin('election_day_settings as s', 's.election_day_id', 'f.election_day_id')
    .innerJoin('election_days as d', 'd.id', 'f.election_day_id')
    .select(['f.nrn', 'f.category', 'f.language', 'c.surname', 'c.given_names', 's.mode_periods', 'd.label'])
    .where('f.election_day_id', '=', electionDayId)
    .where('f.nrn', 'in', wanted)
    .where('f.mode', '=', HYBRID_MODE)
    .execute();
  if (voters.length === 0) return found;
  const places = await db
    .selectFrom('frozen_voter_places as p')
    .innerJoin('elections as e', 'e.id', 'p.election_id')
    .select(['p.nrn', 'p.election_id', 'p.choices', 'e.label', 'e.kind'])
    .where('p.election_day_id', '=', electionDayId)
    .where(
      'p.nrn',
      'in',
      voters.map((v) => v.nrn),
    )
    .where('p.mode', '=', HYBRID_MODE)
    .orderBy('p.election_id')
    .execute();
  const electionIds = [...new Set(places.map((p) => p.election_id))];
  const constituencies =
    electionIds.length === 0
      ? []
      : await db
          .selectFrom('constituencies')
          .select(['election_id', 'code', 'label', 'main_office_address'])
          .where('election_id', 'in', electionIds)
          .orderBy('code')
          .execute();
  for (const voter of voters)
    found.set(
      voter.nrn,
      hybridVoterFrom(
        electionDayId,
        voter,
        places.filter((p) => p.nrn === voter.nrn),
        constituencies,
        now,
      ),
    );
  return found;
}

/** The rows `hybridVoters` reads for one voter (also read in one statement by the reception, ./reception.ts). */
export interface HybridVoterRows {
  readonly voter: {
    readonly nrn: string;
    readonly category: 'belgium' | 'abroad';
    readonly language: 'fr' | 'nl' | 'de';
    readonly surname: string;
    readonly given_names: string;
    readonly mode_periods: ModePeriods;
    readonly label: Labels;
  };
  /** The voter's mode-6 places, by election. */
  readonly places: readonly {
    readonly election_id: string;
    readonly choices: readonly string[];
    readonly label: Labels;
    readonly kind: string;
  }[];
  /** Constituencies of those elections (at least those the places offer), by code. */
  readonly constituencies: readonly {
    readonly election_id: string;
    readonly code: string;
    readonly label: Labels;
    readonly main_office_address: string | null;
  }[];
}

/** The voter as the hybrid mode sees them, from their rows (no I/O). */
export function hybridVoterFrom(
  electionDayId: string,
  voter: HybridVoterRows['voter'],
  places: HybridVoterRows['places'],
  constituencies: HybridVoterRows['constituencies'],
  now: Date,
): HybridVoter {
  const elections: HybridVoter['elections'][number][] = [];
  for (const place of places) {
    // Where the law offers a choice (EP college, Brussels language group), the kit holds the
    // ballot of each place offered: the voter fills in the one they choose.
    for (const c of constituencies)
      if (c.election_id === place.election_id && place.choices.includes(c.code))
        elections.push({
          electionId: place.election_id,
          label: place.label,
          kind: place.kind,
          constituencyCode: c.code,
          constituencyLabel: c.label,
          mainOfficeAddress: c.main_office_address,
        });
  }
  // The Chamber first: its main office receives the envelope ([U] one envelope, one address).
  elections.sort((a, b) => Number(b.kind === 'chamber') - Number(a.kind === 'chamber'));
  const window = voter.mode_periods.hybrid;
  const { opensAt, closesAt } = windowOf(window);
  const state = now < opensAt ? 'scheduled' : now >= closesAt ? 'ended' : 'open';
  return {
    electionDayId,
    nrn: voter.nrn,
    category: voter.category,
    language: voter.language,
    name: `${voter.given_names} ${voter.surname}`,
    period: {
      opens: window.opens,
      closes: window.closes,
      opensAt: opensAt.toISOString(),
      closesAt: closesAt.toISOString(),
      state,
    },
    dayLabel: voter.label,
    elections,
  };
}

/** The voter, if they may print a kit now; refused with the reason otherwise. */
export function mayPrint(voter: HybridVoter | undefined): HybridVoter & { readonly mainOfficeAddress: string } {
  if (voter === undefined) throw new AppError('hybrid.not-registered');
  if (voter.period.state === 'scheduled') throw new AppError('hybrid.not-open');
  if (voter.period.state === 'ended') throw new AppError('hybrid.closed');
  const mainOfficeAddress = voter.elections[0]?.mainOfficeAddress ?? null;
  if (mainOfficeAddress === null) throw new AppError('hybrid.no-main-office');
  return { ...voter, mainOfficeAddress };
}

/** The blank ballot of an election in a constituency, from the lists the booth shows. */
export async function ballotSheet(
  db: Kysely<Schema>,
  electionId: string,
  constituencyCode: string,
): Promise<BallotSheet> {
  const election = await db
    .selectFrom('elections')
    .select('label')
    .where('id', '=', electionId)
    .executeTakeFirstOrThrow();
  const constituency = await db
    .selectFrom('constituencies')
    .select(['label', 'languages'])
    .where('election_id', '=', electionId)
    .where('code', '=', constituencyCode)
    .executeTakeFirstOrThrow();
  return {
    electionLabel: election.label,
    constituencyLabel: constituency.label,
    languages: constituency.languages,
    lists: await boothLists(db, electionId, constituencyCode),
  };
}

/** One cache of ballots and instructions per store (lists are frozen once voting opens). */
const templatesOf = new WeakMap<Store, KitTemplates>();
export function kitTemplates(store: Store): KitTemplates {
  let templates = templatesOf.get(store);
  if (templates === undefined) {
    templates = new KitTemplates((electionId, code) => ballotSheet(store.db, electionId, code));
    templatesOf.set(store, templates);
  }
  return templates;
}

export function kitContent(
  voter: HybridVoter & { readonly mainOfficeAddress: string },
  code: string,
  statusUrl: string,
): KitContent {
  return {
    language: voter.language,
    category: voter.category,
    name: voter.name,
    kcode: code,
    mainOfficeAddress: voter.mainOfficeAddress,
    dayLabel: voter.dayLabel,
    facts: { deadline: voter.period.closes, category: voter.category, statusUrl },
    elections: voter.elections,
  };
}

/**
 * Draws, in the background, what this voter's kit shares with every kit of its kind (instructions,
 * label template, blank ballots): called when the voter opens their hybrid page, so that the print
 * they ask for a moment later only adds their name and code. A failure is left for the print to meet.
 */
export function prepareKit(
  store: Store,
  voter: HybridVoter & { readonly mainOfficeAddress: string },
  statusUrl: string,
): Promise<void> {
  return kitTemplates(store)
    .base(kitContent(voter, '', statusUrl))
    .then(
      () => undefined,
      () => undefined,
    );
}

/** Prints a kit: a new K-code (voiding the previous one) and the PDF that carries it. */
export async function printKit(
  store: Store,
  keyedHash: KeyedHash,
  electionDayId: string,
  nrn: string,
  now: Date,
  statusUrl: string,
): Promise<{ readonly pdf: Uint8Array; readonly code: string; readonly voided: number }> {
  const voter = mayPrint(await hybridVoter(store.db, electionDayId, nrn, now));
  const { code, voided } = await issueKcode(store, keyedHash, electionDayId, nrn, now);
  const { pdf } = await renderKit(kitContent(voter, code, statusUrl), kitTemplates(store));
  return { pdf, code, voided };
}
