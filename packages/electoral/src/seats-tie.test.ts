import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { fraction } from './fraction.ts';
import type { TieBreak } from './model.ts';
import { allocateSeats } from './seats.ts';
import type { ListVotes, SeatInput } from './seats.ts';
import type { Contender } from './seats-tie.ts';

// The statutory rule: act of 16 July 1993 art. 29quater (Flemish and Walloon Parliaments), the same
// steps for the Chamber and the EP (see elections/): higher figure, then the candidate at stake with
// the most votes, subsidiarily the oldest.
const STATUTORY: TieBreak = ['higher-figure', 'candidate-votes', 'candidate-age'];
const NONE = fraction(0);
const seatsById = (r: ReturnType<typeof allocateSeats>): Record<string, number> => {
  assert.ok(r.ok, JSON.stringify(r));
  return Object.fromEntries(r.value.map((l) => [l.id, l.seats]));
};
const table =
  (rows: Record<string, Contender>) =>
  (id: string): Contender | undefined =>
    rows[id];

describe('a seat due with equal right to several lists (art. 29quater)', () => {
  it('goes to the list with the higher electoral figure: A 600, B 300, C 300 for 2 seats → A’s 300 beats B and C', () => {
    const input: SeatInput = {
      seats: 2,
      lists: [
        { id: 'A', votes: 600 },
        { id: 'B', votes: 300 },
        { id: 'C', votes: 300 },
      ],
      method: 'dhondt',
      threshold: NONE,
      tieBreak: STATUTORY,
    };
    assert.deepEqual(
      seatsById(
        allocateSeats({ ...input, contender: () => assert.fail('the figure settles it: no candidate data is read') }),
      ),
      { A: 2, B: 0, C: 0 },
    );
  });

  it('equal figures: to the list whose candidate at stake has the most votes', () => {
    const input: SeatInput = {
      seats: 1,
      lists: [
        { id: 'A', votes: 300 },
        { id: 'B', votes: 300 },
      ],
      method: 'dhondt',
      threshold: NONE,
      tieBreak: STATUTORY,
      contender: table({ A: { candidateId: 'a1', votes: 120 }, B: { candidateId: 'b1', votes: 150 } }),
    };
    assert.deepEqual(seatsById(allocateSeats(input)), { A: 0, B: 1 });
  });

  it('equal votes too: to the list of the oldest candidate (born 1961-03-02 before 1961-03-03)', () => {
    const input: SeatInput = {
      seats: 1,
      lists: [
        { id: 'A', votes: 300 },
        { id: 'B', votes: 300 },
      ],
      method: 'dhondt',
      threshold: NONE,
      tieBreak: STATUTORY,
      contender: table({
        A: { candidateId: 'a1', votes: 150, birthDate: '1961-03-03' },
        B: { candidateId: 'b1', votes: 150, birthDate: '1961-03-02' },
      }),
    };
    assert.deepEqual(seatsById(allocateSeats(input)), { A: 0, B: 1 });
  });

  it('says what the statute needs when the input lacks it: the candidates’ votes, then their birth dates', () => {
    const base: SeatInput = {
      seats: 1,
      lists: [
        { id: 'B', votes: 300 },
        { id: 'A', votes: 300 },
      ],
      method: 'dhondt',
      threshold: NONE,
      tieBreak: STATUTORY,
    };
    assert.deepEqual(allocateSeats(base), {
      ok: false,
      error: { code: 'seats.tie-needs-data', tied: ['A', 'B'], seatsLeft: 1, missing: 'candidate-votes' },
    });
    const noBirth = allocateSeats({
      ...base,
      contender: table({
        A: { candidateId: 'a1', votes: 150 },
        B: { candidateId: 'b1', votes: 150, birthDate: '1970-01-01' },
      }),
    });
    assert.deepEqual(noBirth, {
      ok: false,
      error: { code: 'seats.tie-needs-data', tied: ['A', 'B'], seatsLeft: 1, missing: 'birth-date' },
    });
  });

  it('the same birth date: the statute settles no further, and no lot is drawn where the text provides none', () => {
    const same = { votes: 150, birthDate: '1970-01-01' };
    const r = allocateSeats({
      seats: 1,
      lists: [
        { id: 'A', votes: 300 },
        { id: 'B', votes: 300 },
      ],
      method: 'dhondt',
      threshold: NONE,
      tieBreak: STATUTORY,
      lots: ['A', 'B'],
      contender: table({ A: { candidateId: 'a1', ...same }, B: { candidateId: 'b1', ...same } }),
    });
    assert.deepEqual(r, { ok: false, error: { code: 'seats.tie-unresolved', tied: ['A', 'B'], seatsLeft: 1 } });
  });

  it('the contender is the candidate for the list’s next seat', () => {
    const asked: string[] = [];
    allocateSeats({
      seats: 3,
      lists: [
        { id: 'A', votes: 400 },
        { id: 'B', votes: 200 },
        { id: 'C', votes: 200 },
      ],
      method: 'dhondt',
      threshold: NONE,
      tieBreak: ['candidate-votes'],
      contender: (id, seat) => {
        asked.push(`${id}#${seat.toString()}`);
        return { candidateId: `${id}${seat.toString()}`, votes: id === 'C' ? 10 : 5 };
      },
    });
    // Seat 1: A 400. Seats 2–3: A 200, B 200, C 200 tie for 2 seats: A’s 2nd, B’s 1st, C’s 1st candidate.
    assert.deepEqual(asked.sort(), ['A#2', 'B#1', 'C#1']);
  });
});

describe('a list entitled to more seats than it has candidates', () => {
  it('keeps what it can fill; the operation goes on among the others (act of 16 July 1993 art. 29ter last para.)', () => {
    const r = allocateSeats({
      seats: 5,
      lists: [
        { id: 'A', votes: 1000, candidates: 2 },
        { id: 'B', votes: 300 },
        { id: 'C', votes: 200 },
      ],
      method: 'dhondt',
      threshold: NONE,
    });
    // D'Hondt alone: A 1000, 500, 333, 250 and B 300 → A 4, B 1. A has two candidates: B 300, C 200, B 150 follow.
    assert.deepEqual(seatsById(r), { A: 2, B: 2, C: 1 });
  });

  it('reports seats no list can take', () => {
    const r = allocateSeats({
      seats: 3,
      lists: [
        { id: 'A', votes: 10, candidates: 1 },
        { id: 'B', votes: 5, candidates: 1 },
      ],
      method: 'dhondt',
      threshold: NONE,
    });
    assert.deepEqual(r, { ok: false, error: { code: 'seats.too-few-candidates', seatsLeft: 1 } });
  });
});

// Property tests. Small vote counts and few birth dates make ties frequent.
const listsArb = fc.uniqueArray(
  fc.record({
    id: fc.constantFrom('A', 'B', 'C', 'D', 'E', 'F'),
    votes: fc.integer({ min: 0, max: 12 }),
    candidates: fc.option(fc.integer({ min: 0, max: 6 }), { nil: undefined }),
  }),
  { minLength: 1, maxLength: 6, selector: (l) => l.id },
);
const contenderArb = fc.func(
  fc.record({
    candidateId: fc.string({ maxLength: 3 }),
    votes: fc.integer({ min: 0, max: 3 }),
    birthDate: fc.option(fc.constantFrom('1960-01-01', '1970-06-15', '1980-12-31'), { nil: undefined }),
  }),
);
const stepsArb = fc.constantFrom<TieBreak>(STATUTORY, ['higher-figure', 'lots'], ['lots'], ['higher-figure']);
const methodArb = fc.constantFrom('dhondt' as const, 'imperiali' as const, 'quota-then-dhondt' as const);
const tidy = (lists: readonly { id: string; votes: number; candidates: number | undefined }[]): ListVotes[] =>
  lists.map((l) =>
    l.candidates === undefined ? { id: l.id, votes: l.votes } : { id: l.id, votes: l.votes, candidates: l.candidates },
  );

describe('properties', () => {
  it('the outcome never depends on the order of the lists (any permutation)', () => {
    const keysArb = fc.array(fc.nat({ max: 1000 }), { minLength: 6, maxLength: 6 });
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 12 }),
        listsArb,
        contenderArb,
        stepsArb,
        methodArb,
        keysArb,
        (seats, raw, f, tieBreak, method, keys) => {
          const lists = tidy(raw);
          const contender = (id: string, seat: number): Contender => f(id, seat);
          const lots = ['F', 'E', 'D', 'C', 'B', 'A'];
          const run = (ls: readonly ListVotes[]) =>
            allocateSeats({ seats, lists: ls, method, threshold: fraction(1, 10), tieBreak, contender, lots });
          const shuffled = lists
            .map((l, i) => ({ l, k: keys[i] ?? 0, i }))
            .sort((a, b) => a.k - b.k || a.i - b.i)
            .map((x) => x.l);
          const forward = run(lists);
          for (const other of [[...lists].reverse(), shuffled]) {
            const r = run(other);
            if (forward.ok && r.ok) assert.deepEqual(seatsById(forward), seatsById(r));
            else assert.deepEqual(forward, r);
          }
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('no list ever gets more seats than it has candidates', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 12 }),
        listsArb,
        contenderArb,
        stepsArb,
        methodArb,
        (seats, raw, f, tieBreak, method) => {
          const r = allocateSeats({
            seats,
            lists: tidy(raw),
            method,
            threshold: NONE,
            tieBreak,
            contender: (id, seat) => f(id, seat),
            lots: ['A', 'B', 'C', 'D', 'E', 'F'],
          });
          if (!r.ok) return;
          for (const l of r.value)
            if (l.candidates !== undefined)
              assert.ok(l.seats <= l.candidates, `${l.id}: ${l.seats.toString()} > ${l.candidates.toString()}`);
          assert.equal(
            r.value.reduce((s, l) => s + l.seats, 0),
            seats,
          );
        },
      ),
      { numRuns: 1000 },
    );
  });
});
