import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { Mark, MarkedBallot } from './ballot.ts';
import { classifyBallot } from './classify.ts';
import { countBallots, emptyCount, invalidBallots, listFigure, validBallots } from './count.ts';
import { compareCounts, mergeCounts } from './count-merge.ts';
import { sameLabel } from './labels.ts';
import type { CandidateList, Constituency } from './model.ts';
import { unwrap } from './result.ts';

function list(id: string, effectives: number, substitutes: number): CandidateList {
  const people = (n: number, kind: string): CandidateList['effectives'] =>
    Array.from({ length: n }, (_, i) => ({
      id: `${id}-${kind}${String(i + 1)}`,
      position: i + 1,
      name: `${kind}${String(i + 1)}`,
    }));
  return { id, number: 1, name: id, effectives: people(effectives, 'e'), substitutes: people(substitutes, 's') };
}

const LUX: Constituency = {
  id: 'lux',
  labels: sameLabel('Luxembourg'),
  languages: ['fr'],
  seats: 4,
  lists: [list('A', 4, 6), list('B', 2, 6)],
};

const marks: fc.Arbitrary<Mark[]> = fc.array(
  fc.oneof(
    fc.record({ box: fc.constant('head' as const), listId: fc.constantFrom('A', 'B', 'Z') }),
    fc.record({
      box: fc.constantFrom('effective' as const, 'substitute' as const),
      listId: fc.constantFrom('A', 'B'),
      position: fc.integer({ min: 1, max: 6 }),
    }),
  ),
  { maxLength: 4 },
);
const ballots: fc.Arbitrary<MarkedBallot[]> = fc.array(
  fc.record({ paper: fc.constantFrom('official' as const, 'identifiable' as const), marks }),
  { maxLength: 60 },
);
const count = (bs: readonly MarkedBallot[]): ReturnType<typeof countBallots> =>
  countBallots(
    LUX,
    bs.map((b) => classifyBallot(LUX, b)),
  );

describe('counting (art. 161, 166)', () => {
  test('one ballot gives 1 to the figure and 1 preference vote to each marked candidate', () => {
    const c = count([
      {
        paper: 'official',
        marks: [
          { box: 'head', listId: 'A' },
          { box: 'effective', listId: 'A', position: 1 },
          { box: 'substitute', listId: 'A', position: 2 },
        ],
      },
      { paper: 'official', marks: [{ box: 'head', listId: 'A' }] },
      { paper: 'official', marks: [] },
      {
        paper: 'official',
        marks: [
          { box: 'head', listId: 'A' },
          { box: 'head', listId: 'B' },
        ],
      },
    ]);
    const a = c.lists[0];
    assert.ok(a !== undefined);
    assert.deepEqual(a.categories, { B: 1, C: 0, D: 1, E: 0 });
    assert.equal(listFigure(a), 2);
    assert.deepEqual(a.effectives, [1, 0, 0, 0]);
    assert.deepEqual(a.substitutes, [0, 1, 0, 0, 0, 0]);
    assert.equal(c.blank, 1);
    assert.equal(c.invalid['ballot.several-head-boxes'], 1);
    assert.equal(invalidBallots(c), 1);
  });
  test('counts of different constituencies or lists do not merge', () => {
    const other: Constituency = { ...LUX, id: 'namur' };
    assert.deepEqual(mergeCounts(emptyCount(LUX), emptyCount(other)), {
      ok: false,
      error: 'count.different-constituency',
    });
    const fewer: Constituency = { ...LUX, lists: [list('A', 4, 6)] };
    assert.deepEqual(mergeCounts(emptyCount(LUX), emptyCount(fewer)), { ok: false, error: 'count.different-lists' });
    assert.deepEqual(compareCounts(emptyCount(LUX), emptyCount(fewer)), ['lists']);
  });
});

describe('properties', () => {
  test('B + C + D + E equals the list figure: the valid ballots of the list', () => {
    fc.assert(
      fc.property(ballots, (bs) => {
        const classes = bs.map((b) => classifyBallot(LUX, b));
        const c = countBallots(LUX, classes);
        for (const l of c.lists) {
          assert.equal(listFigure(l), classes.filter((k) => k.kind === 'valid' && k.listId === l.listId).length);
        }
        assert.equal(validBallots(c) + c.blank + invalidBallots(c), bs.length);
      }),
    );
  });
  test('sums merge exactly: counting in parts (modes, abroad/Belgium, offices) equals counting all', () => {
    fc.assert(
      fc.property(ballots, ballots, ballots, (x, y, z) => {
        const parts = unwrap(mergeCounts(unwrap(mergeCounts(count(x), count(y))), count(z)));
        assert.deepEqual(compareCounts(parts, count([...x, ...y, ...z])), []);
        assert.deepEqual(unwrap(mergeCounts(count(x), count(y))), unwrap(mergeCounts(count(y), count(x))));
      }),
    );
  });
  test('compareCounts finds any difference', () => {
    fc.assert(
      fc.property(ballots, ballots, (x, y) => {
        const same = compareCounts(count(x), count(y)).length === 0;
        assert.equal(same, JSON.stringify(count(x)) === JSON.stringify(count(y)));
      }),
    );
  });
});
