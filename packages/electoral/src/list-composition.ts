// The composition rules of candidate lists for the Chamber, the European Parliament and the regional
// parliaments, checked over a whole election so that a candidate on two lists is seen. Every
// violation is reported (not only the first), each with the rule it breaks:
// - `list.too-many-effectives`: more effective candidates than seats (CE art. 117, 1st para.);
// - `list.too-many-substitutes`: more substitutes than max(6, ⌈seats / 2⌉ + 1) (CE art. 117; the
//   same bound as validateConstituency);
// - `list.first-two-same-gender`: the first two effectives, or the first two substitutes, are of
//   the same gender (CE art. 117bis);
// - `list.gender-balance`: among effectives, or among substitutes, the numbers of candidates of
//   each gender differ by more than one (CE art. 117bis);
// - `list.positions`: positions are not 1…n;
// - `list.duplicate-number`: two lists of a constituency share a number;
// - `candidate.on-two-lists`: the same person (name and birth date) on two lists of one election
//   (CE art. 118).

export type ListRule =
  | 'list.too-many-effectives'
  | 'list.too-many-substitutes'
  | 'list.first-two-same-gender'
  | 'list.gender-balance'
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
  /** `effectives`, `substitutes`, `effectives[3]`. */
  readonly field: string;
}

export function maxSubstitutes(seats: number): number {
  return Math.max(6, Math.ceil(seats / 2) + 1);
}

function genderViolations(candidates: readonly ListCandidate[]): ListRule[] {
  const rules: ListRule[] = [];
  const [first, second] = candidates;
  if (first !== undefined && second !== undefined && first.gender !== 'X' && first.gender === second.gender) rules.push('list.first-two-same-gender');
  const women = candidates.filter((c) => c.gender === 'F').length;
  const men = candidates.filter((c) => c.gender === 'M').length;
  if (Math.abs(women - men) > 1) rules.push('list.gender-balance');
  return rules;
}

function personKey(c: ListCandidate): string {
  const norm = (s: string): string => s.normalize('NFKC').trim().toLowerCase().replace(/\s+/g, ' ');
  return `${norm(c.surname)}|${norm(c.givenName)}|${c.birthDate ?? ''}`;
}

/** Every rule a draft election's lists break; empty when they are lawful. */
export function checkLists(constituencies: readonly ConstituencyDraft[]): ListViolation[] {
  const violations: ListViolation[] = [];
  const seen = new Map<string, { constituency: string; list: number }>();
  for (const c of constituencies) {
    const numbers = new Set<number>();
    for (const list of c.lists) {
      const add = (rule: ListRule, field: string): void => {
        violations.push({ rule, constituency: c.code, list: list.number, field });
      };
      if (numbers.has(list.number)) add('list.duplicate-number', 'number');
      numbers.add(list.number);
      if (list.effectives.length > c.seats) add('list.too-many-effectives', 'effectives');
      if (list.substitutes.length > maxSubstitutes(c.seats)) add('list.too-many-substitutes', 'substitutes');
      for (const kind of ['effectives', 'substitutes'] as const) {
        const candidates = list[kind];
        if (!candidates.every((candidate, i) => candidate.position === i + 1)) add('list.positions', kind);
        for (const rule of genderViolations(candidates)) add(rule, kind);
        candidates.forEach((candidate, i) => {
          const key = personKey(candidate);
          const earlier = seen.get(key);
          if (earlier !== undefined && !(earlier.constituency === c.code && earlier.list === list.number)) add('candidate.on-two-lists', `${kind}[${String(i)}]`);
          else seen.set(key, { constituency: c.code, list: list.number });
        });
      }
    }
  }
  return violations;
}
