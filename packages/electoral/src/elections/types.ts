import type { Fraction } from '../fraction.ts';
import type { Labels } from '../labels.ts';
import type { SeatMethod, TieBreakStep } from '../model.ts';
import type { ListRules } from './list-rules.ts';

/** The elections of a federal, regional and European election day (9 June 2024), one code each. */
export type ElectionCode = 'chamber' | 'european' | 'flemish' | 'walloon' | 'brussels' | 'german-speaking';

export const ELECTION_CODES: readonly ElectionCode[] = [
  'chamber',
  'european',
  'flemish',
  'walloon',
  'brussels',
  'german-speaking',
];

/** A text of law, a decree or an official page a rule comes from; `unverified` marks what could not be confirmed ([U]). */
export interface Citation {
  readonly text: string;
  readonly source?: string;
  readonly unverified?: true;
}

export type { TieBreakStep, ListRules };

export interface TieBreakRule {
  readonly steps: readonly TieBreakStep[];
  readonly citation: Citation;
}

/** A language group or college of a constituency that has seats of its own (Brussels Parliament: 72 FR, 17 NL). */
export interface LanguageGroupSeats {
  readonly language: 'fr' | 'nl';
  readonly seats: number;
}

/**
 * Where a commune's voters belong, by NIS code: whole administrative arrondissements (the first two
 * digits of the NIS code), plus or minus single communes.
 */
export interface Territory {
  readonly arrondissements: readonly string[];
  readonly communes?: readonly string[];
  readonly exceptCommunes?: readonly string[];
}

/** A constituency, or for the European Parliament an electoral college: lists are filed and seats allocated there. */
export interface StatutoryConstituency {
  /** Stable slug, used in election set-up files and list imports (the Chamber's match the 2024 fixture files). */
  readonly code: string;
  readonly labels: Labels;
  readonly seats: number;
  /** Seats per language group when the constituency splits them (Brussels Parliament). */
  readonly languageGroups?: readonly LanguageGroupSeats[];
  /** Ballot languages. */
  readonly languages: readonly ('fr' | 'nl' | 'de')[];
  readonly seatsCitation: Citation;
}

/**
 * A rule placing the voters of some communes: they choose among `options` (constituency or college
 * codes) when there is more than one; `condition` restricts who votes at all.
 */
export interface Placement {
  readonly territory: Territory;
  readonly options: readonly string[];
  /**
   * `not-french-group-in-brussels`: only those who do not vote for a list of the French language group
   * in the Brussels Parliament election (special act of 12 January 1989, art. 14 al. 2).
   */
  readonly condition?: 'not-french-group-in-brussels';
  readonly citation: Citation;
}

/** Who may vote in an election. */
export interface VoterRules {
  /** Age reached on election day. */
  readonly minimumAge: number;
  readonly ageCitation: Citation;
  /**
   * Residents in Belgium and where they vote, the first matching placement applying (choices come
   * first); a commune matched by no placement does not vote in this election.
   */
  readonly placements: readonly Placement[];
  /**
   * Belgians abroad (consular registers): `none`; `all` (placed through their commune of attachment);
   * for the EP, those outside the EU vote and those in another EU member state only on request, and
   * they choose their college (`abroadCollegeChoice`).
   */
  readonly abroad: 'none' | 'all' | 'outside-eu-and-eu-on-request';
  readonly abroadCollegeChoice?: readonly string[];
  readonly abroadCitation: Citation;
}

export interface StatutoryElection {
  readonly code: ElectionCode;
  /** The kind in the election set-up (`apps/server` preparation). */
  readonly setupKind: 'chamber' | 'european' | 'regional';
  readonly labels: Labels;
  /** Total seats (sum of the constituencies'). */
  readonly seats: number;
  readonly method: SeatMethod;
  readonly methodCitation: Citation;
  /** Share of the valid votes a list needs (per constituency, per language group in Brussels); 0 for none. */
  readonly threshold: Fraction;
  /** Whether the threshold is computed within each language group (Brussels Parliament). */
  readonly thresholdPerLanguageGroup: boolean;
  readonly thresholdCitation: Citation;
  /** Share of the head-box ballots that devolves to candidates (1/2). */
  readonly devolution: Fraction;
  readonly devolutionCitation: Citation;
  readonly tieBreak: TieBreakRule;
  /** Candidate-list composition: effectives, substitutes, gender placement, numbering (`checkLists`). */
  readonly listRules: ListRules;
  readonly constituencies: readonly StatutoryConstituency[];
  readonly voters: VoterRules;
}
