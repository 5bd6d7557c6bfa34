import { isRecord } from './official-format.ts';

/** The fields computed by `computeOfficialResults`, per list and per candidate. */
export const COMPUTED_LIST_FIELDS = ['A_SeatsForList', 'G_ElectionNumber'] as const;
export const COMPUTED_CANDIDATE_FIELDS = [
  'I_BallotsAllotedForEligibility',
  'II_VotesObtainedAfterDevolution',
  'III_BallotsRemaingForDistribution',
  'IV_CandidateOrder',
] as const;

/**
 * Compares the computed fields of two result files (published and recomputed), list by list and
 * candidate by candidate in file order. Returns one line per difference; empty when they agree exactly.
 */
export function compareOfficialResults(published: unknown, computed: unknown): readonly string[] {
  const expected = listsOf(published);
  const actual = listsOf(computed);
  if (expected.length !== actual.length)
    return [`ElectionLists: ${actual.length.toString()} lists, expected ${expected.length.toString()}`];
  return expected.flatMap((list, i) => compareList(list, actual[i], `ElectionLists[${i.toString()}]`));
}

function compareList(expected: unknown, actual: unknown, path: string): readonly string[] {
  const diffs = compareFields(expected, actual, COMPUTED_LIST_FIELDS, path);
  const e = candidatesOf(expected);
  const a = candidatesOf(actual);
  if (e.length !== a.length)
    return [...diffs, `${path}.Candidates: ${a.length.toString()} candidates, expected ${e.length.toString()}`];
  return [
    ...diffs,
    ...e.flatMap((c, j) => compareFields(c, a[j], COMPUTED_CANDIDATE_FIELDS, `${path}.Candidates[${j.toString()}]`)),
  ];
}

function compareFields(expected: unknown, actual: unknown, fields: readonly string[], path: string): readonly string[] {
  const e = isRecord(expected) ? expected : {};
  const a = isRecord(actual) ? actual : {};
  return fields.filter((f) => e[f] !== a[f]).map((f) => `${path}.${f}: ${show(a[f])}, expected ${show(e[f])}`);
}

function show(value: unknown): string {
  return value === undefined ? 'missing' : JSON.stringify(value);
}

function listsOf(json: unknown): readonly unknown[] {
  const lists = isRecord(json) ? json['ElectionLists'] : undefined;
  return Array.isArray(lists) ? lists : [];
}

function candidatesOf(list: unknown): readonly unknown[] {
  const candidates = isRecord(list) ? list['Candidates'] : undefined;
  return Array.isArray(candidates) ? candidates : [];
}
