import { randomBelow } from '../group/scalar.ts';

/** Uniform random permutation of [0, n) (Fisher–Yates with rejection-sampled indices). */
export function randomPermutation(n: number): number[] {
  const p = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = randomBelow(i + 1);
    const t = p[i] ?? 0;
    p[i] = p[j] ?? 0;
    p[j] = t;
  }
  return p;
}
