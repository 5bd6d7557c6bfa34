// The composition rules of candidate lists, checked over a whole election so that a candidate on two
// lists is seen, under the rules of that election (`ListRules`, elections/list-rules.ts, where every
// rule is cited: CE arts. 117/117bis for the Chamber, LEPE arts. 21–22 for the European Parliament,
// act of 16 July 1993 art. 28 for the Flemish and Walloon Parliaments, LSIB art. 16bis for Brussels,
// act of 6 July 1990 for the German-speaking Community, and the local rules of each region). Every
// violation is reported (not only the first), each with the rule it breaks:
// - `list.no-effectives`: a list without effective candidates;
// - `list.too-many-effectives`: more effective candidates than seats;
// - `list.too-few-substitutes`, `list.too-many-substitutes`: outside the election's bounds
//   (`substituteBounds`), which depend on the list's number of effectives; any substitute where the
//   election has none;
// - `list.first-two-same-gender`: the first two effectives, or the first two substitutes, are of
//   the same gender;
// - `list.gender-balance`: among effectives, or among substitutes, the numbers of candidates of
//   each gender differ by more than one;
// - `list.gender-alternation`: a candidate of the same gender as the previous one where the
//   election requires alternation (Brussels Parliament, Walloon communal councils);
// - `list.positions`: positions are not 1…n;
// - `list.duplicate-number`: two lists share a number where numbers must be unique (a constituency,
//   or the whole election for the Brussels Parliament, whose language groups share one ballot).
//   National numbers are the same in every constituency, so one number in two constituencies is
//   lawful;
// - `candidate.on-two-lists`: the same person (name and birth date) on two lists of one election
//   (CE art. 118).
// Gender `X` (neither) never breaks a gender rule: the texts know two.
import {
  CHAMBER_LIST_RULES,
  COMMON_LIST_RULES,
  substituteBounds,
  type GenderRule,
  type ListRules,
} from './elections/list-rules.ts';

export type ListRule =
  | 'list.no-effectives'
  | 'list.too-many-effectives'
  | 'list.too-few-substitutes'
  | 'list.too-many-substitutes'
  | 'list.first-two-same-gender'
  | 'list.gender-balance'
  | 'list.gender-alternation'
  | 'list.positions'
  | 'list.duplicate-number'
  | 'candidate.on-two-lists';

export interface ListCandidate {
  readonly position: number;
  readonly surname: string;
  readonly givenName: string;
  readonly gender: 'F' | 'M' | 'X';
  readonly birthDate?: string | undefined;
}

export interface ListDraft {
  readonly number: number;
  readonly label: string;
  readonly effectives: readonly ListCandidate[];
  readonly substitutes: readonly ListCandidate[];
}

export interface ConstituencyDraft {
  readonly code: string;
  readonly seats: number;
  readonly lists: readonly ListDraft[];
}

export interface ListViolation {
  readonly rule: ListRule;
  readonly constituency: string;
  readonly list: number;
  /** `effectives`, `substitutes`, `effectives[3]`, `number`. */
  readonly field: string;
}

/** The Chamber's maximum of substitutes for a list of `effectives` effective candidates (CE art. 117 al. 3). */
export function maxSubstitutes(effectives: number): number {
  return substituteBounds(CHAMBER_LIST_RULES.substitutes, effectives).max;
}

const differ = (a: ListCandidate['gender'], b: ListCandidate['gender']): boolean => a === 'X' || b === 'X' || a !== b;

function balanced(candidates: readonly ListCandidate[]): boolean {
  const women = candidates.filter((c) => c.gender === 'F').length;
  const men = candidates.filter((c) => c.gender === 'M').length;
  return Math.abs(women - men) <= 1;
}

/** The positions (0-based) at which a candidate repeats the previous one's gender where the rule forbids it. */
function alternationBreaks(candidates: readonly ListCandidate[], rule: GenderRule): number[] {
  const breaks: number[] = [];
  for (let i = 1; i < candidates.length; i++) {
    const free =
      (rule === 'alternate-third-free' && i === 2) ||
      (rule === 'alternate-last-free' && i === candidates.length - 1 && candidates.length % 2 === 1);
    const current = candidates[i];
    const previous = candidates[i - 1];
    if (!free && current !== undefined && previous !== undefined && !differ(current.gender, previous.gender))
      breaks.push(i);
  }
  return breaks;
}

function genderViolations(candidates: readonly ListCandidate[], rule: GenderRule): ListRule[] {
  if (rule === 'first-two-and-balance') {
    const rules: ListRule[] = [];
    const [first, second] = candidates;
    if (first !== undefined && second !== undefined && !differ(first.gender, second.gender))
      rules.push('list.first-two-same-gender');
    if (!balanced(candidates)) rules.push('list.gender-balance');
    return rules;
  }
  const rules: ListRule[] = alternationBreaks(candidates, rule).length > 0 ? ['list.gender-alternation'] : [];
  if (rule === 'alternate-last-free' && !balanced(candidates)) rules.push('list.gender-balance');
  return rules;
}

function personKey(c: ListCandidate): string {
  const norm = (s: string): string => s.normalize('NFKC').trim().toLowerCase().replace(/\s+/g, ' ');
  return `${norm(c.surname)}|${norm(c.givenName)}|${c.birthDate ?? ''}`;
}

/**
 * Every rule a draft election's lists break under `rules` (the election's `listRules`, or
 * `LOCAL_RULES[region].listRules`); empty when they are lawful. Without `rules`, only what every
 * election shares (`COMMON_LIST_RULES`).
 */
export function checkLists(
  constituencies: readonly ConstituencyDraft[],
  rules: ListRules = COMMON_LIST_RULES,
): ListViolation[] {
  const violations: ListViolation[] = [];
  const seen = new Map<string, { constituency: string; list: number }>();
  const electionNumbers = new Set<number>();
  for (const c of constituencies) {
    const numbers = rules.numbers.scope === 'election' ? electionNumbers : new Set<number>();
    for (const list of c.lists) {
      const add = (rule: ListRule, field: string): void => {
        violations.push({ rule, constituency: c.code, list: list.number, field });
      };
      if (numbers.has(list.number)) add('list.duplicate-number', 'number');
      numbers.add(list.number);
      if (list.effectives.length === 0) add('list.no-effectives', 'effectives');
      if (list.effectives.length > c.seats) add('list.too-many-effectives', 'effectives');
      const bounds = substituteBounds(rules.substitutes, list.effectives.length);
      if (list.substitutes.length > bounds.max) add('list.too-many-substitutes', 'substitutes');
      if (list.substitutes.length < bounds.min) add('list.too-few-substitutes', 'substitutes');
      for (const kind of ['effectives', 'substitutes'] as const) {
        const candidates = list[kind];
        if (!candidates.every((candidate, i) => candidate.position === i + 1)) add('list.positions', kind);
        for (const rule of genderViolations(candidates, rules.gender)) add(rule, kind);
        candidates.forEach((candidate, i) => {
          const key = personKey(candidate);
          const earlier = seen.get(key);
          if (earlier !== undefined && !(earlier.constituency === c.code && earlier.list === list.number))
            add('candidate.on-two-lists', `${kind}[${String(i)}]`);
          else seen.set(key, { constituency: c.code, list: list.number });
        });
      }
    }
  }
  return violations;
}
