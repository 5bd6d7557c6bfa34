import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import {
  formatKcode,
  kcodeCheckSymbol,
  kcodeFromBytes,
  KCODE_ALPHABET,
  KCODE_LENGTH,
  KCODE_RANDOM_BYTES,
  parseKcode,
} from './kcode.ts';

const bytes = fc.uint8Array({ minLength: KCODE_RANDOM_BYTES, maxLength: KCODE_RANDOM_BYTES });
const code = bytes.map(kcodeFromBytes);
const position = fc.nat({ max: KCODE_LENGTH - 1 });
const symbol = fc.nat({ max: KCODE_ALPHABET.length - 1 }).map((i) => KCODE_ALPHABET[i] ?? '0');

describe('K-code', () => {
  test('18 symbols of the alphabet, at least 80 random bits, printed in three groups of six', () => {
    const c = kcodeFromBytes(new Uint8Array(11).fill(0xff));
    assert.equal(c.length, 18);
    assert.equal(formatKcode(c), `${c.slice(0, 6)}-${c.slice(6, 12)}-${c.slice(12)}`);
    assert.ok(17 * Math.log2(KCODE_ALPHABET.length) >= 80);
    assert.equal(new Set(KCODE_ALPHABET).size, 32);
    assert.doesNotMatch(KCODE_ALPHABET, /[ILOU]/);
    assert.throws(() => kcodeFromBytes(new Uint8Array(10)), RangeError);
  });

  test('every code reads back, typed in any case, with or without dashes and spaces; O and I/L are 0 and 1', () => {
    fc.assert(
      fc.property(code, (c) => {
        assert.deepEqual(parseKcode(c), { ok: true, value: c });
        assert.deepEqual(parseKcode(` ${formatKcode(c).toLowerCase()} `), { ok: true, value: c });
        assert.deepEqual(parseKcode(c.replaceAll('0', 'O').replaceAll('1', 'l')), { ok: true, value: c });
      }),
    );
  });

  test('the check symbol catches every single-symbol error, at every position, with every other symbol', () => {
    fc.assert(
      fc.property(code, position, symbol, (c, at, wrong) => {
        fc.pre(c[at] !== wrong);
        const typo = c.slice(0, at) + wrong + c.slice(at + 1);
        assert.deepEqual(parseKcode(typo), { ok: false, error: 'kcode.check' });
      }),
      { numRuns: 5000 },
    );
    // And exhaustively for one code: 18 positions × 31 other symbols.
    const c = kcodeFromBytes(new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]));
    for (let at = 0; at < KCODE_LENGTH; at += 1)
      for (const wrong of KCODE_ALPHABET)
        if (wrong !== c[at]) assert.equal(parseKcode(c.slice(0, at) + wrong + c.slice(at + 1)).ok, false);
  });

  test('the check symbol catches every swap of two adjacent different symbols, and of any two', () => {
    const swapped = (c: string, i: number, j: number): string => {
      const s = Array.from(c);
      [s[i], s[j]] = [s[j] ?? '', s[i] ?? ''];
      return s.join('');
    };
    fc.assert(
      fc.property(code, fc.nat({ max: KCODE_LENGTH - 2 }), (c, at) => {
        fc.pre(c[at] !== c[at + 1]);
        assert.deepEqual(parseKcode(swapped(c, at, at + 1)), { ok: false, error: 'kcode.check' });
      }),
      { numRuns: 5000 },
    );
    fc.assert(
      fc.property(code, position, position, (c, i, j) => {
        fc.pre(c[i] !== c[j]);
        assert.deepEqual(parseKcode(swapped(c, i, j)), { ok: false, error: 'kcode.check' });
      }),
      { numRuns: 2000 },
    );
  });

  test('a guessed code: random symbols are refused by the check symbol 31 times in 32', () => {
    let accepted = 0;
    fc.assert(
      fc.property(fc.array(symbol, { minLength: KCODE_LENGTH, maxLength: KCODE_LENGTH }), (s) => {
        const text = s.join('');
        if (parseKcode(text).ok) accepted += 1;
        assert.equal(parseKcode(text).ok, kcodeCheckSymbol(text.slice(0, 17)) === text[17]);
      }),
      { numRuns: 3200 },
    );
    assert.ok(accepted < 300, `accepted ${String(accepted)} of 3200`);
  });

  test('wrong length and characters outside the alphabet are named', () => {
    assert.deepEqual(parseKcode('ABC'), { ok: false, error: 'kcode.length' });
    assert.deepEqual(parseKcode('U'.repeat(18)), { ok: false, error: 'kcode.character' });
    assert.deepEqual(parseKcode('ÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉ'), { ok: false, error: 'kcode.character' });
  });

  test('no two codes collide in 1 million draws', () => {
    const seen = new Set<string>();
    const buffer = new Uint8Array(KCODE_RANDOM_BYTES * 1000);
    for (let round = 0; round < 1000; round += 1) {
      crypto.getRandomValues(buffer);
      for (let i = 0; i < 1000; i += 1) {
        const c = kcodeFromBytes(buffer.subarray(i * KCODE_RANDOM_BYTES, (i + 1) * KCODE_RANDOM_BYTES));
        assert.ok(!seen.has(c), `collision at draw ${String(seen.size)}`);
        seen.add(c);
      }
    }
    assert.equal(seen.size, 1_000_000);
  });
});
