// The minimum anonymity set: no group of a constituency is decrypted and published with fewer
// ballots than the minimum. A group below it is merged, by rule and never by anyone's choice, with
// the smallest number of others: first the other category (abroad / Belgium) of the same mode, then
// across the electronic modes of the constituency. When all of the constituency's electronic
// ballots together stay below the minimum, they all form one set that is never decrypted
// (`withheld`): its ballots stay encrypted in the record, which states the withheld set.
// The minimum is a frozen setting of each election (elections.anonymity_minimum, from the setup,
// default 10; in the record's election definition). [U] 10 is this platform's rule, not a number
// from the Electoral Code. planMerges is pure; anonymityMinimumOf reads the setting.
import type { Kysely } from 'kysely';
import type { Schema } from '@isoloir/store';
import type { Category, Mode } from './layout.ts';

/** The default minimum, for an election whose setup names none (and the tests). */
export const MINIMUM_ANONYMITY_SET = 10;

/** The reason code of a withheld constituency (record entry `withheld`, PV). */
export const WITHHELD_REASON = 'below-minimum-anonymity-set';

/** The election's minimum anonymity set, as frozen with its setup (the default for an unknown election, which has no group). */
export async function anonymityMinimumOf(db: Pick<Kysely<Schema>, 'selectFrom'>, electionId: string): Promise<number> {
  const row = await db
    .selectFrom('elections')
    .select('anonymity_minimum')
    .where('id', '=', electionId)
    .executeTakeFirst();
  return row?.anonymity_minimum ?? MINIMUM_ANONYMITY_SET;
}

export type MergeRule = 'abroad-with-belgium' | 'across-modes';

export interface SizedGroup {
  readonly groupId: string;
  readonly mode: Mode;
  readonly category: Category;
  /** Ballots to count in the group. */
  readonly ballots: number;
}

export interface CountingSet {
  /** The group that carries the set (its PV, its input). */
  readonly target: string;
  /** Every group of the set, the target included. */
  readonly members: readonly string[];
  readonly ballots: number;
}

export interface MergePlan {
  readonly sets: readonly CountingSet[];
  /** group → the target it is counted with, and the rule that put it there (merged groups only). */
  readonly merges: ReadonlyMap<string, { readonly into: string; readonly rule: MergeRule }>;
  /**
   * The constituency's electronic ballots (> 0) are below the minimum even all together: then every
   * group of the constituency, empty ones included, is in the one set, which is withheld.
   */
  readonly withheld: boolean;
}

interface Working {
  members: SizedGroup[];
  ballots: number;
}

const order = (a: SizedGroup, b: SizedGroup): number => (a.groupId < b.groupId ? -1 : a.groupId > b.groupId ? 1 : 0);

/** The group that carries a set: the largest, then Belgium before abroad, then online before kiosk, then by id. */
function carrier(members: readonly SizedGroup[]): SizedGroup {
  const sorted = [...members].sort(
    (a, b) =>
      b.ballots - a.ballots ||
      (a.category === b.category ? 0 : a.category === 'belgium' ? -1 : 1) ||
      (a.mode === b.mode ? 0 : a.mode === 'online' ? -1 : 1) ||
      order(a, b),
  );
  const first = sorted[0];
  if (first === undefined) throw new Error('empty counting set');
  return first;
}

const modesOf = (s: Working): Set<Mode> => new Set(s.members.map((m) => m.mode));

/**
 * The merge plan of one constituency's groups. Groups without a ballot stay on their own (nothing
 * to publish), unless the constituency is withheld. A set below the minimum takes, in this order: the other category of its own mode;
 * then a set of another mode, the smallest that brings it to the minimum (else the largest), one at
 * a time, until it reaches the minimum or nothing is left.
 */
export function planMerges(groups: readonly SizedGroup[], minimum: number = MINIMUM_ANONYMITY_SET): MergePlan {
  const empty = groups.filter((g) => g.ballots === 0);
  let sets: Working[] = groups
    .filter((g) => g.ballots > 0)
    .sort(order)
    .map((g) => ({ members: [g], ballots: g.ballots }));
  const merge = (a: Working, b: Working): void => {
    sets = [
      ...sets.filter((s) => s !== a && s !== b),
      { members: [...a.members, ...b.members], ballots: a.ballots + b.ballots },
    ];
  };
  for (;;) {
    const small = sets
      .filter((s) => s.ballots < minimum)
      .sort((a, b) => a.ballots - b.ballots || order(carrier(a.members), carrier(b.members)))[0];
    if (small === undefined) break;
    const others = sets.filter((s) => s !== small);
    if (others.length === 0) break;
    const mine = modesOf(small);
    const sameMode = others.filter((s) => [...modesOf(s)].some((m) => mine.has(m)));
    const pool = sameMode.length > 0 ? sameMode : others;
    const enough = pool.filter((s) => s.ballots + small.ballots >= minimum).sort((a, b) => a.ballots - b.ballots)[0];
    const partner = enough ?? [...pool].sort((a, b) => b.ballots - a.ballots)[0];
    if (partner === undefined) break;
    merge(small, partner);
  }
  const total = groups.reduce((a, g) => a + g.ballots, 0);
  const withheld = total > 0 && total < minimum;
  // Withheld: the constituency is one set, so that no group of it (not even an empty one) is published apart.
  if (withheld) {
    for (const g of empty.splice(0)) {
      const only = sets[0];
      if (only !== undefined) merge(only, { members: [g], ballots: 0 });
    }
  }
  const finalSets: CountingSet[] = sets.map((s) => ({
    target: carrier(s.members).groupId,
    members: s.members.map((m) => m.groupId).sort(),
    ballots: s.ballots,
  }));
  const merges = new Map<string, { into: string; rule: MergeRule }>();
  for (const s of sets) {
    const target = carrier(s.members);
    // A group of the carrier's mode joined it as the other category; one of another mode across modes.
    for (const m of s.members)
      if (m.groupId !== target.groupId)
        merges.set(m.groupId, {
          into: target.groupId,
          rule: m.mode === target.mode ? 'abroad-with-belgium' : 'across-modes',
        });
  }
  for (const g of empty) finalSets.push({ target: g.groupId, members: [g.groupId], ballots: 0 });
  return { sets: finalSets.sort((a, b) => (a.target < b.target ? -1 : a.target > b.target ? 1 : 0)), merges, withheld };
}
