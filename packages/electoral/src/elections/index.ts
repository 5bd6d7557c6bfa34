// The elections of a Belgian federal, regional and European election day (9 June 2024), as data:
// seats, constituencies (or colleges, or language groups), method, threshold, devolution, tie-break,
// list rules and who votes where, each with the text it comes from. Pure; no I/O.
import { BRUSSELS } from './brussels.ts';
import { CHAMBER } from './chamber.ts';
import { EUROPEAN } from './european.ts';
import { FLEMISH } from './flemish.ts';
import { GERMAN_SPEAKING } from './german-speaking.ts';
import { inTerritory } from './territory.ts';
import type { ElectionCode, Placement, StatutoryElection } from './types.ts';
import { WALLOON } from './walloon.ts';

export const STATUTORY_ELECTIONS: Readonly<Record<ElectionCode, StatutoryElection>> = {
  chamber: CHAMBER,
  european: EUROPEAN,
  flemish: FLEMISH,
  walloon: WALLOON,
  brussels: BRUSSELS,
  'german-speaking': GERMAN_SPEAKING,
};

/** The elections held on 9 June 2024, in the order of the ballots. */
export const ELECTION_DAY_2024: readonly StatutoryElection[] = [
  CHAMBER,
  EUROPEAN,
  FLEMISH,
  WALLOON,
  BRUSSELS,
  GERMAN_SPEAKING,
];

export function statutoryElection(code: ElectionCode): StatutoryElection {
  return STATUTORY_ELECTIONS[code];
}

export function isElectionCode(value: string): value is ElectionCode {
  return Object.hasOwn(STATUTORY_ELECTIONS, value);
}

/** Where a voter of a commune votes in an election. */
export type VoterPlacement =
  | { readonly kind: 'none' }
  /** One constituency (or college), no choice. */
  | { readonly kind: 'fixed'; readonly constituency: string; readonly placement: Placement }
  /** The voter chooses among `options` (EP college in Brussels and the periphery, Brussels language group, Voeren/Comines). */
  | { readonly kind: 'choice'; readonly options: readonly string[]; readonly placement: Placement };

/**
 * Where a resident of the commune `nis` (five-digit NIS code) votes in `election`, regardless of age
 * (check `voters.minimumAge`) and of conditions (`placement.condition`: the Brussels members of the
 * Flemish Parliament are elected only by voters who do not choose the French language group).
 */
export function placeResident(election: StatutoryElection, nis: string): VoterPlacement {
  const placement = election.voters.placements.find((p) => inTerritory(p.territory, nis));
  if (placement === undefined) return { kind: 'none' };
  const [only, ...others] = placement.options;
  if (only !== undefined && others.length === 0) return { kind: 'fixed', constituency: only, placement };
  return { kind: 'choice', options: placement.options, placement };
}

/** Whether a voter of this age on election day may vote in the election. */
export function oldEnough(election: StatutoryElection, ageOnElectionDay: number): boolean {
  return ageOnElectionDay >= election.voters.minimumAge;
}

export type {
  ElectionCode,
  Citation,
  TieBreakStep,
  TieBreakRule,
  Territory,
  StatutoryConstituency,
  Placement,
  VoterRules,
  ListRules,
  StatutoryElection,
} from './types.ts';
export { ELECTION_CODES } from './types.ts';
export { CHAMBER, EUROPEAN, FLEMISH, WALLOON, BRUSSELS, GERMAN_SPEAKING };
export { inTerritory, RHODE_SAINT_GENESE_CANTON, GERMAN_LANGUAGE_AREA, VOEREN, COMINES_WARNETON } from './territory.ts';
export type { LocalRegion, LocalRules } from './local.ts';
export { LOCAL_RULES, LOCAL_REGIONS } from './local.ts';
