import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { NumberSet } from './number-set.ts';

describe('NumberSet', () => {
  it('behaves as a Set of positive integers up to 11 digits', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 99_999_999_999 }), { maxLength: 300 }), (numbers) => {
        const set = new NumberSet(2, 12);
        const reference = new Set<number>();
        for (const n of numbers) {
          assert.equal(set.add(n), !reference.has(n));
          reference.add(n);
        }
        assert.equal(set.size, reference.size);
      }),
    );
  });

  it('says when it may not grow any more', () => {
    const set = new NumberSet(2, 3);
    const answers = [1, 2, 3, 4, 5, 6, 7].map((n) => set.add(n));
    assert.deepEqual(answers.slice(0, 5), [true, true, true, true, true]);
    assert.equal(answers.at(-1), 'full');
  });
});
