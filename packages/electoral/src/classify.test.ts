import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { Mark, MarkedBallot, PaperState } from './ballot.ts';
import { INVALID_BALLOT_RULES } from './ballot-rules.ts';
import { classifyBallot } from './classify.ts';
import { sameLabel } from './labels.ts';
import type { CandidateList, Constituency } from './model.ts';

function list(id: string, effectives: number, substitutes: number): CandidateList {
  const people = (n: number, kind: string): CandidateList['effectives'] =>
    Array.from({ length: n }, (_, i) => ({
      id: `${id}-${kind}${String(i + 1)}`,
      position: i + 1,
      name: `${kind} ${String(i + 1)}`,
    }));
  return {
    id,
    number: Number(id.slice(1)),
    name: id,
    effectives: people(effectives, 'e'),
    substitutes: people(substitutes, 's'),
  };
}

const NAMUR_LIKE: Constituency = {
  id: 'namur',
  labels: { fr: 'Circonscription de Namur', nl: 'Kieskring Namen', de: 'Wahlkreis Namür', en: 'Constituency of Namur' },
  languages: ['fr'],
  seats: 7,
  lists: [list('L2', 7, 6), list('L4', 7, 6), list('L6', 3, 2)],
};

const head = (listId: string): Mark => ({ box: 'head', listId });
const eff = (listId: string, position: number): Mark => ({ box: 'effective', listId, position });
const sub = (listId: string, position: number): Mark => ({ box: 'substitute', listId, position });
const ballot = (...marks: Mark[]): MarkedBallot => ({ paper: 'official', marks });
const classify = (b: MarkedBallot): ReturnType<typeof classifyBallot> => classifyBallot(NAMUR_LIKE, b);

describe('valid ballots and their category (art. 156 §1)', () => {
  test('B: head box only', () => {
    assert.deepEqual(classify(ballot(head('L2'))), {
      kind: 'valid',
      listId: 'L2',
      category: 'B',
      effectives: [],
      substitutes: [],
    });
  });
  test('C: effectives only; D: effectives and substitutes; E: substitutes only', () => {
    assert.equal(category(ballot(eff('L2', 3), eff('L2', 1))), 'C');
    assert.equal(category(ballot(eff('L2', 3), sub('L2', 1))), 'D');
    assert.equal(category(ballot(sub('L4', 6))), 'E');
  });
  test('a head box plus candidates of the same list counts as the candidates', () => {
    assert.deepEqual(classify(ballot(head('L4'), eff('L4', 7), eff('L4', 2))), {
      kind: 'valid',
      listId: 'L4',
      category: 'C',
      effectives: [2, 7],
      substitutes: [],
    });
  });
  test('no mark is blank', () => {
    assert.deepEqual(classify(ballot()), { kind: 'blank' });
  });
});

function category(b: MarkedBallot): string {
  const c = classify(b);
  return c.kind === 'valid' ? c.category : c.kind;
}

describe('invalid ballots, with the rule they break (art. 156 §2)', () => {
  const cases: readonly [string, MarkedBallot, string][] = [
    ['candidates on several lists', ballot(eff('L2', 1), sub('L4', 1)), 'ballot.several-lists'],
    ['several head boxes', ballot(head('L2'), head('L4')), 'ballot.several-head-boxes'],
    ['head box on one list, candidates on another', ballot(head('L2'), eff('L4', 1)), 'ballot.head-box-and-other-list'],
    ['unknown list', ballot(head('L99')), 'ballot.unknown-list'],
    ['unknown candidate', ballot(eff('L6', 4)), 'ballot.unknown-candidate'],
    ['the same mark twice (malformed)', ballot(eff('L6', 1), eff('L6', 1)), 'ballot.malformed'],
    ['a fractional position (malformed)', ballot(eff('L6', 1.5)), 'ballot.malformed'],
    ['another paper', { paper: 'unofficial', marks: [head('L2')] }, 'ballot.unofficial-paper'],
    ['an identifiable ballot', { paper: 'identifiable', marks: [head('L2')] }, 'ballot.altered-or-identifiable'],
    ['an altered blank ballot', { paper: 'altered', marks: [] }, 'ballot.altered-or-identifiable'],
  ];
  for (const [what, b, rule] of cases) {
    test(`${what}: ${rule}`, () => {
      assert.deepEqual(classify(b), { kind: 'invalid', rule });
    });
  }
  test('every rule names an article', () => {
    for (const rule of Object.values(INVALID_BALLOT_RULES)) assert.match(rule.article, /^CE art\. \d+/);
  });
});

/** Any marked ballot, including marks on unknown lists and positions. */
const anyBallot: fc.Arbitrary<MarkedBallot> = fc.record({
  paper: fc.constantFrom<PaperState>('official', 'official', 'official', 'unofficial', 'altered', 'identifiable'),
  marks: fc.array(
    fc.oneof(
      fc.record({ box: fc.constant('head' as const), listId: fc.constantFrom('L2', 'L4', 'L6', 'L9') }),
      fc.record({
        box: fc.constantFrom('effective' as const, 'substitute' as const),
        listId: fc.constantFrom('L2', 'L4', 'L6', 'L9'),
        position: fc.integer({ min: 0, max: 8 }),
      }),
    ),
    { maxLength: 5 },
  ),
});

describe('properties', () => {
  test('classification is total: every ballot gets exactly one class, consistent with its marks', () => {
    fc.assert(
      fc.property(anyBallot, (b) => {
        const c = classify(b);
        assert.ok(['valid', 'blank', 'invalid'].includes(c.kind));
        if (c.kind === 'blank') assert.equal(b.marks.length, 0);
        if (c.kind === 'valid') {
          assert.ok(b.marks.every((m) => m.listId === c.listId));
          assert.equal(c.effectives.length + c.substitutes.length, b.marks.filter((m) => m.box !== 'head').length);
        }
        if (c.kind === 'invalid') assert.ok(c.rule in INVALID_BALLOT_RULES);
      }),
    );
  });
  test('the classification does not depend on the order of the marks', () => {
    fc.assert(
      fc.property(anyBallot, (b) => {
        assert.deepEqual(classify({ ...b, marks: [...b.marks].reverse() }), classify(b));
      }),
    );
  });
});

test('labels: a name without translation', () => {
  assert.deepEqual(sameLabel('MR'), { fr: 'MR', nl: 'MR', de: 'MR', en: 'MR' });
});
