import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { ceil, ceilShare, compare, formatFraction, fraction, parseFraction } from './fraction.ts';

describe('Fraction: exact arithmetic', () => {
  test('lowest terms and comparison by cross-multiplication', () => {
    assert.deepEqual(fraction(10, 4), { num: 5n, den: 2n });
    assert.equal(compare(fraction(100, 3), fraction(200, 6)), 0);
    assert.equal(compare(fraction(1, 3), fraction(333_333_333_333, 1_000_000_000_000)), 1);
    assert.throws(() => fraction(1, 0));
  });
  test('ceil and devolution pots: ⌈(77,545 + 6,078) / 2⌉ = 41,812', () => {
    assert.equal(ceil(fraction(179296, 6)), 29883n);
    assert.equal(ceilShare(77545 + 6078, fraction(1, 2)), 41812);
    assert.equal(ceilShare(9, fraction(0)), 0);
    assert.equal(ceilShare(9, fraction(1, 3)), 3);
  });
  test('parsing without floating point', () => {
    assert.deepEqual(parseFraction('4.967'), { ok: true, value: fraction(4967, 1000) });
    assert.deepEqual(parseFraction('1/2'), { ok: true, value: fraction(1, 2) });
    assert.deepEqual(parseFraction('5'), { ok: true, value: fraction(5) });
    assert.deepEqual(parseFraction('1/0'), { ok: false, error: 'fraction.zero-denominator' });
    assert.deepEqual(parseFraction('-1'), { ok: false, error: 'fraction.syntax' });
    assert.equal(formatFraction(fraction(2, 4)), '1/2');
    assert.equal(formatFraction(fraction(3)), '3');
  });
  test('compare is a total order consistent with equality', () => {
    const f = fc
      .tuple(fc.bigInt({ min: 0n, max: 10n ** 20n }), fc.bigInt({ min: 1n, max: 10n ** 20n }))
      .map(([n, d]) => fraction(n, d));
    fc.assert(
      fc.property(f, f, (a, b) => {
        assert.equal(compare(a, b), -compare(b, a) || 0);
        assert.equal(compare(a, b) === 0, a.num === b.num && a.den === b.den);
      }),
    );
  });
});
