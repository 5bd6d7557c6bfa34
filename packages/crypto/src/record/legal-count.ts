/**
 * The prover side's legal count of decrypted ballots, used by runElection (tests, benchmarks). The
 * server counts with @isoloir/electoral and the verifier has its own implementation; all three
 * must give the same LegalCounts. Rules: Code électoral art. 156 (validity; B/C/D/E in §1 al. 2),
 * art. 161 (counting table), art. 166 (electoral figure). A ballot that does not decode is
 * malformed; a list ballot with no mark is blank; a mark for a list or a candidate not on this
 * constituency's ballot makes it invalid.
 */
import type { DecodedBallot } from '../encoding/ballot-codec.ts';
import type { DefinitionPayload, LegalCounts } from './record-types.ts';

type ConstituencyDef = DefinitionPayload['constituencies'][number];

export function legalClass(
  c: ConstituencyDef,
  d: DecodedBallot,
):
  | { kind: 'blank' }
  | { kind: 'invalid'; rule: string }
  | { kind: 'valid'; list: number; category: 'B' | 'C' | 'D' | 'E' } {
  if (d.kind === 'invalid') return { kind: 'invalid', rule: 'ballot.malformed' };
  if (d.kind === 'blank' || (!d.headBox && d.effectives.length === 0 && d.substitutes.length === 0))
    return { kind: 'blank' };
  const list = c.lists.find((l) => l.number === d.list);
  if (list === undefined) return { kind: 'invalid', rule: 'ballot.unknown-list' };
  if (d.effectives.some((p) => p > list.effectives.length) || d.substitutes.some((p) => p > list.substitutes.length))
    return { kind: 'invalid', rule: 'ballot.unknown-candidate' };
  const e = d.effectives.length > 0;
  const s = d.substitutes.length > 0;
  return { kind: 'valid', list: d.list, category: e ? (s ? 'D' : 'C') : s ? 'E' : 'B' };
}

export function legalCount(c: ConstituencyDef, ballots: readonly DecodedBallot[]): LegalCounts {
  const lists = new Map(
    c.lists.map((l) => [
      l.number,
      {
        number: l.number,
        B: 0,
        C: 0,
        D: 0,
        E: 0,
        total: 0,
        effectives: l.effectives.map(() => 0),
        substitutes: l.substitutes.map(() => 0),
      },
    ]),
  );
  const invalidByRule: Record<string, number> = {};
  let blank = 0;
  let invalid = 0;
  let valid = 0;
  for (const d of ballots) {
    const k = legalClass(c, d);
    if (k.kind === 'blank') blank++;
    else if (k.kind === 'invalid') {
      invalid++;
      invalidByRule[k.rule] = (invalidByRule[k.rule] ?? 0) + 1;
    } else if (d.kind === 'list') {
      const l = lists.get(k.list);
      if (l === undefined) continue;
      valid++;
      l[k.category]++;
      l.total++;
      for (const p of d.effectives) l.effectives[p - 1] = (l.effectives[p - 1] ?? 0) + 1;
      for (const p of d.substitutes) l.substitutes[p - 1] = (l.substitutes[p - 1] ?? 0) + 1;
    }
  }
  return {
    ballots: ballots.length,
    valid,
    blank,
    invalid,
    invalidByRule,
    lists: [...lists.values()].sort((a, b) => a.number - b.number),
  };
}
