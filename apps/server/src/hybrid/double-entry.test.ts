// Properties of the double data entry (./double-entry.ts): agreeing entries give the box's ballots;
// every difference is found and only the president's decisions settle it; one member cannot make both
// entries, nor finish with a count other than what they encoded.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import type { MarkedBallot } from '@isoloir/electoral';
import {
  agreedBallots,
  boxState,
  decide,
  differences,
  EMPTY_BOX,
  encode,
  finish,
  sameBallot,
  type BoxEntries,
  type EntryResult,
} from './double-entry.ts';

const mark = fc.oneof(
  fc.record({ box: fc.constant('head' as const), listId: fc.constantFrom('1', '2', '3') }),
  fc.record({
    box: fc.constantFrom('effective' as const, 'substitute' as const),
    listId: fc.constantFrom('1', '2', '3'),
    position: fc.integer({ min: 1, max: 6 }),
  }),
);
const ballot: fc.Arbitrary<MarkedBallot> = fc.record({
  paper: fc.constantFrom('official' as const, 'unofficial' as const, 'identifiable' as const),
  marks: fc.uniqueArray(mark, { maxLength: 4, selector: (m) => JSON.stringify(m) }),
});

function ok(result: EntryResult): BoxEntries {
  assert.ok(result.ok, result.ok ? '' : result.code);
  return result.box;
}

function entered(first: readonly MarkedBallot[], second: readonly MarkedBallot[]): BoxEntries {
  let box = EMPTY_BOX;
  for (const b of first) box = ok(encode(box, 'official:b1', b));
  box = ok(finish(box, 'official:b1', first.length));
  for (const b of second) box = ok(encode(box, 'official:b2', b));
  return ok(finish(box, 'official:b2', second.length));
}

describe('double data entry of a box of paper ballots', () => {
  test('two agreeing entries: done, the box’s ballots are theirs (marks in any order)', () => {
    fc.assert(
      fc.property(fc.array(ballot, { minLength: 1, maxLength: 20 }), (ballots) => {
        const reordered = ballots.map((b) => ({ ...b, marks: [...b.marks].reverse() }));
        const box = entered(ballots, reordered);
        assert.equal(boxState(box), 'done');
        assert.deepEqual(agreedBallots(box), ballots);
      }),
    );
  });

  test('every difference found; the box is done only when the president decided each, and then holds the decisions', () => {
    fc.assert(
      fc.property(
        fc.array(ballot, { minLength: 1, maxLength: 15 }),
        fc.array(fc.tuple(fc.nat(), ballot)),
        fc.array(ballot),
        (first, changes, decisions) => {
          const second = [...first];
          for (const [at, b] of changes) second[at % first.length] = b;
          const expected = first.flatMap((b, i) => (sameBallot(b, second[i] ?? b) ? [] : [i]));
          let box = entered(first, second);
          assert.deepEqual(
            differences(first, second).map((d) => d.index),
            expected,
          );
          assert.equal(boxState(box), expected.length === 0 ? 'done' : 'differences');
          const decided = new Map<number, MarkedBallot>();
          expected.forEach((index, k) => {
            assert.equal(agreedBallots(box), undefined, 'no ballots before every difference is decided');
            const choice = decisions[k] ?? first[index] ?? { paper: 'official', marks: [] };
            box = ok(decide(box, index, choice));
            decided.set(index, choice);
          });
          assert.equal(boxState(box), 'done');
          assert.deepEqual(
            agreedBallots(box),
            first.map((b, i) => decided.get(i) ?? b),
          );
        },
      ),
    );
  });

  test('a ballot too many in one entry: a difference at the end; the president says there is no ballot there', () => {
    const b: MarkedBallot = { paper: 'official', marks: [{ box: 'head', listId: '1' }] };
    let box = entered([b, b], [b, b, b]);
    assert.deepEqual(
      differences(box.first?.ballots ?? [], box.second?.ballots ?? []).map((d) => d.index),
      [2],
    );
    box = ok(decide(box, 2, null));
    assert.deepEqual(agreedBallots(box), [b, b]);
  });

  test('the attacker’s side: one member for both entries, another member’s entry, a wrong count, a decision where none is due', () => {
    const b: MarkedBallot = { paper: 'official', marks: [] };
    let box = ok(encode(EMPTY_BOX, 'official:b1', b));
    assert.deepEqual(encode(box, 'official:b2', b), { ok: false, code: 'entry.not-yours' });
    assert.deepEqual(finish(box, 'official:b1', 2), { ok: false, code: 'entry.count-mismatch' });
    box = ok(finish(box, 'official:b1', 1));
    assert.deepEqual(encode(box, 'official:b1', b), { ok: false, code: 'entry.same-member' });
    box = ok(encode(box, 'official:b2', b));
    assert.deepEqual(encode(box, 'official:b3', b), { ok: false, code: 'entry.not-yours' });
    assert.deepEqual(decide(box, 0, b), { ok: false, code: 'entry.wrong-state' });
    box = ok(finish(box, 'official:b2', 1));
    assert.equal(boxState(box), 'done');
    assert.deepEqual(encode(box, 'official:b2', b), { ok: false, code: 'entry.finished' });
    assert.deepEqual(decide(box, 0, b), { ok: false, code: 'entry.wrong-state' });
  });
});
