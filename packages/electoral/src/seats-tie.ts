import { err, ok } from './result.ts';
import type { Result } from './result.ts';
import type { TieBreakStep } from './model.ts';
import type { ListVotes, SeatError, SeatInput } from './seats.ts';

/** The candidate of a list whose election is at stake for a seat (the one the list would elect with it). */
export interface Contender {
  readonly candidateId: string;
  /** The votes the candidate obtained (preference votes plus the head-box ballots devolved to them). */
  readonly votes: number;
  /** `YYYY-MM-DD`; required only when the age step is reached. */
  readonly birthDate?: string | undefined;
}

interface TieContext {
  readonly input: SeatInput;
  /** Seats a list already has (its contender is for seat `seats + 1`). */
  readonly seatsOf: (id: string) => number;
}

/**
 * Picks `left` lists among `tied` lists with equal quotients, by the steps of `input.tieBreak` in
 * order (default: a drawing of lots). A step is applied only to a group of lists it must split: data
 * a step needs (candidate votes, birth dates, the draw) is asked for only when the step is reached.
 * The winners never depend on the order of the lists.
 */
export function breakTie(
  tied: readonly ListVotes[],
  left: number,
  input: SeatInput,
  seatsOf: (id: string) => number,
): Result<readonly ListVotes[], SeatError> {
  return pick(tied, left, input.tieBreak ?? ['lots'], { input, seatsOf });
}

function pick(
  group: readonly ListVotes[],
  need: number,
  steps: readonly TieBreakStep[],
  ctx: TieContext,
): Result<readonly ListVotes[], SeatError> {
  if (need <= 0) return ok([]);
  if (group.length <= need) return ok(group);
  const [step, ...rest] = steps;
  if (step === undefined) return err({ code: 'seats.tie-unresolved', tied: ids(group), seatsLeft: need });
  const ordered = refine(step, group, need, ctx);
  if (!ordered.ok) return ordered;
  const winners: ListVotes[] = [];
  for (const sub of ordered.value) {
    const chosen = pick(sub, need - winners.length, rest, ctx);
    if (!chosen.ok) return chosen;
    winners.push(...chosen.value);
  }
  return ok(winners);
}

/** Splits a tied group into subgroups, best first, by one step. */
function refine(
  step: TieBreakStep,
  group: readonly ListVotes[],
  need: number,
  ctx: TieContext,
): Result<readonly (readonly ListVotes[])[], SeatError> {
  switch (step) {
    case 'higher-figure':
      return ok(groupBy(group, (l) => l.votes, 'desc'));
    case 'candidate-votes': {
      const contenders = contendersOf(group, ctx);
      if (contenders === null)
        return err({ code: 'seats.tie-needs-data', tied: ids(group), seatsLeft: need, missing: 'candidate-votes' });
      return ok(groupBy(group, (l) => contenders.get(l.id)?.votes ?? 0, 'desc'));
    }
    case 'candidate-age': {
      const contenders = contendersOf(group, ctx);
      const births = new Map(group.map((l) => [l.id, contenders?.get(l.id)?.birthDate]));
      if ([...births.values()].some((b) => b === undefined || !ISO_DATE.test(b)))
        return err({ code: 'seats.tie-needs-data', tied: ids(group), seatsLeft: need, missing: 'birth-date' });
      // The oldest first: the earliest birth date. ISO dates compare as strings.
      return ok(groupBy(group, (l) => births.get(l.id) ?? '', 'asc'));
    }
    case 'lots': {
      const order = ctx.input.lots ?? [];
      if (group.some((l) => !order.includes(l.id)))
        return err({ code: 'seats.drawing-of-lots', tied: ids(group), seatsLeft: need });
      return ok(groupBy(group, (l) => order.indexOf(l.id), 'asc'));
    }
  }
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function contendersOf(group: readonly ListVotes[], ctx: TieContext): ReadonlyMap<string, Contender> | null {
  const found = new Map<string, Contender>();
  for (const list of group) {
    const contender = ctx.input.contender?.(list.id, ctx.seatsOf(list.id) + 1);
    if (contender === undefined) return null;
    found.set(list.id, contender);
  }
  return found;
}

function groupBy(
  lists: readonly ListVotes[],
  key: (l: ListVotes) => number | string,
  order: 'asc' | 'desc',
): readonly (readonly ListVotes[])[] {
  const keys = [...new Set(lists.map(key))].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  if (order === 'desc') keys.reverse();
  return keys.map((k) => lists.filter((l) => key(l) === k));
}

/** Tied list ids in a canonical order, so that a report does not depend on the input order. */
function ids(group: readonly ListVotes[]): readonly string[] {
  return group.map((l) => l.id).sort();
}
