import { ceil, ceilShare, fraction } from './fraction.ts';
import type { Fraction } from './fraction.ts';
import { devolve, rankByTotal } from './devolution.ts';
import type { Devolved } from './devolution.ts';
import { err, ok } from './result.ts';
import type { Result } from './result.ts';
import { isCount } from './seats-input.ts';

export interface DesignationInput {
  /** Seats won by the list. */
  readonly seats: number;
  /** Ballots of categories B (head box only), C (effectives only), D (both), E (substitutes only). */
  readonly categories: { readonly B: number; readonly C: number; readonly D: number; readonly E: number };
  /** Preference votes of the effectives, in list order. */
  readonly effectives: readonly number[];
  /** Preference votes of the substitutes, in list order. */
  readonly substitutes: readonly number[];
  /** Share of the head-box ballots that devolves (1/2 for the Chamber; 0 where devolution is abolished). */
  readonly devolution: Fraction;
}

export interface CandidateOutcome extends Devolved {
  /** Rank among the elected effectives, or among all substitutes; null for an effective not elected. */
  readonly order: number | null;
}

export interface Designation {
  /**
   * Seats filled by substitutes because the list won more seats than it has effectives: the first
   * `substitutesElected` substitutes in their ranking are elected (act of 16 July 1993 art. 29ter
   * last para. counts effectives and substitutes) [U: article placing them].
   */
  readonly substitutesElected: number;
  readonly eligibilityFigure: number;
  readonly effectivePot: number;
  readonly substitutePot: number;
  readonly effectives: readonly CandidateOutcome[];
  readonly substitutes: readonly CandidateOutcome[];
}

export type DesignationError =
  | { readonly code: 'designation.invalid-input'; readonly field: string }
  | { readonly code: 'designation.too-few-candidates'; readonly seats: number; readonly candidates: number };

/**
 * Designates the elected effectives and ranks the substitutes of a list (CE art. 172–173).
 * Eligibility figure ⌈figure / (seats + 1)⌉. Pots: share × (B + E) for effectives (ballots without a
 * preference for an effective) and share × (B + C) for substitutes, rounded up.
 */
export function designate(input: DesignationInput): Result<Designation, DesignationError> {
  const field = invalidField(input);
  if (field !== null) return err({ code: 'designation.invalid-input', field });
  const candidates = input.effectives.length + input.substitutes.length;
  if (input.seats > candidates) return err({ code: 'designation.too-few-candidates', seats: input.seats, candidates });
  const { B, C, E } = input.categories;
  const eligibilityFigure = eligibility(listFigureOf(input), input.seats);
  const effectivePot = ceilShare(B + E, input.devolution);
  const substitutePot = ceilShare(B + C, input.devolution);
  const effectives = devolve(input.effectives, eligibilityFigure, effectivePot);
  const substitutes = devolve(input.substitutes, eligibilityFigure, substitutePot);
  return ok({
    substitutesElected: Math.max(0, input.seats - input.effectives.length),
    eligibilityFigure,
    effectivePot,
    substitutePot,
    effectives: withOrder(effectives, Math.min(input.seats, effectives.length)),
    substitutes: withOrder(substitutes, substitutes.length),
  });
}

/** The eligibility figure ("chiffre d'éligibilité", "verkiesbaarheidscijfer"): ⌈figure / (seats + 1)⌉. */
export function eligibility(listFigure: number, seats: number): number {
  return Number(ceil(fraction(listFigure, seats + 1)));
}

function listFigureOf(input: DesignationInput): number {
  const { B, C, D, E } = input.categories;
  return B + C + D + E;
}

function withOrder(candidates: readonly Devolved[], places: number): readonly CandidateOutcome[] {
  const ranks = rankByTotal(candidates, places);
  return candidates.map((c, i) => ({ ...c, order: ranks[i] ?? null }));
}

function invalidField(input: DesignationInput): string | null {
  if (!isCount(input.seats)) return 'seats';
  for (const key of ['B', 'C', 'D', 'E'] as const) if (!isCount(input.categories[key])) return `categories.${key}`;
  const e = input.effectives.findIndex((v) => !isCount(v));
  if (e >= 0) return `effectives[${e.toString()}]`;
  const s = input.substitutes.findIndex((v) => !isCount(v));
  if (s >= 0) return `substitutes[${s.toString()}]`;
  if (input.devolution.num > input.devolution.den) return 'devolution';
  return null;
}
