import { err, ok } from './result.ts';
import type { Result } from './result.ts';

/** An exact non-negative rational number, always in lowest terms, denominator > 0. */
export interface Fraction {
  readonly num: bigint;
  readonly den: bigint;
}

function gcd(a: bigint, b: bigint): bigint {
  let x = a < 0n ? -a : a;
  let y = b;
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
}

/** `num / den`; the denominator must be positive (a zero denominator is a bug). */
export function fraction(num: bigint | number, den: bigint | number = 1n): Fraction {
  const n = BigInt(num);
  const d = BigInt(den);
  if (d <= 0n) throw new RangeError('fraction: denominator must be positive');
  const g = gcd(n, d);
  return g === 0n ? { num: 0n, den: 1n } : { num: n / g, den: d / g };
}

/** -1, 0 or 1 as a < b, a = b, a > b (cross-multiplication, no division). */
export function compare(a: Fraction, b: Fraction): -1 | 0 | 1 {
  const l = a.num * b.den;
  const r = b.num * a.den;
  return l < r ? -1 : l > r ? 1 : 0;
}

export function multiply(a: Fraction, b: Fraction): Fraction {
  return fraction(a.num * b.num, a.den * b.den);
}

/** The smallest integer ≥ the fraction (for non-negative fractions). */
export function ceil(a: Fraction): bigint {
  return (a.num + a.den - 1n) / a.den;
}

/** ⌈n × share⌉ for a count n: the size of a devolution pot. */
export function ceilShare(n: number, share: Fraction): number {
  return Number(ceil(multiply(fraction(n), share)));
}

export type FractionParseError = 'fraction.syntax' | 'fraction.zero-denominator';

/** Parses `3`, `0.5`, `4.967` or `1/2` exactly (no floating point involved). */
export function parseFraction(text: string): Result<Fraction, FractionParseError> {
  const ratio = /^(\d+)\/(\d+)$/.exec(text);
  if (ratio !== null) {
    const den = BigInt(ratio[2] ?? '');
    return den === 0n ? err('fraction.zero-denominator') : ok(fraction(BigInt(ratio[1] ?? ''), den));
  }
  const decimal = /^(\d+)(?:\.(\d+))?$/.exec(text);
  if (decimal === null) return err('fraction.syntax');
  const decimals = decimal[2] ?? '';
  return ok(fraction(BigInt((decimal[1] ?? '') + decimals), 10n ** BigInt(decimals.length)));
}

export function formatFraction(a: Fraction): string {
  return a.den === 1n ? a.num.toString() : `${a.num.toString()}/${a.den.toString()}`;
}
