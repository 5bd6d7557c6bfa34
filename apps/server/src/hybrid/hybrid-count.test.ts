// The count of a hybrid box equals an independent recount (fast-check): ballots are generated from
// what the voter meant (a list vote, preference votes, a blank ballot, a ballot void by one rule of
// art. 156 §2), the expected figures tallied from those intents by hand, never through
// packages/electoral, then compared with countPaperBallots on the ballots as the paper shows them,
// in any order. Integers only: every figure is a safe integer, sums are exact.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import type { Constituency, MarkedBallot } from '@isoloir/electoral';
import { countPaperBallots } from './hybrid-count.ts';

const LISTS = [
  { number: 1, effectives: 4, substitutes: 2 },
  { number: 2, effectives: 3, substitutes: 3 },
  { number: 5, effectives: 5, substitutes: 0 },
];

const MODEL: Constituency = {
  id: 'test',
  labels: { fr: 'Test', nl: 'Test', de: 'Test', en: 'Test' },
  languages: ['fr'],
  seats: 4,
  lists: LISTS.map((l) => ({
    id: String(l.number),
    number: l.number,
    name: `Liste ${String(l.number)}`,
    effectives: Array.from({ length: l.effectives }, (_, i) => ({
      id: `${String(l.number)}/e${String(i + 1)}`,
      position: i + 1,
      name: `E${String(i + 1)}`,
    })),
    substitutes: Array.from({ length: l.substitutes }, (_, i) => ({
      id: `${String(l.number)}/s${String(i + 1)}`,
      position: i + 1,
      name: `S${String(i + 1)}`,
    })),
  })),
};

type Intent =
  | { readonly kind: 'blank' }
  | { readonly kind: 'vote'; readonly list: number; readonly head: boolean; readonly e: number[]; readonly s: number[] }
  | { readonly kind: 'bad-paper'; readonly paper: 'unofficial' | 'altered' | 'identifiable'; readonly list: number }
  | { readonly kind: 'two-heads'; readonly a: number; readonly b: number }
  | { readonly kind: 'two-lists'; readonly a: number; readonly b: number }
  | { readonly kind: 'head-and-other'; readonly a: number; readonly b: number };

const listIndex = fc.integer({ min: 0, max: LISTS.length - 1 });
const twoLists = fc
  .tuple(listIndex, fc.integer({ min: 1, max: LISTS.length - 1 }))
  .map(([a, d]) => ({ a, b: (a + d) % LISTS.length }));
const subset = (n: number) => fc.subarray(Array.from({ length: n }, (_, i) => i + 1));

const intent: fc.Arbitrary<Intent> = fc.oneof(
  fc.constant({ kind: 'blank' as const }),
  listIndex
    .chain((list) => {
      const l = LISTS[list] ?? { effectives: 0, substitutes: 0 };
      return fc.record({
        kind: fc.constant('vote' as const),
        list: fc.constant(list),
        head: fc.boolean(),
        e: subset(l.effectives),
        s: subset(l.substitutes),
      });
    })
    .filter((v) => v.head || v.e.length + v.s.length > 0),
  fc.record({
    kind: fc.constant('bad-paper' as const),
    paper: fc.constantFrom('unofficial' as const, 'altered' as const, 'identifiable' as const),
    list: listIndex,
  }),
  twoLists.map((p) => ({ kind: 'two-heads' as const, ...p })),
  twoLists.map((p) => ({ kind: 'two-lists' as const, ...p })),
  twoLists.map((p) => ({ kind: 'head-and-other' as const, ...p })),
);

const id = (i: number): string => String(LISTS[i]?.number ?? 0);

/** The paper as the voter marked it. */
function paperOf(x: Intent): MarkedBallot {
  switch (x.kind) {
    case 'blank':
      return { paper: 'official', marks: [] };
    case 'vote':
      return {
        paper: 'official',
        marks: [
          ...(x.head ? [{ box: 'head' as const, listId: id(x.list) }] : []),
          ...x.e.map((position) => ({ box: 'effective' as const, listId: id(x.list), position })),
          ...x.s.map((position) => ({ box: 'substitute' as const, listId: id(x.list), position })),
        ],
      };
    case 'bad-paper':
      return { paper: x.paper, marks: [{ box: 'head', listId: id(x.list) }] };
    case 'two-heads':
      return {
        paper: 'official',
        marks: [
          { box: 'head', listId: id(x.a) },
          { box: 'head', listId: id(x.b) },
        ],
      };
    case 'two-lists':
      return {
        paper: 'official',
        marks: [
          { box: 'effective', listId: id(x.a), position: 1 },
          { box: 'effective', listId: id(x.b), position: 1 },
        ],
      };
    case 'head-and-other':
      return {
        paper: 'official',
        marks: [
          { box: 'head', listId: id(x.a) },
          { box: 'effective', listId: id(x.b), position: 1 },
        ],
      };
  }
}

/** The recount by hand, from the intents (art. 156). */
function recount(intents: readonly Intent[]) {
  let blank = 0;
  const invalidByRule: Record<string, number> = {};
  const bad = (rule: string): void => {
    invalidByRule[rule] = (invalidByRule[rule] ?? 0) + 1;
  };
  const lists = LISTS.map((l) => ({
    number: l.number,
    B: 0,
    C: 0,
    D: 0,
    E: 0,
    effectives: Array.from({ length: l.effectives }, () => 0),
    substitutes: Array.from({ length: l.substitutes }, () => 0),
  }));
  for (const x of intents) {
    if (x.kind === 'blank') blank += 1;
    else if (x.kind === 'bad-paper')
      bad(x.paper === 'unofficial' ? 'ballot.unofficial-paper' : 'ballot.altered-or-identifiable');
    else if (x.kind === 'two-heads') bad('ballot.several-head-boxes');
    else if (x.kind === 'two-lists') bad('ballot.several-lists');
    else if (x.kind === 'head-and-other') bad('ballot.head-box-and-other-list');
    else {
      const l = lists[x.list];
      if (l === undefined) throw new Error('no list');
      if (x.e.length === 0 && x.s.length === 0) l.B += 1;
      else if (x.s.length === 0) l.C += 1;
      else if (x.e.length === 0) l.E += 1;
      else l.D += 1;
      for (const p of x.e) l.effectives[p - 1] = (l.effectives[p - 1] ?? 0) + 1;
      for (const p of x.s) l.substitutes[p - 1] = (l.substitutes[p - 1] ?? 0) + 1;
    }
  }
  const invalid = Object.values(invalidByRule).reduce((a, b) => a + b, 0);
  const withTotals = lists.map((l) => ({ ...l, total: l.B + l.C + l.D + l.E }));
  const valid = withTotals.reduce((a, l) => a + l.total, 0);
  return { ballots: intents.length, valid, blank, invalid, invalidByRule, lists: withTotals };
}

const byKey = (o: Record<string, number>): Record<string, number> =>
  Object.fromEntries(Object.entries(o).sort(([a], [b]) => (a < b ? -1 : 1)));

test('the count of a hybrid box equals an independent recount of the ballots meant (any order)', () => {
  fc.assert(
    fc.property(fc.array(intent, { maxLength: 120 }), (intents) => {
      const counted = countPaperBallots(MODEL, intents.map(paperOf));
      const expected = recount(intents);
      assert.equal(counted.ballots, expected.ballots);
      assert.equal(counted.valid + counted.blank + counted.invalid, intents.length);
      assert.deepEqual(
        { ...counted, invalidByRule: byKey(counted.invalidByRule) },
        { ...expected, invalidByRule: byKey(expected.invalidByRule) },
      );
      for (const l of counted.lists)
        for (const n of [l.B, l.C, l.D, l.E, l.total, ...l.effectives, ...l.substitutes])
          assert.ok(Number.isSafeInteger(n) && n >= 0);
    }),
    { numRuns: 300 },
  );
});

test('a head box beside candidates of its own list counts as those candidates (art. 156 §1): category C, not B', () => {
  const c = countPaperBallots(MODEL, [
    {
      paper: 'official',
      marks: [
        { box: 'head', listId: '2' },
        { box: 'effective', listId: '2', position: 3 },
      ],
    },
  ]);
  const l2 = c.lists.find((l) => l.number === 2);
  assert.deepEqual([l2?.B, l2?.C, l2?.effectives], [0, 1, [0, 0, 1]]);
});
