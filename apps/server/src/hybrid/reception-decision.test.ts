import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { kcodeAfter, receptionDecision, type EnvelopeFacts } from './reception-decision.ts';

const closesAt = new Date('2029-06-10T22:00:00Z');
const facts = fc.record({
  kcode: fc.option(
    fc.record({
      state: fc.constantFrom('issued', 'voided', 'received', 'cancelled', 'counted' as const),
      office: fc.constantFrom('liege', 'namur'),
      category: fc.constantFrom('belgium', 'abroad' as const),
    }),
    { nil: undefined },
  ),
  office: fc.constantFrom('liege', 'namur'),
  receivedAt: fc.date({
    min: new Date('2029-06-01T00:00:00Z'),
    max: new Date('2029-06-20T00:00:00Z'),
    noInvalidDate: true,
  }),
  closesAt: fc.constant(closesAt),
  votedAtPollingStation: fc.boolean(),
}) satisfies fc.Arbitrary<EnvelopeFacts>;

describe('a hybrid envelope at the main office', () => {
  test('accepted exactly when the code is live, of this office, on time and its voter did not vote at a polling station', () => {
    fc.assert(
      fc.property(facts, (f) => {
        const decision = receptionDecision(f);
        const ok =
          f.kcode !== undefined &&
          f.kcode.state === 'issued' &&
          f.kcode.office === f.office &&
          f.receivedAt < f.closesAt &&
          !f.votedAtPollingStation;
        assert.equal(decision.outcome === 'accepted', ok);
        if (decision.outcome === 'accepted') assert.equal(decision.box, f.kcode?.category);
      }),
      { numRuns: 2000 },
    );
  });

  test('a voided code is set aside as voided whatever else holds: the last kit’s envelope counts, in any scanning order', () => {
    fc.assert(
      fc.property(facts, (f) => {
        if (f.kcode === undefined) return;
        const decision = receptionDecision({ ...f, kcode: { ...f.kcode, state: 'voided' } });
        assert.deepEqual(decision, { outcome: 'set-aside', reason: 'kcode-voided' });
      }),
    );
  });

  test('a code already received, cancelled or counted: a second envelope, the first kept', () => {
    for (const state of ['received', 'cancelled', 'counted'] as const)
      assert.deepEqual(
        receptionDecision({
          kcode: { state, office: 'liege', category: 'abroad' },
          office: 'liege',
          receivedAt: new Date('2029-06-02T10:00:00Z'),
          closesAt,
          votedAtPollingStation: false,
        }),
        { outcome: 'set-aside', reason: 'second-envelope' },
      );
  });

  test('only a decision on the voter’s own live code moves it', () => {
    assert.deepEqual(kcodeAfter({ outcome: 'accepted', box: 'belgium' }), { state: 'received' });
    assert.deepEqual(kcodeAfter({ outcome: 'set-aside', reason: 'arrived-late' }), {
      state: 'cancelled',
      reason: 'arrived-late',
    });
    for (const reason of ['kcode-unknown', 'kcode-voided', 'wrong-main-office', 'second-envelope'] as const)
      assert.equal(kcodeAfter({ outcome: 'set-aside', reason }), undefined);
  });
});
