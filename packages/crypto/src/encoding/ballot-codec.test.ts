import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { ballotWidth, decodeBallot, encodeBallot, type BallotLayout, type PlainBallot } from './ballot-codec.ts';
import { embed, extract } from './embed.ts';
import { createSecp256k1Noble } from '../group/secp256k1-noble.ts';
import { createRistretto255Noble } from '../group/ristretto255-noble.ts';
import type { Group } from '../group/group.ts';

const layout: BallotLayout = { maxListNumber: 30, maxEffectives: 24, maxSubstitutes: 14 };

function positions(max: number): fc.Arbitrary<number[]> {
  return fc.uniqueArray(fc.integer({ min: 1, max }), { maxLength: max }).map((a) => a.sort((x, y) => x - y));
}

const ballotArb: fc.Arbitrary<PlainBallot> = fc.oneof(
  fc.constant({ kind: 'blank' } as const),
  fc.record({
    kind: fc.constant('list' as const),
    list: fc.integer({ min: 1, max: layout.maxListNumber }),
    headBox: fc.boolean(),
    effectives: positions(layout.maxEffectives),
    substitutes: positions(layout.maxSubstitutes),
  }),
);

describe('ballot codec', () => {
  test('every ballot of an election has the same width; a chamber-size ballot fits in one element', () => {
    assert.equal(ballotWidth(layout), 1);
    assert.equal(ballotWidth({ maxListNumber: 40, maxEffectives: 100, maxSubstitutes: 100 }), 2);
  });

  test('encode then decode is the identity', () => {
    fc.assert(
      fc.property(ballotArb, (b) => {
        assert.deepEqual(decodeBallot(layout, encodeBallot(layout, b)), { ...b });
      }),
    );
  });

  test('decoding arbitrary bytes never throws', () => {
    fc.assert(
      fc.property(
        fc.array(fc.option(fc.uint8Array({ minLength: 0, maxLength: 30 }), { nil: undefined }), { maxLength: 3 }),
        (chunks) => {
          const d = decodeBallot(layout, chunks);
          assert.ok(['blank', 'list', 'invalid'].includes(d.kind));
        },
      ),
    );
    const marked = encodeBallot(layout, { kind: 'blank' });
    (marked[0] ?? new Uint8Array(0))[6] = 1;
    assert.deepEqual(decodeBallot(layout, marked), { kind: 'invalid', reason: 'blank-with-marks' });
  });

  for (const group of [createSecp256k1Noble(), createRistretto255Noble()] as Group<unknown>[]) {
    test(`embedding round-trips on ${group.name}; non-embeddings extract to undefined`, () => {
      fc.assert(
        fc.property(fc.uint8Array({ minLength: 28, maxLength: 28 }), (data) => {
          assert.deepEqual(extract(group, embed(group, data)), data);
        }),
        { numRuns: 20 },
      );
      assert.equal(extract(group, group.generator), undefined);
    });
  }
});
