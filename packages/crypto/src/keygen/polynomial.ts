/** Polynomials over Z_q and Lagrange interpolation at 0. */
import { mod, modInv } from '../group/scalar.ts';

/** f(x) = Σ coefficients[k]·x^k mod q (Horner). */
export function evaluatePolynomial(coefficients: readonly bigint[], x: bigint, q: bigint): bigint {
  let acc = 0n;
  for (let k = coefficients.length - 1; k >= 0; k--) acc = mod(acc * x + (coefficients[k] ?? 0n), q);
  return acc;
}

/** λᵢ = Π_{j≠i} j / (j − i) mod q, for interpolation at 0 over the given distinct indices. */
export function lagrangeAtZero(indices: readonly number[], i: number, q: bigint): bigint {
  let num = 1n;
  let den = 1n;
  for (const j of indices) {
    if (j === i) continue;
    num = mod(num * BigInt(j), q);
    den = mod(den * BigInt(j - i), q);
  }
  return mod(num * modInv(den, q), q);
}
