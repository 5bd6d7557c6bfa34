/** Per-group counts of decoded ballots (the sums the verifier re-does). */
import type { BallotLayout, DecodedBallot } from '../encoding/ballot-codec.ts';

export interface ListCount {
  readonly list: number;
  readonly ballots: number;
  readonly headBox: number;
  /** effectives[p−1] = ticks for effective candidate p. */
  readonly effectives: readonly number[];
  readonly substitutes: readonly number[];
}

export interface Counts {
  readonly ballots: number;
  readonly blank: number;
  readonly invalid: number;
  readonly lists: readonly ListCount[];
}

export function countBallots(layout: BallotLayout, ballots: readonly DecodedBallot[]): Counts {
  let blank = 0;
  let invalid = 0;
  const lists = new Map<number, { ballots: number; headBox: number; effectives: number[]; substitutes: number[] }>();
  for (const b of ballots) {
    if (b.kind === 'blank') blank++;
    else if (b.kind === 'invalid') invalid++;
    else {
      let l = lists.get(b.list);
      if (l === undefined) {
        l = {
          ballots: 0,
          headBox: 0,
          effectives: new Array<number>(layout.maxEffectives).fill(0),
          substitutes: new Array<number>(layout.maxSubstitutes).fill(0),
        };
        lists.set(b.list, l);
      }
      l.ballots++;
      if (b.headBox) l.headBox++;
      for (const p of b.effectives) l.effectives[p - 1] = (l.effectives[p - 1] ?? 0) + 1;
      for (const p of b.substitutes) l.substitutes[p - 1] = (l.substitutes[p - 1] ?? 0) + 1;
    }
  }
  return {
    ballots: ballots.length,
    blank,
    invalid,
    lists: [...lists.entries()].sort(([a], [b]) => a - b).map(([list, l]) => ({ list, ...l })),
  };
}
