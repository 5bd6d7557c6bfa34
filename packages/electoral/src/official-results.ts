import { designate } from './designation.ts';
import { designationError, seatError } from './official-errors.ts';
import type { CandidateOutcome, Designation } from './designation.ts';
import type { Fraction } from './fraction.ts';
import type { OfficialCandidate, OfficialInputError, OfficialList } from './official-format.ts';
import { parseOfficialConstituency } from './official-parse.ts';
import type { SeatMethod, TieBreak } from './model.ts';
import { err, ok } from './result.ts';
import type { Result } from './result.ts';
import { allocateSeats } from './seats.ts';
import type { Contender } from './seats-tie.ts';

export interface OfficialOptions {
  readonly seats: number;
  readonly method: SeatMethod;
  readonly threshold: Fraction;
  readonly devolution: Fraction;
  /** The tie-break steps (`statutoryElection(code).tieBreak.steps`); a drawing of lots by default. */
  readonly tieBreak?: TieBreak;
  /** The result of a drawing of lots: list `Id`s, the first drawn first. */
  readonly lots?: readonly string[];
}

export interface TiedList {
  readonly id: string;
  readonly number: number;
  readonly name: string;
}

export type OfficialError =
  | OfficialInputError
  | {
      readonly code: 'seats.drawing-of-lots';
      readonly tied: readonly TiedList[];
      readonly seatsLeft: number;
      readonly message: string;
    }
  | {
      readonly code: 'seats.tie-needs-data';
      readonly tied: readonly TiedList[];
      readonly seatsLeft: number;
      readonly missing: 'candidate-votes' | 'birth-date';
      readonly message: string;
    }
  | {
      readonly code: 'seats.tie-unresolved';
      readonly tied: readonly TiedList[];
      readonly seatsLeft: number;
      readonly message: string;
    }
  | {
      readonly code: 'seats.no-eligible-list' | 'seats.too-few-candidates' | 'designation.too-few-candidates';
      readonly message: string;
    };

type Json = Readonly<Record<string, unknown>>;

/**
 * Computes the published results of a constituency from its counts: the input JSON with
 * `A_SeatsForList`, `G_ElectionNumber` and the candidates' `I_`–`IV_` fields filled in (null where the
 * official files have null: lists without a seat, and effectives not elected).
 */
export function computeOfficialResults(json: unknown, options: OfficialOptions): Result<Json, OfficialError> {
  const parsed = parseOfficialConstituency(json);
  if (!parsed.ok) return parsed;
  const { lists, raw } = parsed.value;
  const byId = new Map(lists.map((l) => [l.id, l]));
  const seats = allocateSeats({
    ...options,
    lists: lists.map((l) => ({ id: l.id, votes: l.votes, candidates: l.candidates.length })),
    contender: (id, seat) => {
      const list = byId.get(id);
      return list === undefined ? undefined : contender(list, seat, options.devolution);
    },
  });
  if (!seats.ok) return err(seatError(seats.error, lists));
  const out: Json[] = [];
  for (const [i, list] of lists.entries()) {
    const won = seats.value[i]?.seats ?? 0;
    const listJson = annotateList(list, won, options.devolution);
    if (!listJson.ok) return listJson;
    out.push(listJson.value);
  }
  return ok({ ...raw, ElectionLists: out });
}

function annotateList(list: OfficialList, seats: number, devolution: Fraction): Result<Json, OfficialError> {
  if (seats === 0) {
    const candidates = list.candidates.map((c) => withOutcome(c.raw, null));
    return ok({ ...list.raw, A_SeatsForList: 0, G_ElectionNumber: null, Candidates: candidates });
  }
  const effectives = inListOrder(list.candidates, false);
  const substitutes = inListOrder(list.candidates, true);
  const votes = (cs: readonly OfficialCandidate[]): number[] => cs.map((c) => c.votes);
  const designation = designate({
    seats,
    categories: list.categories,
    effectives: votes(effectives),
    substitutes: votes(substitutes),
    devolution,
  });
  if (!designation.ok) return err(designationError(designation.error, list));
  const outcome = outcomes(designation.value, effectives, substitutes);
  const candidates = list.candidates.map((c) => withOutcome(c.raw, outcome.get(c) ?? null));
  return ok({
    ...list.raw,
    A_SeatsForList: seats,
    G_ElectionNumber: designation.value.eligibilityFigure,
    Candidates: candidates,
  });
}

/**
 * The candidate whose election is at stake if the list takes its `seat`-th seat: the one ranked
 * `seat` among its effectives after devolution with `seat` seats (or, past its effectives, the
 * substitute filling that seat). Their votes are the total after devolution, the figure the
 * designation ranks by (CE art. 172) [U: whether "votes" means preference votes only].
 */
function contender(list: OfficialList, seat: number, devolution: Fraction): Contender | undefined {
  const effectives = inListOrder(list.candidates, false);
  const substitutes = inListOrder(list.candidates, true);
  const votes = (cs: readonly OfficialCandidate[]): number[] => cs.map((c) => c.votes);
  const designation = designate({
    seats: seat,
    categories: list.categories,
    effectives: votes(effectives),
    substitutes: votes(substitutes),
    devolution,
  });
  if (!designation.ok) return undefined;
  const [pool, outcomes, order] =
    seat <= effectives.length
      ? [effectives, designation.value.effectives, seat]
      : [substitutes, designation.value.substitutes, seat - effectives.length];
  const i = outcomes.findIndex((o) => o.order === order);
  const candidate = pool[i];
  const outcome = outcomes[i];
  if (candidate === undefined || outcome === undefined) return undefined;
  return { candidateId: candidate.id, votes: outcome.total, birthDate: candidate.birthDate };
}

function inListOrder(candidates: readonly OfficialCandidate[], substitute: boolean): readonly OfficialCandidate[] {
  return candidates.filter((c) => c.substitute === substitute).sort((a, b) => a.position - b.position);
}

function outcomes(
  designation: Designation,
  effectives: readonly OfficialCandidate[],
  substitutes: readonly OfficialCandidate[],
): ReadonlyMap<OfficialCandidate, CandidateOutcome> {
  const map = new Map<OfficialCandidate, CandidateOutcome>();
  const add = (cs: readonly OfficialCandidate[], os: readonly CandidateOutcome[]): void => {
    cs.forEach((c, i) => {
      const o = os[i];
      if (o !== undefined) map.set(c, o);
    });
  };
  add(effectives, designation.effectives);
  add(substitutes, designation.substitutes);
  return map;
}

function withOutcome(raw: Json, o: CandidateOutcome | null): Json {
  return {
    ...raw,
    I_BallotsAllotedForEligibility: o?.devolved ?? null,
    II_VotesObtainedAfterDevolution: o?.total ?? null,
    III_BallotsRemaingForDistribution: o?.potLeft ?? null,
    IV_CandidateOrder: o?.order ?? null,
  };
}
