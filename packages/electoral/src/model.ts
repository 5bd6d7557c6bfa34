import type { Fraction } from './fraction.ts';
import type { Labels, Language } from './labels.ts';

/** The elections held on one polling day (e.g. 9 June 2024: Chamber, European Parliament, regional parliaments). */
export interface ElectionDay {
  /** ISO date, `YYYY-MM-DD`. */
  readonly date: string;
  readonly elections: readonly Election[];
}

export type ElectionKind = 'chamber' | 'european-parliament' | 'regional' | 'provincial' | 'communal';

/**
 * D'Hondt (divisors 1, 2, 3…), Imperiali (2, 3, 4…), or the Brussels Parliament's method: first the
 * whole quotas of the electoral divisor (valid votes ÷ seats), then D'Hondt continued (LSIB art. 20 §2).
 */
export type SeatMethod = 'dhondt' | 'imperiali' | 'quota-then-dhondt';

/**
 * One step of the rule for a seat due "with equal right" to several lists (equal quotients at the
 * last seats), tried in order until the tie is settled:
 * - `higher-figure`: the list with the higher electoral figure;
 * - `candidate-votes`: the list whose candidate, among those whose election is at stake, has the most votes;
 * - `candidate-age`: the list whose candidate at stake is the oldest;
 * - `lots`: a drawing of lots (only where a text provides it).
 */
export type TieBreakStep = 'higher-figure' | 'candidate-votes' | 'candidate-age' | 'lots';

/** The steps of the tie-break, in order (e.g. Chamber, EP and parliaments: figure, votes, age). */
export type TieBreak = readonly TieBreakStep[];

/** The rules of one election. `threshold` is a share of the valid votes (5/100); `devolution` the share of head-box ballots devolved (1/2). */
export interface ElectionRules {
  readonly method: SeatMethod;
  readonly threshold: Fraction;
  readonly devolution: Fraction;
  readonly tieBreak: TieBreak;
}

export interface Election {
  readonly id: string;
  readonly kind: ElectionKind;
  readonly labels: Labels;
  readonly rules: ElectionRules;
  readonly constituencies: readonly Constituency[];
}

/** A constituency, or an electoral college (EP: Dutch, French, German-speaking). */
export interface Constituency {
  readonly id: string;
  readonly labels: Labels;
  /** The ballot languages: one, or FR and NL in Brussels-Capital. */
  readonly languages: readonly Language[];
  readonly seats: number;
  readonly lists: readonly CandidateList[];
}

/**
 * A numbered list. By law a number designates one list of a constituency (`checkLists` refuses
 * duplicates; national numbers are the same in every constituency), but the official 2024 result
 * files give number 20 (and 21) to two lists in 7 of the 11 Chamber constituencies (Hainaut: BLANCO
 * and COLLECTIF CITOYEN both 20), so a model built from them identifies lists by `id`.
 */
export interface CandidateList {
  readonly id: string;
  readonly number: number;
  readonly name: string;
  /** Effective candidates, in list order (position 1 first). */
  readonly effectives: readonly Candidate[];
  /** Substitute candidates, in list order (Chamber, EP, regional; none for communal councils). */
  readonly substitutes: readonly Candidate[];
}

export interface Candidate {
  readonly id: string;
  /** Position on the list, from 1, counted separately for effectives and substitutes. */
  readonly position: number;
  readonly name: string;
}
