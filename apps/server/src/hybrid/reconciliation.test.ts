// The reconciliation's two rules, pure: expected = accepted − cancelled, difference = encoded −
// expected; a difference blocks the approval unless explained for exactly that difference.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { reconcile, unexplained } from './reconciliation.ts';

test('expected and difference', () => {
  assert.deepEqual(reconcile(10, 2, 9), { accepted: 10, cancelled: 2, expected: 8, encoded: 9, difference: 1 });
  assert.deepEqual(reconcile(3, 0, null), { accepted: 3, cancelled: 0, expected: 3, encoded: null, difference: null });
});

test('a difference is explained only by an explanation written for that very difference', () => {
  const at = { text: 'one envelope held two ballots', author: 'the president', recordedAt: '2029-06-10T20:00:00Z' };
  assert.equal(unexplained(0, null), false);
  assert.equal(unexplained(null, null), false);
  assert.equal(unexplained(1, null), true);
  assert.equal(unexplained(1, { ...at, difference: 1 }), false);
  // The figures moved after the explanation (a polling-station list came in): explain again.
  assert.equal(unexplained(2, { ...at, difference: 1 }), true);
  fc.assert(
    fc.property(fc.integer({ min: -50, max: 50 }), fc.integer({ min: -50, max: 50 }), (d, e) => {
      assert.equal(unexplained(d, { ...at, difference: e }), d !== 0 && d !== e);
    }),
  );
});
