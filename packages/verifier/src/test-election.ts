// Test helper: a small Belgian-style election run through @isoloir/crypto (the prover side).
import {
  runElection,
  type DefinitionPayload,
  type ElectionOptions,
  type Group,
  type PlainBallot,
  type Runner,
} from '@isoloir/crypto';

export const layout = { maxListNumber: 12, maxEffectives: 24, maxSubstitutes: 12 };

const names = (n: number, kind: string): string[] => Array.from({ length: n }, (_, i) => `${kind} ${String(i + 1)}`);
/** Ten lists of 20 effectives and 10 substitutes: some of votes() name list 11–12 or candidate 21–24 (invalid by art. 156). */
export const definition: DefinitionPayload = {
  anonymityMinimum: 10,
  constituencies: ['brussels', 'leuven'].map((code) => ({
    code,
    seats: 15,
    lists: Array.from({ length: 10 }, (_, i) => ({
      number: i + 1,
      name: `list ${String(i + 1)}`,
      effectives: names(20, 'effective'),
      substitutes: names(10, 'substitute'),
    })),
  })),
};

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
      out.push({
        kind: 'list',
        list: 1 + next(12),
        headBox: next(3) === 0,
        effectives: next(2) === 0 ? effectives : [],
        substitutes: next(4) === 0 ? [1 + next(12)] : [],
      });
    }
  }
  return out;
}

/** votes(20, 1) with voter 0 naming list 11 and voter 1 effective 22: invalid by art. 156 (not on this ballot). */
export function brusselsVotes(): PlainBallot[] {
  const out = votes(20, 1);
  out[0] = { kind: 'list', list: 11, headBox: true, effectives: [], substitutes: [] };
  out[1] = { kind: 'list', list: 2, headBox: false, effectives: [3, 22], substitutes: [] };
  return out;
}

export function options(overrides: Partial<ElectionOptions> = {}): ElectionOptions {
  return {
    electionId: 'BE-2029-chamber',
    threshold: 2,
    trustees: 3,
    layout,
    groups: [
      { groupId: 'brussels/online/belgium', ballots: brusselsVotes(), revoters: [3, 9], atStation: [5, 9] },
      { groupId: 'leuven/online/abroad', ballots: votes(8, 2) },
      { groupId: 'leuven/online/belgium', ballots: votes(3, 3), mergedInto: 'leuven/online/abroad' },
      { groupId: 'leuven/kiosk/belgium', ballots: [] },
    ],
    definition,
    mixNodes: 2,
    decryptingTrustees: [1, 3],
    boardEvery: 8,
    ...overrides,
  };
}

export async function election(group: Group<unknown>, runner: Runner, overrides: Partial<ElectionOptions> = {}) {
  return runElection(group, runner, options(overrides));
}
