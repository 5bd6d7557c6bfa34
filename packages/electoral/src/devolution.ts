/** What one candidate gets from the devolution of head-box ballots. */
export interface Devolved {
  /** Preference votes. */
  readonly votes: number;
  /** Ballots devolved to the candidate (the official `I_` field). */
  readonly devolved: number;
  /** votes + devolved (`II_`). */
  readonly total: number;
  /** What is left in the pot after this candidate (`III_`). */
  readonly potLeft: number;
}

/**
 * Devolution in list order (CE art. 172 al. 2, art. 173): a candidate who already has the eligibility
 * figure gets nothing and passes on no surplus; any other candidate gets what they lack to reach it,
 * as long as the pot lasts.
 */
export function devolve(votes: readonly number[], eligibilityFigure: number, pot: number): readonly Devolved[] {
  let left = pot;
  return votes.map((v) => {
    const devolved = v >= eligibilityFigure ? 0 : Math.min(eligibilityFigure - v, left);
    left -= devolved;
    return { votes: v, devolved, total: v + devolved, potLeft: left };
  });
}

/**
 * Ranks candidates by total after devolution, the higher first, ties going to the earlier place on
 * the list (art. 172 al. 2). Returns the rank (from 1) of each candidate, or null past `places`.
 */
export function rankByTotal(candidates: readonly Devolved[], places: number): readonly (number | null)[] {
  const order = candidates.map((c, i) => ({ total: c.total, i })).sort((a, b) => b.total - a.total || a.i - b.i);
  const ranks: (number | null)[] = candidates.map(() => null);
  order.slice(0, places).forEach(({ i }, rank) => {
    ranks[i] = rank + 1;
  });
  return ranks;
}
