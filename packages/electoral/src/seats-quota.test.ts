import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { fraction } from './fraction.ts';
import { allocateSeats } from './seats.ts';

const lists = (...votes: number[]) => votes.map((v, i) => ({ id: String.fromCharCode(65 + i), votes: v }));
const seatsOf = (r: ReturnType<typeof allocateSeats>): number[] => {
  assert.ok(r.ok, JSON.stringify(r));
  return r.value.map((l) => l.seats);
};

describe('quota-then-dhondt (Brussels Parliament, LSIB art. 20 §2)', () => {
  it('worked example: 17 seats, divisor 78,000 ÷ 17; quotas 6/4/3/2, then A and B by continued D’Hondt; E under 5 % gets none', () => {
    // Divisor 4,588.2: A 6.54, B 4.36, C 3.27, D 2.18 → 15 seats. Continued: A 30,000/7 = 4,285.7 and
    // B 20,000/5 = 4,000 beat A 30,000/8 = 3,750 = C 15,000/4 and D 10,000/3.
    const r = allocateSeats({
      seats: 17,
      lists: lists(30_000, 20_000, 15_000, 10_000, 3_000),
      method: 'quota-then-dhondt',
      threshold: fraction(5, 100),
    });
    assert.deepEqual(seatsOf(r), [7, 5, 3, 2, 0]);
  });

  it('gives exactly what D’Hondt gives, ties included: the whole quotas never exceed D’Hondt’s lower quota', () => {
    // floor(v·S/V) ≤ floor(v·S/V_eligible) ≤ D'Hondt seats, and continuing D'Hondt from below the
    // D'Hondt allocation takes the remaining largest quotients: the text's method is D'Hondt.
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 89 }),
        fc.array(fc.integer({ min: 0, max: 20_000 }), { minLength: 1, maxLength: 10 }),
        (seats, votes) => {
          const input = { seats, lists: lists(...votes), threshold: fraction(5, 100) };
          assert.deepEqual(
            allocateSeats({ ...input, method: 'quota-then-dhondt' }),
            allocateSeats({ ...input, method: 'dhondt' }),
          );
        },
      ),
      { numRuns: 500 },
    );
  });

  it('never gives more seats than there are, and gives them all', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 89 }),
        fc.array(fc.integer({ min: 0, max: 100_000 }), { minLength: 1, maxLength: 12 }),
        (seats, votes) => {
          const r = allocateSeats({
            seats,
            lists: lists(...votes),
            method: 'quota-then-dhondt',
            threshold: fraction(5, 100),
          });
          if (!r.ok) return r.error.code === 'seats.drawing-of-lots' || r.error.code === 'seats.no-eligible-list';
          return (
            r.value.reduce((sum, l) => sum + l.seats, 0) === seats && r.value.every((l) => l.eligible || l.seats === 0)
          );
        },
      ),
    );
  });
});
