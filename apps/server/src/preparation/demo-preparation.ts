// The preparation data of the demo: its election setup (the demo day and Chamber election), a
// generated commune reference table (the demo's chief towns plus generated communes), consular
// posts, and generated voter files. Deterministic; used by the demo, the tests and the benchmark.
import { makeNrn } from '@isoloir/electoral';
import type { Store } from '@isoloir/store';
import { DEMO_CONSTITUENCIES, demoMainOfficeAddress } from '../demo/demo-constituencies.ts';
import {
  DEMO_CHAMBER,
  DEMO_DAY_ELECTIONS,
  DEMO_EUPEN,
  demoPlacement,
  type DemoElectionDefinition,
} from '../demo/demo-elections.ts';
import { DEMO_DAY_ID, DEMO_ELECTION_ID, demoElectionsOf } from '../demo/generate-demo.ts';
import { CLI_ACTOR, type Actor } from './actor.ts';
import { cellText, importCommunes, isLinked, type CommuneRef } from './communes.ts';
import { importElectionSetup, type ElectionSetup } from './setup.ts';

export const DEMO_POSTS = [
  {
    code: 'paris',
    label: {
      fr: 'Ambassade de Belgique à Paris',
      nl: 'Belgische ambassade in Parijs',
      de: 'Belgische Botschaft in Paris',
      en: 'Embassy of Belgium in Paris',
    },
    country: 'FR',
    address: '9 rue de Tilsitt, 75017 Paris',
  },
  {
    code: 'kinshasa',
    label: {
      fr: 'Ambassade de Belgique à Kinshasa',
      nl: 'Belgische ambassade in Kinshasa',
      de: 'Belgische Botschaft in Kinshasa',
      en: 'Embassy of Belgium in Kinshasa',
    },
    country: 'CD',
    address: 'Place du 27 Octobre, Kinshasa-Gombe',
  },
  {
    code: 'new-york',
    label: {
      fr: 'Consulat général de Belgique à New York',
      nl: 'Belgisch consulaat-generaal in New York',
      de: 'Belgisches Generalkonsulat in New York',
      en: 'Consulate General of Belgium in New York',
    },
    country: 'US',
    address: '1065 Avenue of the Americas, New York, NY 10018',
  },
];

/** The setup's elections of the demo day (the Chamber's main offices print on the hybrid kits). */
function setupElectionsOf(elections: readonly DemoElectionDefinition[]): ElectionSetup['elections'] {
  return elections.map((e) => ({
    id: e.id,
    kind: e.kind,
    label: e.label,
    seatMethod: 'dhondt' as const,
    thresholdPercent: e.thresholdPercent,
    minimumAge: e.minimumAge,
    constituencies: e.constituencies.map((c) => {
      const chamber = DEMO_CONSTITUENCIES.find((d) => d.code === c.code);
      return {
        code: c.code,
        label: c.label,
        seats: c.seats,
        languages: [...c.languages],
        ...(e.id === DEMO_CHAMBER.id && chamber !== undefined
          ? { mainOfficeAddress: demoMainOfficeAddress(chamber) }
          : {}),
      };
    }),
  }));
}

/** The setup with the elections of the demo day: the Chamber alone (DEMO_SETUP), or every election of the day. */
export function withDemoElections(setup: ElectionSetup, options: { readonly fullDay?: boolean }): ElectionSetup {
  return { ...setup, elections: setupElectionsOf(demoElectionsOf(options)) };
}

export const DEMO_SETUP: ElectionSetup = {
  format: 'isoloir-election/1',
  day: {
    id: DEMO_DAY_ID,
    label: {
      fr: 'Élections fédérales 2029 (démo)',
      nl: 'Federale verkiezingen 2029 (demo)',
      de: 'Föderalwahlen 2029 (Demo)',
      en: 'Federal elections 2029 (demo)',
    },
    votingDate: '2029-06-10',
  },
  registrationDeadline: '2029-03-01',
  periods: {
    hybrid: { opens: '2029-05-13', closes: '2029-06-06' },
    online: { opens: '2029-06-01', closes: '2029-06-09' },
    kiosk: { opens: '2029-06-01', closes: '2029-06-06' },
  },
  residentModes: {
    hybrid: { open: true, optIn: true },
    online: { open: true, optIn: true },
    kiosk: { open: false, optIn: true },
  },
  abroadModes: [1, 2, 3, 4, 5, 6, 7, 8],
  onlineRevoteLimit: 5,
  // Voters registered abroad may vote online with a passkey from their post when CSAM fails them.
  authentication: { hybrid: 'csam', online: 'csam-or-passkey', kiosk: 'csam' },
  elections: setupElectionsOf([DEMO_CHAMBER]),
  posts: DEMO_POSTS,
};

/**
 * The demo's communes: each constituency's chief town (real NIS code), Eupen, and `extra` generated
 * ones per constituency, placed in each election of `electionIds` by the law (./demo-elections.ts): a
 * generated commune votes where its chief town does.
 */
export function demoCommunes(
  extraPerConstituency = 0,
  electionIds: readonly string[] = [DEMO_ELECTION_ID],
): CommuneRef[] {
  const elections = DEMO_DAY_ELECTIONS.filter((e) => electionIds.includes(e.id) && e.id !== DEMO_ELECTION_ID);
  const placed = (chamberCode: string, nis: string): CommuneRef['constituencies'] => {
    const cells: Record<string, CommuneRef['constituencies'][string]> = { [DEMO_ELECTION_ID]: chamberCode };
    for (const e of elections) {
      const cell = demoPlacement(e, nis);
      // A linked place needs the election it is linked to on the same day.
      if (cell !== undefined && (!isLinked(cell) || electionIds.includes(cell.requires.electionId))) cells[e.id] = cell;
    }
    return cells;
  };
  const communes: CommuneRef[] = [];
  DEMO_CONSTITUENCIES.forEach((c, ci) => {
    const [fr, nl, de] = c.chiefTown.name.includes(' / ')
      ? c.chiefTown.name.split(' / ')
      : [c.chiefTown.name, c.chiefTown.name, c.chiefTown.name];
    const constituencies = placed(c.code, c.chiefTown.nis);
    communes.push({
      nis: c.chiefTown.nis,
      names: { fr: fr ?? '', nl: nl ?? fr ?? '', de: de ?? fr ?? '' },
      constituencies,
    });
    if (c.code === 'liege')
      communes.push({ nis: DEMO_EUPEN.nis, names: DEMO_EUPEN.names, constituencies: placed(c.code, DEMO_EUPEN.nis) });
    for (let k = 1; k <= extraPerConstituency; k += 1) {
      const nis = `${String(ci + 1).padStart(2, '0')}9${String(k).padStart(2, '0')}`;
      const name = `${c.chiefTown.name.split(' / ')[0] ?? ''}-${String(k)}`;
      communes.push({ nis, names: { fr: name, nl: name, de: name }, constituencies });
    }
  });
  return communes;
}

export function communesCsv(
  communes: readonly CommuneRef[],
  electionIds: readonly string[] = [DEMO_ELECTION_ID],
): string {
  const lines = [['nis', 'name_fr', 'name_nl', 'name_de', ...electionIds].join(',')];
  for (const c of communes)
    lines.push(
      [c.nis, c.names.fr, c.names.nl, c.names.de, ...electionIds.map((id) => cellText(c.constituencies[id]))].join(','),
    );
  return `${lines.join('\n')}\n`;
}

function addDays(isoDay: string, days: number): string {
  return new Date(Date.parse(`${isoDay}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/**
 * The demo setup with its dates placed around `today` (DEMO-ONLY dates), so that the platform started
 * on any day can be tried as the README tours it: consular registrations still open (two more days),
 * every remote mode's period open since yesterday, election day a week ahead. The ballot box reads these
 * periods as it reads any setup's; nothing else differs from DEMO_SETUP (the tests' fixed 2029 dates).
 */
export function demoSetupAround(today: string): ElectionSetup {
  const day = (offset: number): string => addDays(today, offset);
  return {
    ...DEMO_SETUP,
    day: { ...DEMO_SETUP.day, votingDate: day(7) },
    registrationDeadline: day(2),
    periods: {
      hybrid: { opens: day(-1), closes: day(4) },
      online: { opens: day(-1), closes: day(6) },
      kiosk: { opens: day(-1), closes: day(4) },
    },
  };
}

/** Loads the demo's setup (with its posts) and communes (idempotent while not frozen). */
export async function seedPreparationDemo(
  store: Store,
  actor: Actor = CLI_ACTOR,
  extraCommunes = 0,
  setup: ElectionSetup = DEMO_SETUP,
): Promise<void> {
  await importElectionSetup(store, actor, setup);
  await importCommunes(
    store,
    actor,
    DEMO_DAY_ID,
    demoCommunes(
      extraCommunes,
      setup.elections.map((e) => e.id),
    ),
  );
}

/** A small deterministic random generator for generated files. */
function lcg(seed: number): (n: number) => number {
  let state = seed >>> 0;
  return (n) => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state % n;
  };
}

const SURNAMES = [
  'Peeters',
  'Janssens',
  'Maes',
  'Dubois',
  'Lambert',
  'Müller',
  'Dupont',
  'Willems',
  'Lefèvre',
  'Goossens',
  'Jacobs',
  'Mertens',
  'Schmitz',
  'Noël',
  'Claes',
];
const GIVEN = [
  'Emma',
  'Lucas',
  'Noé',
  'Zoë',
  'Louis',
  'Chloé',
  'Arthur',
  'Anaïs',
  'Jürgen',
  'Elise',
  'Mathis',
  'Hélène',
  'Lars',
  'Saar',
  'Renée',
];

export interface GeneratedVoter {
  readonly nrn: string;
  readonly surname: string;
  readonly givenNames: string;
  readonly birthDate: string;
  readonly sex: 'F' | 'M';
  readonly language: 'fr' | 'nl' | 'de';
}

/** Generated voters with valid, distinct NRNs (distinct by construction of date and sequence). */
export function* generateVoters(count: number, seed: number, offset = 0): Generator<GeneratedVoter> {
  const random = lcg(seed);
  for (let i = offset; i < offset + count; i += 1) {
    // i → (day index, sequence): 998 sequences a day from 1 Jan 1930, so numbers never repeat.
    const dayIndex = Math.floor(i / 998);
    const sequence = (i % 998) + 1;
    const date = new Date(Date.UTC(1930, 0, 1) + dayIndex * 86_400_000);
    const year = date.getUTCFullYear();
    const month = date.getUTCMonth() + 1;
    const day = date.getUTCDate();
    const made = makeNrn({ year, month, day, sequence });
    if (!made.ok) throw new Error(made.error);
    const sex = sequence % 2 === 1 ? 'M' : 'F';
    const languages = ['fr', 'nl', 'de'] as const;
    yield {
      nrn: made.value,
      surname: SURNAMES[random(SURNAMES.length)] ?? 'Peeters',
      givenNames: GIVEN[random(GIVEN.length)] ?? 'Emma',
      birthDate: `${String(year)}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
      sex,
      language: languages[random(10) < 5 ? 1 : random(10) < 9 ? 0 : 2],
    };
  }
}

export const COMMUNE_HEADER =
  'nrn,surname,given_names,birth_date,sex,street,postcode,locality,commune_nis,language,deprived,deceased\n';

export function communeVoterLine(v: GeneratedVoter, nis: string, index: number): string {
  return `${v.nrn},${v.surname},${v.givenNames},${v.birthDate},${v.sex},Rue de l'Exemple ${String(1 + (index % 250))},${nis.slice(0, 4)},Localité ${nis},${nis},${v.language},0,0\n`;
}
