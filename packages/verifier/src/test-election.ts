// Test helper: a small Belgian-style election run through @isoloir/crypto (the prover side).
import { runElection, type ElectionOptions, type Group, type PlainBallot, type Runner } from '@isoloir/crypto';

export const layout = { maxListNumber: 12, maxEffectives: 24, maxSubstitutes: 12 };

export function votes(n: number, seed: number): PlainBallot[] {
  const out: PlainBallot[] = [];
  let x = seed;
  const next = (m: number): number => {
    x = (x * 1103515245 + 12345) % 2147483648;
    return x % m;
  };
  for (let i = 0; i < n; i++) {
    if (next(10) === 0) out.push({ kind: 'blank' });
    else {
      const effectives = [...new Set([1 + next(24), 1 + next(24)])].sort((a, b) => a - b);
      out.push({ kind: 'list', list: 1 + next(12), headBox: next(3) === 0, effectives: next(2) === 0 ? effectives : [], substitutes: next(4) === 0 ? [1 + next(12)] : [] });
    }
  }
  return out;
}

export function options(overrides: Partial<ElectionOptions> = {}): ElectionOptions {
  return {
    electionId: 'BE-2029-chamber',
    threshold: 2,
    trustees: 3,
    layout,
    groups: [
      { groupId: 'brussels/online/be', ballots: votes(20, 1), revoters: [3] },
      { groupId: 'leuven/online/abroad', ballots: votes(8, 2) },
    ],
    mixNodes: 2,
    decryptingTrustees: [1, 3],
    ...overrides,
  };
}

export async function election(group: Group<unknown>, runner: Runner, overrides: Partial<ElectionOptions> = {}) {
  return runElection(group, runner, options(overrides));
}
