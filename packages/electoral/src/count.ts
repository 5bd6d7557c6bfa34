import type { BallotCategory } from './ballot.ts';
import { INVALID_BALLOT_RULE_CODES, perRule } from './ballot-rules.ts';
import type { InvalidBallotRule } from './ballot-rules.ts';
import type { BallotClass, ValidBallot } from './classify.ts';
import type { CandidateList, Constituency } from './model.ts';

/** The count of one list (art. 161): its four ballot categories and the preference votes of each candidate. */
export interface ListCount {
  readonly listId: string;
  readonly categories: Readonly<Record<BallotCategory, number>>;
  /** Preference votes of the effectives, in list order (index 0 = position 1). */
  readonly effectives: readonly number[];
  /** Preference votes of the substitutes, in list order. */
  readonly substitutes: readonly number[];
}

/** The count of one constituency, or of a part of it (a counting office, a voting mode, abroad). */
export interface Count {
  readonly constituencyId: string;
  readonly blank: number;
  readonly invalid: Readonly<Record<InvalidBallotRule, number>>;
  readonly lists: readonly ListCount[];
}

/** The list's electoral figure ("chiffre électoral", "stemcijfer"): B + C + D + E (art. 166). */
export function listFigure(list: ListCount): number {
  const { B, C, D, E } = list.categories;
  return B + C + D + E;
}

/** All valid ballots: the sum of the electoral figures. */
export function validBallots(count: Count): number {
  return count.lists.reduce((sum, list) => sum + listFigure(list), 0);
}

export function invalidBallots(count: Count): number {
  return INVALID_BALLOT_RULE_CODES.reduce((sum, rule) => sum + count.invalid[rule], 0);
}

export function emptyCount(constituency: Constituency): Count {
  return {
    constituencyId: constituency.id,
    blank: 0,
    invalid: noInvalid(),
    lists: constituency.lists.map(emptyListCount),
  };
}

function emptyListCount(list: CandidateList): ListCount {
  return {
    listId: list.id,
    categories: { B: 0, C: 0, D: 0, E: 0 },
    effectives: list.effectives.map(() => 0),
    substitutes: list.substitutes.map(() => 0),
  };
}

function noInvalid(): Record<InvalidBallotRule, number> {
  return perRule(() => 0);
}

/** Counts classified ballots. A ballot gives 1 to its list's figure and 1 preference vote to each marked candidate. */
export function countBallots(constituency: Constituency, ballots: Iterable<BallotClass>): Count {
  let blank = 0;
  const invalid = noInvalid();
  const lists = new Map(constituency.lists.map((l) => [l.id, mutableListCount(emptyListCount(l))]));
  for (const ballot of ballots) {
    if (ballot.kind === 'blank') blank += 1;
    else if (ballot.kind === 'invalid') invalid[ballot.rule] += 1;
    else addValid(lists, ballot);
  }
  return { constituencyId: constituency.id, blank, invalid, lists: [...lists.values()] };
}

interface MutableListCount {
  listId: string;
  categories: Record<BallotCategory, number>;
  effectives: number[];
  substitutes: number[];
}

function mutableListCount(list: ListCount): MutableListCount {
  return {
    ...list,
    categories: { ...list.categories },
    effectives: [...list.effectives],
    substitutes: [...list.substitutes],
  };
}

function addValid(lists: ReadonlyMap<string, MutableListCount>, ballot: ValidBallot): void {
  const list = lists.get(ballot.listId);
  if (list === undefined) throw new Error(`countBallots: ballot for unknown list ${ballot.listId}`);
  list.categories[ballot.category] += 1;
  addPreferences(list.effectives, ballot.effectives);
  addPreferences(list.substitutes, ballot.substitutes);
}

function addPreferences(votes: number[], positions: readonly number[]): void {
  for (const position of positions) {
    const current = votes[position - 1];
    if (current === undefined) throw new Error(`countBallots: no candidate at position ${position.toString()}`);
    votes[position - 1] = current + 1;
  }
}
