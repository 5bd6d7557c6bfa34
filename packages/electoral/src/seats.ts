import { compare, fraction } from './fraction.ts';
import type { Fraction } from './fraction.ts';
import type { SeatMethod, TieBreak } from './model.ts';
import { err, ok } from './result.ts';
import type { Result } from './result.ts';
import { breakTie } from './seats-tie.ts';
import type { Contender } from './seats-tie.ts';
import { validateSeatInput } from './seats-input.ts';

export interface ListVotes {
  readonly id: string;
  /** The electoral figure. */
  readonly votes: number;
  /**
   * How many seats the list can fill: its candidates, effectives and substitutes (act of 16 July 1993
   * art. 29ter last para.). A full list takes no further seat; the operation goes on among the
   * others. Unlimited when absent.
   */
  readonly candidates?: number;
}

export interface SeatInput {
  readonly seats: number;
  readonly lists: readonly ListVotes[];
  readonly method: SeatMethod;
  /** Share of the valid votes a list needs to take part (5/100 for the Chamber, CE art. 165bis); 0 for none. */
  readonly threshold: Fraction;
  /** The valid votes of the constituency; by default the sum of the lists' votes. */
  readonly validVotes?: number;
  /** The steps settling a seat due with equal right to several lists; a drawing of lots by default. */
  readonly tieBreak?: TieBreak;
  /** The result of a drawing of lots: list ids, the first drawn first. Only consulted for a tie. */
  readonly lots?: readonly string[];
  /** The candidate whose election is at stake if list `listId` takes its `seat`-th seat (tie-break steps on candidates). */
  readonly contender?: (listId: string, seat: number) => Contender | undefined;
}

export interface ListSeats extends ListVotes {
  /** Whether the list reached the threshold. */
  readonly eligible: boolean;
  readonly seats: number;
}

export type SeatError =
  | { readonly code: 'seats.drawing-of-lots'; readonly tied: readonly string[]; readonly seatsLeft: number }
  /** The tie-break reached a step whose data the input lacks: the candidates' votes or birth dates. */
  | {
      readonly code: 'seats.tie-needs-data';
      readonly tied: readonly string[];
      readonly seatsLeft: number;
      readonly missing: 'candidate-votes' | 'birth-date';
    }
  /** Every step of the statute applied and the lists are still equal (same birth date): the text settles no further. */
  | { readonly code: 'seats.tie-unresolved'; readonly tied: readonly string[]; readonly seatsLeft: number }
  /** Every eligible list is full (fewer candidates than seats): seats remain that no list can take. */
  | { readonly code: 'seats.too-few-candidates'; readonly seatsLeft: number }
  | { readonly code: 'seats.invalid-input'; readonly field: string }
  | { readonly code: 'seats.no-eligible-list' };

/**
 * Highest averages: D'Hondt (divisors 1, 2, 3…, CE art. 167), Imperiali (2, 3, 4…, communal
 * councils), or whole quotas then D'Hondt (Brussels Parliament, LSIB art. 20 §2). Exact: quotients are compared by cross-multiplication. Equal quotients competing for the
 * last seats are never settled silently: the result asks for a drawing of lots, naming the tied lists.
 */
export function allocateSeats(input: SeatInput): Result<readonly ListSeats[], SeatError> {
  const invalid = validateSeatInput(input);
  if (invalid !== null) return err({ code: 'seats.invalid-input', field: invalid });
  const eligible = thresholdFilter(input);
  const candidates = input.lists.filter((l) => eligible.has(l.id));
  if (candidates.length === 0 && input.seats > 0) return err({ code: 'seats.no-eligible-list' });
  const seats = new Map(
    input.lists.map((l) => [
      l.id,
      input.method === 'quota-then-dhondt' && eligible.has(l.id)
        ? Math.min(wholeQuotas(l.votes, input), l.candidates ?? Infinity)
        : 0,
    ]),
  );
  let left = input.seats - [...seats.values()].reduce((sum, n) => sum + n, 0);
  while (left > 0) {
    const open = candidates.filter((l) => l.candidates === undefined || (seats.get(l.id) ?? 0) < l.candidates);
    if (open.length === 0) return err({ code: 'seats.too-few-candidates', seatsLeft: left });
    const best = highestQuotients(open, seats, input.method);
    const winners = best.length <= left ? ok(best) : breakTie(best, left, input, (id) => seats.get(id) ?? 0);
    if (!winners.ok) return winners;
    for (const w of winners.value) seats.set(w.id, (seats.get(w.id) ?? 0) + 1);
    left -= winners.value.length;
  }
  return ok(input.lists.map((l) => ({ ...l, eligible: eligible.has(l.id), seats: seats.get(l.id) ?? 0 })));
}

/** The lists reaching the threshold: votes ≥ threshold × valid votes (CE art. 165bis). */
function thresholdFilter(input: SeatInput): ReadonlySet<string> {
  const valid = BigInt(validVotesOf(input));
  const { num, den } = input.threshold;
  return new Set(input.lists.filter((l) => BigInt(l.votes) * den >= num * valid).map((l) => l.id));
}

/** The divisor for a list's next seat, given the seats it already has. */
export function divisor(method: SeatMethod, seatsSoFar: number): number {
  return method === 'imperiali' ? seatsSoFar + 2 : seatsSoFar + 1;
}

/**
 * Brussels Parliament (LSIB art. 20 §2): the electoral divisor is the valid votes of all the lists of
 * the language group ÷ its seats; a list first gets the whole units of its figure ÷ that divisor.
 * Σ ⌊v·S/V⌋ ≤ S, so the quotas never exceed the seats.
 */
function wholeQuotas(votes: number, input: SeatInput): number {
  const valid = BigInt(validVotesOf(input));
  if (valid === 0n) return 0;
  return Number((BigInt(votes) * BigInt(input.seats)) / valid);
}

function validVotesOf(input: SeatInput): number {
  return input.validVotes ?? input.lists.reduce((sum, l) => sum + l.votes, 0);
}

function highestQuotients(
  lists: readonly ListVotes[],
  seats: ReadonlyMap<string, number>,
  method: SeatMethod,
): readonly ListVotes[] {
  let best: ListVotes[] = [];
  let bestQuotient = fraction(-1n);
  for (const list of lists) {
    const quotient = fraction(list.votes, divisor(method, seats.get(list.id) ?? 0));
    const order = compare(quotient, bestQuotient);
    if (order > 0) [best, bestQuotient] = [[list], quotient];
    else if (order === 0) best.push(list);
  }
  return best;
}
