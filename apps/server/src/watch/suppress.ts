// Counts on the operations dashboard never single out a voter: a count from 1 to `minimum` − 1 is
// shown as "fewer than the minimum" (null), with the same minimum anonymity set as the count
// (elections.anonymity_minimum, ../counting/anonymity.ts); 0 stays 0 (nothing to single out).

/** null for a count that could single someone out; the count otherwise. */
export function suppress(n: number, minimum: number): number | null {
  return n > 0 && n < minimum ? null : n;
}
