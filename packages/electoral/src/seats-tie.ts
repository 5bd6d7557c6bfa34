import { err, ok } from './result.ts';
import type { Result } from './result.ts';
import type { ListVotes, SeatError, SeatInput } from './seats.ts';

/**
 * Picks `left` lists among `tied` lists with equal quotients. With `higher-figure-then-lots` the higher
 * electoral figure goes first; whatever tie remains is settled by the drawing of lots given in
 * `input.lots`, or reported as `seats.drawing-of-lots`.
 */
export function breakTie(tied: readonly ListVotes[], left: number, input: SeatInput): Result<readonly ListVotes[], SeatError> {
  const groups = input.tieBreak === 'higher-figure-then-lots' ? byFigure(tied) : [tied];
  const winners: ListVotes[] = [];
  for (const group of groups) {
    const need = left - winners.length;
    if (need <= 0) break;
    if (group.length <= need) winners.push(...group);
    else {
      const drawn = draw(group, need, input.lots);
      if (!drawn.ok) return drawn;
      winners.push(...drawn.value);
    }
  }
  return ok(winners);
}

function byFigure(lists: readonly ListVotes[]): readonly (readonly ListVotes[])[] {
  const figures = [...new Set(lists.map((l) => l.votes))].sort((a, b) => b - a);
  return figures.map((figure) => lists.filter((l) => l.votes === figure));
}

function draw(group: readonly ListVotes[], need: number, lots: readonly string[] | undefined): Result<readonly ListVotes[], SeatError> {
  const order = lots ?? [];
  const rank = (l: ListVotes): number => order.indexOf(l.id);
  if (group.some((l) => rank(l) < 0)) {
    return err({ code: 'seats.drawing-of-lots', tied: group.map((l) => l.id), seatsLeft: need });
  }
  return ok([...group].sort((a, b) => rank(a) - rank(b)).slice(0, need));
}
