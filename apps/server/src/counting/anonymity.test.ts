// The minimum anonymity set: no set below the minimum is ever published on its own, merges follow
// the rule (same mode first), and no merge happens that the minimum did not require.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { planMerges, type SizedGroup } from './anonymity.ts';

const KINDS = [
  ['online', 'belgium'],
  ['online', 'abroad'],
  ['kiosk', 'belgium'],
  ['kiosk', 'abroad'],
] as const;

const groupsArb = fc
  .tuple(fc.nat(40), fc.nat(40), fc.nat(40), fc.nat(40), fc.subarray([0, 1, 2, 3], { minLength: 1 }))
  .map(([a, b, c, d, present]) => {
    const sizes = [a, b, c, d];
    return present.map((i): SizedGroup => {
      const [mode, category] = KINDS[i] ?? KINDS[0];
      return { groupId: `liege/${mode}/${category}`, mode, category, ballots: sizes[i] ?? 0 };
    });
  });

test('anonymity: every published set reaches the minimum unless the constituency is withheld; ballots are kept', () => {
  fc.assert(
    fc.property(groupsArb, fc.integer({ min: 1, max: 30 }), (groups, minimum) => {
      const plan = planMerges(groups, minimum);
      const total = groups.reduce((a, g) => a + g.ballots, 0);
      assert.equal(
        plan.sets.reduce((a, s) => a + s.ballots, 0),
        total,
      );
      assert.deepEqual(plan.sets.flatMap((s) => s.members).sort(), groups.map((g) => g.groupId).sort());
      assert.equal(plan.withheld, total > 0 && total < minimum);
      // Withheld: the whole constituency is one set (nothing of it published apart).
      if (plan.withheld) assert.equal(plan.sets.length, 1);
      if (!plan.withheld)
        for (const s of plan.sets)
          assert.ok(
            s.ballots === 0 || s.ballots >= minimum,
            `set ${s.target} has ${String(s.ballots)} < ${String(minimum)}`,
          );
      for (const [member, how] of plan.merges) {
        const set = plan.sets.find((s) => s.target === how.into);
        assert.ok(set?.members.includes(member));
        const m = groups.find((g) => g.groupId === member);
        const t = groups.find((g) => g.groupId === how.into);
        assert.equal(how.rule, m?.mode === t?.mode ? 'abroad-with-belgium' : 'across-modes');
      }
    }),
    { numRuns: 500 },
  );
});

test('anonymity: groups at or above the minimum are never merged with each other', () => {
  fc.assert(
    fc.property(groupsArb, fc.integer({ min: 1, max: 30 }), (groups, minimum) => {
      const plan = planMerges(groups, minimum);
      for (const s of plan.sets) {
        const big = s.members.filter((id) => (groups.find((g) => g.groupId === id)?.ballots ?? 0) >= minimum);
        assert.ok(big.length <= 1, `two groups at the minimum merged: ${big.join(', ')}`);
      }
    }),
    { numRuns: 500 },
  );
});

test('anonymity: abroad merges with Belgium of the same mode before another mode; 9 ballots alone are withheld', () => {
  const g = (mode: 'online' | 'kiosk', category: 'belgium' | 'abroad', ballots: number): SizedGroup => ({
    groupId: `liege/${mode}/${category}`,
    mode,
    category,
    ballots,
  });
  const plan = planMerges([g('online', 'belgium', 50), g('online', 'abroad', 3), g('kiosk', 'abroad', 12)], 10);
  assert.deepEqual(plan.merges.get('liege/online/abroad'), {
    into: 'liege/online/belgium',
    rule: 'abroad-with-belgium',
  });
  assert.equal(plan.merges.has('liege/kiosk/abroad'), false);
  const across = planMerges([g('online', 'belgium', 50), g('online', 'abroad', 30), g('kiosk', 'abroad', 4)], 10);
  assert.deepEqual(
    across.merges.get('liege/kiosk/abroad'),
    { into: 'liege/online/abroad', rule: 'across-modes' },
    'the smallest set that reaches the minimum',
  );
  const alone = planMerges([g('online', 'belgium', 9)], 10);
  assert.equal(alone.withheld, true);
  assert.equal(planMerges([g('online', 'belgium', 10)], 10).withheld, false);
});
