import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { designate, eligibility } from './designation.ts';
import { devolve, rankByTotal } from './devolution.ts';
import { fraction } from './fraction.ts';

const HALF = fraction(1, 2);

// MR, Liège 2024 (belgian-elections.md §2.3): 5 seats, figure 179,296, B 77,545, C 73,211, D 22,462, E 6,078.
const MR_EFFECTIVES = [64306, 13228, 18331, 11204, 7955, 6442, 9880, 10112, 7066, 7106, 7235, 4508, 8498, 11260];
const MR = {
  seats: 5,
  categories: { B: 77545, C: 73211, D: 22462, E: 6078 },
  effectives: MR_EFFECTIVES,
  substitutes: [],
  devolution: HALF,
};

describe('designation of the elected (CE art. 172–173): MR, Liège 2024', () => {
  const result = designate(MR);
  assert.ok(result.ok);
  const d = result.value;
  test('eligibility figure ⌈179,296 / 6⌉ = 29,883; pots ⌈(B + E) / 2⌉ = 41,812 and ⌈(B + C) / 2⌉ = 75,378', () => {
    assert.equal(d.eligibilityFigure, 29883);
    assert.equal(d.effectivePot, 41812);
    assert.equal(d.substitutePot, 75378);
    assert.equal(eligibility(137443, 3), 34361);
  });
  test('devolution in list order, as in the worked example', () => {
    const rows = d.effectives.slice(0, 5).map((c) => [c.votes, c.devolved, c.total, c.potLeft]);
    assert.deepEqual(rows, [
      [64306, 0, 64306, 41812],
      [13228, 16655, 29883, 25157],
      [18331, 11552, 29883, 13605],
      [11204, 13605, 24809, 0],
      [7955, 0, 7955, 0],
    ]);
  });
  test('elected: positions 1, 2, 3, 4 and 14 (Bacquelaine, on preference votes alone)', () => {
    const elected = d.effectives.flatMap((c, i) => (c.order === null ? [] : [[i + 1, c.order]]));
    assert.deepEqual(elected, [
      [1, 1],
      [2, 2],
      [3, 3],
      [4, 4],
      [14, 5],
    ]);
  });
  test('without devolution (share 0) only preference votes count', () => {
    const none = designate({ ...MR, devolution: fraction(0) });
    assert.ok(none.ok);
    assert.equal(none.value.effectivePot, 0);
    assert.deepEqual(
      none.value.effectives.flatMap((c, i) => (c.order === null ? [] : [i + 1])),
      [1, 2, 3, 4, 14],
    );
  });
});

describe('designation errors and ranking', () => {
  test('more seats than candidates (effectives and substitutes) is refused', () => {
    const result = designate({ ...MR, seats: 18, substitutes: [500, 900, 100] });
    assert.deepEqual(result, {
      ok: false,
      error: { code: 'designation.too-few-candidates', seats: 18, candidates: 17 },
    });
  });
  test('more seats than effectives: every effective is elected and the first-ranked substitutes fill the rest (act of 16 July 1993 art. 29ter last para.)', () => {
    const result = designate({ ...MR, seats: 16, substitutes: [500, 900, 100], devolution: fraction(0) });
    assert.ok(result.ok);
    assert.equal(result.value.substitutesElected, 2);
    assert.ok(result.value.effectives.every((c) => c.order !== null));
    // Substitutes ranked 900 (1st), 500 (2nd), 100 (3rd): the first two fill seats 15 and 16.
    assert.deepEqual(
      result.value.substitutes.map((c) => c.order),
      [2, 1, 3],
    );
  });
  test('invalid input names the field', () => {
    assert.deepEqual(designate({ ...MR, effectives: [1, -2] }), {
      ok: false,
      error: { code: 'designation.invalid-input', field: 'effectives[1]' },
    });
    assert.deepEqual(designate({ ...MR, devolution: fraction(3, 2) }), {
      ok: false,
      error: { code: 'designation.invalid-input', field: 'devolution' },
    });
  });
  test('equal totals go to the earlier place on the list', () => {
    assert.deepEqual(rankByTotal(devolve([5, 7, 7, 5], 100, 0), 2), [null, 1, 2, null]);
  });
  test('all substitutes are ranked', () => {
    const plain = designate({ ...MR, substitutes: [100, 9000, 300], devolution: fraction(0) });
    assert.ok(plain.ok);
    assert.deepEqual(
      plain.value.substitutes.map((c) => c.order),
      [3, 1, 2],
    );
    const halved = designate({ ...MR, substitutes: [100, 9000, 300] });
    assert.ok(halved.ok);
    assert.deepEqual(
      halved.value.substitutes.map((c) => [c.total, c.potLeft, c.order]),
      [
        [29883, 45595, 1],
        [29883, 24712, 2],
        [25012, 0, 3],
      ],
    );
  });
});

describe('properties', () => {
  const votes = fc.array(fc.nat({ max: 100_000 }), { maxLength: 40 });
  test('devolution never hands out more than its pot', () => {
    fc.assert(
      fc.property(votes, fc.nat({ max: 100_000 }), fc.nat({ max: 500_000 }), (v, figure, pot) => {
        const out = devolve(v, figure, pot);
        const handed = out.reduce((sum, c) => sum + c.devolved, 0);
        assert.ok(handed <= pot);
        assert.equal(handed, pot - (out.at(-1)?.potLeft ?? pot));
        for (const c of out) {
          assert.ok(c.potLeft >= 0 && c.devolved >= 0);
          assert.equal(c.total, c.votes + c.devolved);
          assert.ok(c.devolved === 0 || c.total <= figure);
        }
      }),
    );
  });
  test('exactly min(seats, effectives) effectives are elected, ranked 1…seats', () => {
    fc.assert(
      fc.property(votes, fc.nat({ max: 40 }), (v, seats) => {
        const ranks = rankByTotal(devolve(v, 1000, 5000), seats).filter((r) => r !== null);
        assert.deepEqual(
          [...ranks].sort((a, b) => a - b),
          Array.from({ length: Math.min(seats, v.length) }, (_, i) => i + 1),
        );
      }),
    );
  });
});
