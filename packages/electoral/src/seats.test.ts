import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { fraction } from './fraction.ts';
import type { SeatMethod } from './model.ts';
import { allocateSeats } from './seats.ts';
import type { SeatInput } from './seats.ts';

const NONE = fraction(0);

function seatsOf(input: SeatInput): readonly number[] {
  const result = allocateSeats(input);
  assert.ok(result.ok, JSON.stringify(result));
  return result.value.map((l) => l.seats);
}

function lists(...votes: number[]): SeatInput['lists'] {
  return votes.map((v, i) => ({ id: String.fromCharCode(65 + i), votes: v }));
}

describe('known vectors (belgian-elections.md §2.2)', () => {
  test("elections.brussels: 13 seats, 480/310/940/270: Imperiali 3/1/8/1, D'Hondt 3/2/6/2", () => {
    const base = { seats: 13, lists: lists(480, 310, 940, 270), threshold: NONE };
    assert.deepEqual(seatsOf({ ...base, method: 'imperiali' }), [3, 1, 8, 1]);
    assert.deepEqual(seatsOf({ ...base, method: 'dhondt' }), [3, 2, 6, 2]);
  });
  test("hln.be: 25 seats, 400/300/200/100: D'Hondt 10/8/5/2 (hln's figure, wrong for Imperiali)", () => {
    assert.deepEqual(
      seatsOf({ seats: 25, lists: lists(400, 300, 200, 100), threshold: NONE, method: 'dhondt' }),
      [10, 8, 5, 2],
    );
  });
  test('hln.be, Imperiali: A, B, C, D tie at 100/3 for seats 23–25; the higher figure rule gives 11/8/5/1', () => {
    const input: SeatInput = { seats: 25, lists: lists(400, 300, 200, 100), threshold: NONE, method: 'imperiali' };
    const tie = allocateSeats(input);
    assert.deepEqual(tie, {
      ok: false,
      error: { code: 'seats.drawing-of-lots', tied: ['A', 'B', 'C', 'D'], seatsLeft: 3 },
    });
    assert.deepEqual(seatsOf({ ...input, tieBreak: ['higher-figure', 'lots'] }), [11, 8, 5, 1]);
    assert.deepEqual(seatsOf({ ...input, lots: ['D', 'C', 'B', 'A'] }), [10, 8, 5, 2]);
  });
  test('Liège 2024: 14 seats, 5 % threshold: MR 5, PS 3, LES ENGAGÉS 3, PTB 2, ECOLO 1, CHEZ NOUS excluded', () => {
    const votes = {
      MR: 179296,
      PS: 137443,
      ENG: 103711,
      PTB: 91188,
      NVA: 10840,
      DEFI: 13816,
      ECOLO: 49936,
      CC: 8289,
      BUB: 1502,
      BLANCO: 10656,
      CHEZNOUS: 21877,
      RMC: 3361,
    };
    const input = Object.entries(votes).map(([id, v]) => ({ id, votes: v }));
    const result = allocateSeats({
      seats: 14,
      lists: input,
      method: 'dhondt',
      threshold: fraction(5, 100),
      validVotes: 631915,
    });
    assert.ok(result.ok);
    const won = result.value.filter((l) => l.seats > 0).map((l) => [l.id, l.seats]);
    assert.deepEqual(won, [
      ['MR', 5],
      ['PS', 3],
      ['ENG', 3],
      ['PTB', 2],
      ['ECOLO', 1],
    ]);
    assert.equal(result.value.find((l) => l.id === 'CHEZNOUS')?.eligible, false);
  });
});

describe('threshold and errors', () => {
  test('exactly 5 % takes part (votes ≥ threshold × valid votes)', () => {
    const result = allocateSeats({ seats: 2, lists: lists(95, 5), method: 'dhondt', threshold: fraction(5, 100) });
    assert.ok(result.ok);
    assert.deepEqual(
      result.value.map((l) => l.eligible),
      [true, true],
    );
  });
  test('invalid input names the field', () => {
    assert.deepEqual(allocateSeats({ seats: 1.5, lists: lists(1), method: 'dhondt', threshold: NONE }), {
      ok: false,
      error: { code: 'seats.invalid-input', field: 'seats' },
    });
    const negative = allocateSeats({ seats: 1, lists: lists(3, -1), method: 'dhondt', threshold: NONE });
    assert.deepEqual(negative, { ok: false, error: { code: 'seats.invalid-input', field: 'lists[1].votes' } });
    const twice = allocateSeats({
      seats: 1,
      lists: [
        { id: 'A', votes: 1 },
        { id: 'A', votes: 2 },
      ],
      method: 'dhondt',
      threshold: NONE,
    });
    assert.deepEqual(twice, { ok: false, error: { code: 'seats.invalid-input', field: 'lists.id' } });
  });
  test('no list above the threshold', () => {
    const result = allocateSeats({ seats: 3, lists: lists(1, 1, 1), method: 'dhondt', threshold: fraction(1, 2) });
    assert.deepEqual(result, { ok: false, error: { code: 'seats.no-eligible-list' } });
  });
  test('an incomplete drawing of lots is asked again', () => {
    const result = allocateSeats({ seats: 1, lists: lists(5, 5), method: 'dhondt', threshold: NONE, lots: ['A'] });
    assert.deepEqual(result, { ok: false, error: { code: 'seats.drawing-of-lots', tied: ['A', 'B'], seatsLeft: 1 } });
  });
  test('equal quotients that all fit need no drawing of lots', () => {
    assert.deepEqual(seatsOf({ seats: 4, lists: lists(50, 50), method: 'dhondt', threshold: NONE }), [2, 2]);
  });
});

const method = fc.constantFrom<SeatMethod>('dhondt', 'imperiali');
const votes = fc.array(fc.integer({ min: 0, max: 1_000_000 }), { minLength: 1, maxLength: 12 });
const seats = fc.integer({ min: 1, max: 40 });
const threshold = fc.constantFrom(fraction(0), fraction(5, 100), fraction(1, 10));

describe('properties', () => {
  test('the seats always sum to N', () => {
    fc.assert(
      fc.property(method, votes, seats, threshold, (m, v, n, t) => {
        const result = allocateSeats({
          seats: n,
          lists: lists(...v),
          method: m,
          threshold: t,
          lots: lists(...v).map((l) => l.id),
        });
        fc.pre(result.ok);
        assert.equal(
          result.value.reduce((sum, l) => sum + l.seats, 0),
          n,
        );
      }),
    );
  });
  test("monotone in a list's votes (D'Hondt and Imperiali)", () => {
    fc.assert(
      fc.property(
        method,
        votes,
        seats,
        threshold,
        fc.nat(),
        fc.integer({ min: 1, max: 100_000 }),
        (m, v, n, t, pick, extra) => {
          const i = pick % v.length;
          const more = v.map((x, j) => (j === i ? x + extra : x));
          const before = allocateSeats({ seats: n, lists: lists(...v), method: m, threshold: t });
          const after = allocateSeats({ seats: n, lists: lists(...more), method: m, threshold: t });
          fc.pre(before.ok && after.ok);
          assert.ok((after.value[i]?.seats ?? 0) >= (before.value[i]?.seats ?? 0));
        },
      ),
    );
  });
  test('a list below the threshold never gets a seat', () => {
    fc.assert(
      fc.property(method, votes, seats, threshold, (m, v, n, t) => {
        const result = allocateSeats({
          seats: n,
          lists: lists(...v),
          method: m,
          threshold: t,
          lots: lists(...v).map((l) => l.id),
        });
        fc.pre(result.ok);
        const total = v.reduce((a, b) => a + b, 0);
        for (const list of result.value) {
          if (BigInt(list.votes) * t.den < t.num * BigInt(total)) assert.equal(list.seats, 0);
          if (!list.eligible) assert.equal(list.seats, 0);
        }
      }),
    );
  });
  test('a tie is never settled silently: without lots, either a result or the tied lists', () => {
    fc.assert(
      fc.property(
        method,
        fc.array(fc.integer({ min: 0, max: 6 }), { minLength: 2, maxLength: 5 }),
        seats,
        (m, v, n) => {
          const result = allocateSeats({ seats: n, lists: lists(...v), method: m, threshold: NONE });
          if (!result.ok && result.error.code === 'seats.drawing-of-lots') {
            assert.ok(result.error.tied.length > result.error.seatsLeft);
          }
        },
      ),
    );
  });
});
