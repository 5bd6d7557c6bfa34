import type { BallotCategory } from './ballot.ts';
import { INVALID_BALLOT_RULE_CODES, perRule } from './ballot-rules.ts';
import type { Count, ListCount } from './count.ts';
import { err, ok } from './result.ts';
import type { Result } from './result.ts';

export type MergeError = 'count.different-constituency' | 'count.different-lists';

const CATEGORIES: readonly BallotCategory[] = ['B', 'C', 'D', 'E'];

/**
 * Adds two counts of the same constituency (two counting offices, two voting modes, Belgium and abroad).
 * Merging is associative and commutative, so the order of totalisation never changes the result.
 */
export function mergeCounts(a: Count, b: Count): Result<Count, MergeError> {
  if (a.constituencyId !== b.constituencyId) return err('count.different-constituency');
  if (!sameShape(a, b)) return err('count.different-lists');
  const invalid = perRule((r) => a.invalid[r] + b.invalid[r]);
  const lists = a.lists.map((list, i) => mergeList(list, b.lists[i] ?? list));
  return ok({ constituencyId: a.constituencyId, blank: a.blank + b.blank, invalid, lists });
}

function sameShape(a: Count, b: Count): boolean {
  return (
    a.lists.length === b.lists.length &&
    a.lists.every((list, i) => {
      const other = b.lists[i];
      return (
        other !== undefined &&
        other.listId === list.listId &&
        other.effectives.length === list.effectives.length &&
        other.substitutes.length === list.substitutes.length
      );
    })
  );
}

function mergeList(a: ListCount, b: ListCount): ListCount {
  const [x, y] = [a.categories, b.categories];
  return {
    listId: a.listId,
    categories: { B: x.B + y.B, C: x.C + y.C, D: x.D + y.D, E: x.E + y.E },
    effectives: a.effectives.map((v, i) => v + (b.effectives[i] ?? 0)),
    substitutes: a.substitutes.map((v, i) => v + (b.substitutes[i] ?? 0)),
  };
}

/** Every field where two counts differ, as paths (`lists[2].categories.C`); empty when they are equal. */
export function compareCounts(a: Count, b: Count): readonly string[] {
  if (a.constituencyId !== b.constituencyId) return ['constituencyId'];
  if (!sameShape(a, b)) return ['lists'];
  const diffs: string[] = [];
  if (a.blank !== b.blank) diffs.push('blank');
  for (const rule of INVALID_BALLOT_RULE_CODES) if (a.invalid[rule] !== b.invalid[rule]) diffs.push(`invalid.${rule}`);
  a.lists.forEach((list, i) => {
    const other = b.lists[i] ?? list;
    for (const c of CATEGORIES)
      if (list.categories[c] !== other.categories[c]) diffs.push(`lists[${i.toString()}].categories.${c}`);
    diffVotes(list.effectives, other.effectives, `lists[${i.toString()}].effectives`, diffs);
    diffVotes(list.substitutes, other.substitutes, `lists[${i.toString()}].substitutes`, diffs);
  });
  return diffs;
}

function diffVotes(a: readonly number[], b: readonly number[], path: string, diffs: string[]): void {
  a.forEach((v, i) => {
    if (v !== b[i]) diffs.push(`${path}[${i.toString()}]`);
  });
}
