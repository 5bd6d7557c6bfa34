import type { SeatInput } from './seats.ts';

/** The first invalid field of a seat allocation input, or null. */
export function validateSeatInput(input: SeatInput): string | null {
  if (!isCount(input.seats)) return 'seats';
  const bad = input.lists.findIndex((l) => !isCount(l.votes));
  if (bad >= 0) return `lists[${bad.toString()}].votes`;
  const full = input.lists.findIndex((l) => l.candidates !== undefined && !isCount(l.candidates));
  if (full >= 0) return `lists[${full.toString()}].candidates`;
  if (new Set(input.lists.map((l) => l.id)).size !== input.lists.length) return 'lists.id';
  if (input.validVotes !== undefined && !isCount(input.validVotes)) return 'validVotes';
  // The valid votes include every list's figure (blank and invalid ballots are not valid votes).
  if (input.validVotes !== undefined && input.validVotes < input.lists.reduce((sum, l) => sum + l.votes, 0))
    return 'validVotes';
  if (input.threshold.num > input.threshold.den) return 'threshold';
  return null;
}

/** A non-negative safe integer. */
export function isCount(n: number): boolean {
  return Number.isSafeInteger(n) && n >= 0;
}
