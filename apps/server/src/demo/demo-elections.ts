// The elections of the demo's election day (DEMO-ONLY data), as on 9 June 2024: the Federal Chamber,
// the European Parliament (its three electoral colleges), and the regional and community parliaments
// (Flemish, Walloon, Brussels-Capital, German-speaking Community), each with its real constituencies
// (or colleges, or language groups) and seats from packages/electoral, where each is cited.
// Lists and candidates are generated (./generate-demo.ts). Where the demo's voters vote in each
// election follows from their commune by the law's placements (`placeResident`), as the reference
// table of communes says it to the preparation pipeline.
import {
  BRUSSELS,
  EUROPEAN,
  FLEMISH,
  GERMAN_SPEAKING,
  placeResident,
  WALLOON,
  type StatutoryElection,
} from '@isoloir/electoral';
import type { Labels, Language } from '@isoloir/store';
import type { LinkedCell } from '../preparation/communes.ts';
import { DEMO_CONSTITUENCIES } from './demo-constituencies.ts';

export const DEMO_DAY_PREFIX = 'demo-2029';
export const DEMO_CHAMBER_ID = `${DEMO_DAY_PREFIX}-chamber`;

/** One constituency (or college, or language group) of a demo election. */
export interface DemoElectionConstituency {
  readonly code: string;
  readonly label: Labels;
  readonly seats: number;
  readonly languages: readonly Language[];
  /** How many lists the demo generates there (the order of magnitude of 2024). */
  readonly lists: number;
}

export interface DemoElectionDefinition {
  readonly id: string;
  readonly kind: 'chamber' | 'european' | 'regional';
  readonly label: Labels;
  readonly minimumAge: 16 | 18;
  readonly thresholdPercent: number;
  readonly constituencies: readonly DemoElectionConstituency[];
  /** The law's rules of the election (placements of voters by commune); none for the Chamber (by chief town). */
  readonly statutory?: StatutoryElection;
}

const demoLabel = (labels: Labels): Labels => ({
  fr: `${labels.fr} (démo)`,
  nl: `${labels.nl} (demo)`,
  de: `${labels.de} (Demo)`,
  en: `${labels.en} (demo)`,
});

function fromStatute(
  statutory: StatutoryElection,
  thresholdPercent: number,
  lists: (code: string) => number,
): DemoElectionDefinition {
  return {
    id: `${DEMO_DAY_PREFIX}-${statutory.code}`,
    kind: statutory.setupKind,
    label: demoLabel(statutory.labels),
    minimumAge: statutory.voters.minimumAge === 16 ? 16 : 18,
    thresholdPercent,
    statutory,
    constituencies: statutory.constituencies.map((c) => ({
      code: c.code,
      label: c.labels,
      seats: c.seats,
      languages: c.languages,
      lists: lists(c.code),
    })),
  };
}

/** The Federal Chamber: the 11 constituencies with their 2024 seats (./demo-constituencies.ts). */
export const DEMO_CHAMBER: DemoElectionDefinition = {
  id: DEMO_CHAMBER_ID,
  kind: 'chamber',
  label: {
    fr: 'Chambre des représentants (démo)',
    nl: 'Kamer van volksvertegenwoordigers (demo)',
    de: 'Abgeordnetenkammer (Demo)',
    en: 'Chamber of Representatives (demo)',
  },
  minimumAge: 18,
  thresholdPercent: 5,
  constituencies: DEMO_CONSTITUENCIES,
};

/**
 * Every election of the demo day, in the order of the ballots. The European Parliament has no
 * threshold (LEPE); the others 5 % (CE art. 165bis; the regional acts, packages/electoral).
 */
export const DEMO_DAY_ELECTIONS: readonly DemoElectionDefinition[] = [
  DEMO_CHAMBER,
  fromStatute(EUROPEAN, 0, (code) => (code === 'college-germanophone' ? 5 : 9)),
  fromStatute(FLEMISH, 5, () => 9),
  fromStatute(WALLOON, 5, () => 8),
  fromStatute(BRUSSELS, 5, (code) => (code === 'groupe-neerlandais' ? 7 : 10)),
  fromStatute(GERMAN_SPEAKING, 5, () => 6),
];

/** DEMO-ONLY: the German-speaking residents of the Liège constituency live in Eupen (German-language area). */
export const DEMO_EUPEN = { nis: '63023', names: { fr: 'Eupen', nl: 'Eupen', de: 'Eupen' } } as const;

/**
 * Where the residents of commune `nis` vote in a non-Chamber election, as a reference-table cell:
 * one code, a choice by language (`{ fr: …, nl: … }`: the EP college in Brussels, the Brussels
 * Parliament language group), a linked place, or undefined when the election is not theirs. The
 * Brussels members of the Flemish Parliament are elected only by Brussels voters who do not vote for
 * the French language group (special act of 12 January 1989 art. 14 al. 2): a place linked to the
 * voter's Brussels Parliament ballot being in the Dutch language group (the group's only other choice).
 */
export function demoPlacement(
  election: DemoElectionDefinition,
  nis: string,
): string | Readonly<Record<string, string>> | LinkedCell | undefined {
  if (election.statutory === undefined) return undefined;
  const placed = placeResident(election.statutory, nis);
  if (placed.kind === 'none') return undefined;
  if (placed.placement.condition === 'not-french-group-in-brussels') {
    const [code] = placed.placement.options;
    if (code === undefined) return undefined;
    return {
      code,
      requires: { electionId: `${DEMO_DAY_PREFIX}-${BRUSSELS.code}`, constituency: 'groupe-neerlandais' },
    };
  }
  if (placed.kind === 'fixed') return placed.constituency;
  const byLanguage: Record<string, string> = {};
  for (const code of placed.options) {
    const language = election.constituencies.find((c) => c.code === code)?.languages[0];
    if (language !== undefined) byLanguage[language] = code;
  }
  return byLanguage;
}
