/**
 * The verifier's own legal count of decrypted ballots, from the law and not from
 * @isoloir/electoral (which it may not import). Sources: Code électoral (CE), Belgian Electoral
 * Code of 12 April 1894, as summarised in docs/belgian-elections.md:
 * - art. 156 §2: a ballot is invalid when it bears a mark for a list or a candidate that is not on
 *   the ballot, or does not have the authorised form (for an electronic ballot: it does not decode
 *   to the ballot format, PROTOCOL.md §4) — rule codes "ballot.unknown-list",
 *   "ballot.unknown-candidate", "ballot.malformed" (the same codes as the PV);
 * - a ballot with no mark is blank (an explicit blank vote, or a list chosen with no box ticked);
 * - art. 156 §1 al. 2, arts. 159 and 161: a valid ballot is in category B (head box only),
 *   C (effective candidates only), D (effectives and substitutes) or E (substitutes only); a head box
 *   beside candidate votes of the same list counts as the candidate votes;
 * - art. 166: the list's electoral figure is B + C + D + E; each ticked candidate gets one
 *   preference vote.
 * An electronic ballot names one list only, so art. 156 §2 2°–4° (several lists or head boxes)
 * cannot arise [U: a future ballot format with several lists would need them].
 */
import type { Decoded } from './decode-ballot.ts';

export interface ConstituencyDef {
  readonly code: string;
  readonly seats: number;
  readonly lists: ReadonlyMap<
    number,
    { readonly name: string; readonly effectives: readonly string[]; readonly substitutes: readonly string[] }
  >;
}

export interface LegalList {
  number: number;
  B: number;
  C: number;
  D: number;
  E: number;
  total: number;
  effectives: number[];
  substitutes: number[];
}

export interface LegalCount {
  ballots: number;
  valid: number;
  blank: number;
  invalid: number;
  invalidByRule: Record<string, number>;
  lists: LegalList[];
}

/**
 * A hybrid box's paper ballot as the record publishes it (`hybrid-count`, PROTOCOL.md §8): its list
 * and marks when valid or blank, the same form as a decoded electronic ballot; when invalid, the rule
 * of art. 156 §2 the office applied (paper not of the official model, several lists or head boxes,
 * altered or recognisable: facts of the paper, which the record cannot show).
 */
export type Countable = Decoded | { readonly kind: 'ruled'; readonly rule: string };

type Verdict =
  | { readonly blank: true }
  | { readonly rule: string }
  | { readonly list: number; readonly category: 'B' | 'C' | 'D' | 'E' };

export function classify(c: ConstituencyDef, d: Countable): Verdict {
  switch (d.kind) {
    case 'ruled':
      return { rule: d.rule };
    case 'invalid':
      return { rule: 'ballot.malformed' };
    case 'blank':
      return { blank: true };
    case 'list': {
      const marks = (d.headBox ? 1 : 0) + d.effectives.length + d.substitutes.length;
      if (marks === 0) return { blank: true };
      const list = c.lists.get(d.list);
      if (list === undefined) return { rule: 'ballot.unknown-list' };
      const onList = (positions: readonly number[], names: readonly string[]): boolean =>
        positions.every((p) => p >= 1 && p <= names.length);
      if (!onList(d.effectives, list.effectives) || !onList(d.substitutes, list.substitutes))
        return { rule: 'ballot.unknown-candidate' };
      const category =
        d.effectives.length === 0 ? (d.substitutes.length === 0 ? 'B' : 'E') : d.substitutes.length === 0 ? 'C' : 'D';
      return { list: d.list, category };
    }
  }
}

export function countLegally(c: ConstituencyDef, decoded: readonly Countable[]): LegalCount {
  const out: LegalCount = { ballots: 0, valid: 0, blank: 0, invalid: 0, invalidByRule: {}, lists: [] };
  const lists = new Map<number, LegalList>();
  for (const n of [...c.lists.keys()].sort((a, b) => a - b)) {
    const l = c.lists.get(n);
    const row: LegalList = {
      number: n,
      B: 0,
      C: 0,
      D: 0,
      E: 0,
      total: 0,
      effectives: (l?.effectives ?? []).map(() => 0),
      substitutes: (l?.substitutes ?? []).map(() => 0),
    };
    lists.set(n, row);
    out.lists.push(row);
  }
  for (const d of decoded) {
    out.ballots += 1;
    const v = classify(c, d);
    if ('blank' in v) out.blank += 1;
    else if ('rule' in v) {
      out.invalid += 1;
      out.invalidByRule[v.rule] = (out.invalidByRule[v.rule] ?? 0) + 1;
    } else {
      const row = lists.get(v.list);
      if (row === undefined || d.kind !== 'list') continue;
      out.valid += 1;
      row[v.category] += 1;
      row.total += 1;
      for (const p of d.effectives) row.effectives[p - 1] = (row.effectives[p - 1] ?? 0) + 1;
      for (const p of d.substitutes) row.substitutes[p - 1] = (row.substitutes[p - 1] ?? 0) + 1;
    }
  }
  return out;
}
