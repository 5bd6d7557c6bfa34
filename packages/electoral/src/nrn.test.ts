import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { formatNrn, parseNrn } from './nrn.ts';
import { makeNrn, testNrns } from './nrn-generate.ts';
import { unwrap } from './result.ts';

const TODAY = { currentYear: 2025 };

describe('known vectors (belgian-elections.md §6, python-stdnum)', () => {
  test('90.02.01-997-04: 1990, male (900201997 mod 97 = 93)', () => {
    const n = unwrap(parseNrn('90.02.01-997-04', TODAY));
    assert.deepEqual(n, {
      digits: '90020199704',
      kind: 'national',
      century: 1900,
      birth: { year: 1990, month: 2, day: 1 },
      sex: 'male',
      sequence: 997,
    });
  });
  test('03.01.25-224-95: born 2003 (2030125224 mod 97 = 2), female', () => {
    const n = unwrap(parseNrn('03.01.25-224-95', TODAY));
    assert.equal(n.century, 2000);
    assert.deepEqual(n.birth, { year: 2003, month: 1, day: 25 });
    assert.equal(n.sex, 'female');
  });
  test('85073003328 and 17073003384 (the 2000 rule)', () => {
    assert.deepEqual(unwrap(parseNrn('85073003328', TODAY)).birth, { year: 1985, month: 7, day: 30 });
    assert.deepEqual(unwrap(parseNrn('17 07 30 033 84', TODAY)).birth, { year: 2017, month: 7, day: 30 });
  });
  test('the 2000 rule only up to the current year', () => {
    assert.deepEqual(parseNrn('17073003384', { currentYear: 2016 }), { ok: false, error: 'nrn.checksum' });
  });
  test('BIS numbers: month + 40 (sex known) and + 20 (sex unknown)', () => {
    const bis = unwrap(parseNrn('98.47.28-997.65', TODAY));
    assert.deepEqual([bis.kind, bis.birth, bis.sex], ['bis', { year: 1998, month: 7, day: 28 }, 'male']);
    const bis2000 = unwrap(parseNrn('01490700185', TODAY));
    assert.deepEqual([bis2000.kind, bis2000.birth, bis2000.sex], ['bis', { year: 2001, month: 9, day: 7 }, 'male']);
    const unknownSex = unwrap(
      parseNrn(unwrap(makeNrn({ year: 1975, month: 3, day: 9, sequence: 12, bis: 'sex-unknown' })), TODAY),
    );
    assert.deepEqual([unknownSex.kind, unknownSex.birth.month, unknownSex.sex], ['bis', 3, null]);
  });
  test('formatting: YY.MM.DD-SSS.CC', () => {
    assert.deepEqual(formatNrn('85073003328'), { ok: true, value: '85.07.30-033.28' });
    assert.deepEqual(formatNrn('8507300332'), { ok: false, error: 'nrn.format' });
  });
});

describe('edge cases', () => {
  test('unknown parts: month 00, day 00, fictitious date 00.00.01', () => {
    const month0 = unwrap(parseNrn(unwrap(makeNrn({ year: 1950, month: 0, day: 0, sequence: 5 })), TODAY));
    assert.deepEqual(month0.birth, { year: 1950, month: null, day: null });
    const day0 = unwrap(parseNrn(unwrap(makeNrn({ year: 1950, month: 6, day: 0, sequence: 5 })), TODAY));
    assert.deepEqual(day0.birth, { year: 1950, month: 6, day: null });
    const fictitious = unwrap(parseNrn(unwrap(makeNrn({ year: 1900, month: 0, day: 1, sequence: 5 })), TODAY));
    assert.deepEqual(fictitious.birth, { year: null, month: null, day: null });
  });
  test('a check value of 97 (N mod 97 = 0)', () => {
    const found = [...Array(998).keys()]
      .map((s) => unwrap(makeNrn({ year: 1960, month: 5, day: 5, sequence: s + 1 })))
      .find((d) => d.endsWith('97'));
    assert.ok(found !== undefined);
    assert.ok(parseNrn(found, TODAY).ok);
  });
  test('errors', () => {
    assert.deepEqual(parseNrn('85073003329', TODAY), { ok: false, error: 'nrn.checksum' });
    assert.deepEqual(parseNrn('8507300332a', TODAY), { ok: false, error: 'nrn.format' });
    const digits = (nine: string): string => nine + String(97 - (Number(nine) % 97)).padStart(2, '0');
    assert.deepEqual(parseNrn(digits('851330033'), TODAY), { ok: false, error: 'nrn.month' });
    assert.deepEqual(parseNrn(digits('850230033'), TODAY), { ok: false, error: 'nrn.day' });
    assert.deepEqual(parseNrn(digits('850228000'), TODAY), { ok: false, error: 'nrn.sequence' });
    assert.ok(parseNrn(digits('840229033'), TODAY).ok, '29 February in a leap year');
    assert.deepEqual(makeNrn({ year: 1985, month: 2, day: 30, sequence: 1 }), { ok: false, error: 'nrn.day' });
    assert.deepEqual(makeNrn({ year: 1985, month: 2, day: 3, sequence: 999 }), { ok: false, error: 'nrn.sequence' });
  });
});

describe('generator and properties', () => {
  test('testNrns yields valid numbers, reproducibly', () => {
    const take = (seed: number): string[] => {
      const out: string[] = [];
      for (const n of testNrns(seed)) if (out.push(n) >= 50) break;
      return out;
    };
    assert.deepEqual(take(7), take(7));
    for (const n of take(7)) assert.ok(parseNrn(n, TODAY).ok, n);
  });
  test('makeNrn → parseNrn round-trips birth date, sex and kind, in both centuries', () => {
    const spec = fc
      .record({
        year: fc.integer({ min: 1900, max: 2025 }),
        month: fc.integer({ min: 1, max: 12 }),
        day: fc.integer({ min: 1, max: 28 }),
        sequence: fc.integer({ min: 1, max: 998 }),
        bis: fc.constantFrom(undefined, 'sex-unknown' as const, 'sex-known' as const),
      })
      .filter((s) => !(s.year === 1900 && s.month === 0));
    fc.assert(
      fc.property(spec, (s) => {
        const n = unwrap(parseNrn(unwrap(makeNrn(s)), TODAY));
        assert.deepEqual(n.birth, { year: s.year, month: s.month, day: s.day });
        assert.equal(n.kind, s.bis === undefined ? 'national' : 'bis');
        assert.equal(n.sex, s.bis === 'sex-unknown' ? null : s.sequence % 2 === 1 ? 'male' : 'female');
      }),
    );
  });
  test('changing one digit of a valid number is always detected', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2 ** 31 }),
        fc.nat({ max: 10 }),
        fc.integer({ min: 1, max: 9 }),
        (seed, at, delta) => {
          const first = testNrns(seed).next().value;
          const digit = (Number(first[at]) + delta) % 10;
          const changed = first.slice(0, at) + String(digit) + first.slice(at + 1);
          const parsed = parseNrn(changed, TODAY);
          assert.ok(!parsed.ok || parsed.value.century !== unwrap(parseNrn(first, TODAY)).century);
        },
      ),
    );
  });
});
