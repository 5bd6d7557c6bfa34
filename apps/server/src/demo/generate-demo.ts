// Generates the built-in demo election day: the Federal Chamber with its 11 real constituencies and
// 2024 seats and, with `fullDay`, every other election of a real day (./demo-elections.ts), with
// fictitious lists and candidates, and fictitious voters with valid national register numbers, in
// Belgium and abroad. Pure and deterministic: the same seed gives the same election day.
import { makeNrn } from '@isoloir/electoral';
import type { Insertable } from 'kysely';
import type {
  CandidateTable,
  ConstituencyTable,
  ElectionDayTable,
  ElectionTable,
  PartyListTable,
  VoterTable,
} from '@isoloir/store';
import { DEMO_CONSTITUENCIES } from './demo-constituencies.ts';
import {
  DEMO_CHAMBER,
  DEMO_CHAMBER_ID,
  DEMO_DAY_ELECTIONS,
  DEMO_EUPEN,
  type DemoElectionConstituency,
  type DemoElectionDefinition,
} from './demo-elections.ts';
import { areaOf, givenName, partyLabel, surname } from './demo-names.ts';
import { seededRandom, type SeededRandom } from './seeded-random.ts';

type Insert<T> = Insertable<T>;

export interface DemoElection {
  readonly day: Insert<ElectionDayTable>;
  /** The Chamber first, then (full day) the other elections in the order of the ballots. */
  readonly elections: readonly Insert<ElectionTable>[];
  readonly constituencies: readonly Insert<ConstituencyTable>[];
  readonly lists: readonly Insert<PartyListTable>[];
  readonly candidates: readonly Insert<CandidateTable>[];
  readonly voters: readonly Insert<VoterTable>[];
}

export interface DemoOptions {
  readonly voters: number;
  /** Share of the voters registered abroad, in per mille (the real share is about 22 ‰). */
  readonly abroadPerMille: number;
  readonly seed: number;
  /**
   * DEMO-ONLY data: every election of a real election day (Chamber, European Parliament, regional
   * and community parliaments), as `isoloir start` and `isoloir demo` show it; default the Chamber
   * alone, the day most tests build on.
   */
  readonly fullDay?: boolean;
}

export const DEMO_DAY_ID = 'demo-2029';
export const DEMO_ELECTION_ID = DEMO_CHAMBER_ID;
const VOTING_DATE = '2029-06-10';
const ABROAD_COUNTRIES = ['FR', 'NL', 'DE', 'LU', 'ES', 'CH', 'GB', 'US', 'CA', 'CD', 'MA', 'TH'] as const;

function listsOf(
  electionId: string,
  constituency: DemoElectionConstituency,
  random: SeededRandom,
): { lists: Insert<PartyListTable>[]; candidates: Insert<CandidateTable>[] } {
  const lists: Insert<PartyListTable>[] = [];
  const candidates: Insert<CandidateTable>[] = [];
  const taken = new Set<string>();
  const partyArea = areaOf(constituency.languages.slice(0, 1), random);
  for (let number = 1; number <= constituency.lists; number += 1) {
    const label = partyLabel(partyArea, taken, random);
    taken.add(label);
    lists.push({ election_id: electionId, constituency_code: constituency.code, list_number: number, label });
    // Effectives fill the seats; substitutes at most half the effectives plus one.
    const counts = { effective: constituency.seats, substitute: Math.floor(constituency.seats / 2) + 1 } as const;
    const firstSex = random.below(2) === 0 ? 'F' : 'M';
    for (const kind of ['effective', 'substitute'] as const) {
      for (let position = 1; position <= counts[kind]; position += 1) {
        // Alternate genders from the first candidate on: the first two always differ.
        const sex = (position % 2 === 1) === (firstSex === 'F') ? 'F' : 'M';
        const area = areaOf(constituency.languages, random);
        candidates.push({
          election_id: electionId,
          constituency_code: constituency.code,
          list_number: number,
          kind,
          position,
          given_name: givenName(area, sex, random),
          surname: surname(area, random),
          gender: sex,
        });
      }
    }
  }
  return { lists, candidates };
}

function birthNrn(random: SeededRandom, sex: 'F' | 'M', used: Set<string>): { nrn: string; birthDate: string } {
  for (;;) {
    const year = 1930 + random.below(80); // 1930–2009: every voter is 18 or more on polling day.
    const month = 1 + random.below(12);
    const day = 1 + random.below(28);
    const sequence = 2 * (1 + random.below(498)) - (sex === 'M' ? 1 : 0); // odd for men, even for women
    const made = makeNrn({ year, month, day, sequence });
    if (!made.ok) throw new Error(`demo generated an impossible number: ${made.error}`);
    if (used.has(made.value)) continue;
    used.add(made.value);
    return {
      nrn: made.value,
      birthDate: `${String(year)}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
    };
  }
}

/**
 * DEMO-ONLY: each constituency gets at least this many voters (when there are enough), so that a
 * demo of a few hundred voters withholds no constituency: the minimum anonymity set is 10 ballots,
 * and a few demo ballots are cancelled by a polling-station list.
 */
export const DEMO_VOTERS_PER_CONSTITUENCY = 15;

function votersOf(options: DemoOptions, random: SeededRandom): Insert<VoterTable>[] {
  const seats = DEMO_CONSTITUENCIES.reduce((sum, constituency) => sum + constituency.seats, 0);
  const floor =
    Math.min(DEMO_VOTERS_PER_CONSTITUENCY, Math.floor(options.voters / DEMO_CONSTITUENCIES.length)) *
    DEMO_CONSTITUENCIES.length;
  const used = new Set<string>();
  const voters: Insert<VoterTable>[] = [];
  for (let i = 0; i < options.voters; i += 1) {
    // The first voters in turn in every constituency (the floor), the others in proportion to the seats.
    let ticket = random.below(seats);
    const byTicket = DEMO_CONSTITUENCIES.find((candidate) => (ticket -= candidate.seats) < 0);
    const constituency =
      i < floor ? DEMO_CONSTITUENCIES[i % DEMO_CONSTITUENCIES.length] : (byTicket ?? DEMO_CONSTITUENCIES[0]);
    if (constituency === undefined) throw new Error('no constituency');
    const sex = random.below(2) === 0 ? 'F' : 'M';
    const area = areaOf(constituency.languages, random);
    const abroad = random.below(1000) < options.abroadPerMille;
    const { nrn, birthDate } = birthNrn(random, sex, used);
    // DEMO-ONLY: the German speakers of the Liège constituency live in Eupen (German-language area).
    const commune =
      constituency.code === 'liege' && area === 'de' && !abroad ? DEMO_EUPEN.nis : constituency.chiefTown.nis;
    voters.push({
      election_day_id: DEMO_DAY_ID,
      nrn,
      given_name: givenName(area, sex, random),
      surname: surname(area, random),
      birth_date: birthDate,
      sex,
      language: area,
      category: abroad ? 'abroad' : 'belgium',
      commune_nis: commune,
      country: abroad ? random.pick(ABROAD_COUNTRIES) : 'BE',
      constituency_code: constituency.code,
    });
  }
  return voters;
}

function electionRow(e: DemoElectionDefinition): Insert<ElectionTable> {
  return {
    id: e.id,
    election_day_id: DEMO_DAY_ID,
    kind: e.kind,
    label: JSON.stringify(e.label),
    seat_method: 'dhondt',
    threshold_percent: e.thresholdPercent,
    minimum_age: e.minimumAge,
  };
}

/** The demo day's elections: the Chamber alone, or every election of the day. */
export function demoElectionsOf(options: Pick<DemoOptions, 'fullDay'>): readonly DemoElectionDefinition[] {
  return options.fullDay === true ? DEMO_DAY_ELECTIONS : [DEMO_CHAMBER];
}

export function generateDemoElection(options: DemoOptions): DemoElection {
  const random = seededRandom(options.seed);
  const generated = DEMO_CONSTITUENCIES.map((constituency) => listsOf(DEMO_ELECTION_ID, constituency, random));
  const voters = votersOf(options, random);
  // The other elections' lists from a random stream of their own: the Chamber and the voters stay
  // the same whether the day is full or not.
  const others = seededRandom(options.seed + 1);
  const elections = demoElectionsOf(options);
  for (const e of elections.slice(1)) for (const c of e.constituencies) generated.push(listsOf(e.id, c, others));
  return {
    day: {
      id: DEMO_DAY_ID,
      label: JSON.stringify({
        fr: 'Élections fédérales 2029 (démo)',
        nl: 'Federale verkiezingen 2029 (demo)',
        de: 'Föderalwahlen 2029 (Demo)',
        en: 'Federal elections 2029 (demo)',
      }),
      voting_date: VOTING_DATE,
    },
    elections: elections.map(electionRow),
    constituencies: elections.flatMap((e) =>
      e.constituencies.map((constituency) => ({
        election_id: e.id,
        code: constituency.code,
        label: JSON.stringify(constituency.label),
        seats: constituency.seats,
        languages: [...constituency.languages],
      })),
    ),
    lists: generated.flatMap((g) => g.lists),
    candidates: generated.flatMap((g) => g.candidates),
    voters,
  };
}
