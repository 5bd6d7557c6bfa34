/**
 * A hybrid PV (`"mode": "hybrid"`, one per constituency × Belgium/abroad) against its box in the
 * record (check-hybrid.ts): Team A's reception figures from the receipt log, the count from the
 * published ballots, the reconciliation and its explanation. Its `recordHash`, when it has one, is
 * a head of the record before the box's own entries (the PV is generated before its entries are
 * appended, at its final approval). Failures name the check `pv`.
 */
import { ensure, fail } from './failure.ts';
import { firstDifference } from './check-decryption.ts';
import type { ConstituencyDef, LegalCount } from './legal-count.ts';
import type { HybridBox, State } from './state.ts';

export function pvLists(c: ConstituencyDef, legal: LegalCount): unknown[] {
  return legal.lists.map((l) => {
    const def = c.lists.get(l.number);
    return {
      number: l.number,
      name: def?.name ?? '',
      categories: { B: l.B, C: l.C, D: l.D, E: l.E },
      total: l.total,
      effectives: l.effectives.map((v, i) => ({ position: i + 1, name: def?.effectives[i] ?? '', votes: v })),
      substitutes: l.substitutes.map((v, i) => ({ position: i + 1, name: def?.substitutes[i] ?? '', votes: v })),
    };
  });
}

function expected<P>(s: State<P>, box: HybridBox, legal: LegalCount, ballots: number, explanation: string | null) {
  const c = s.constituencies.get(box.constituency);
  if (c === undefined) fail('pv', box.constituency, 'not in the election definition');
  const cancelled: Record<string, number> = { ...box.setAside };
  if (box.cancelled > 0)
    cancelled['voted-at-polling-station'] = (cancelled['voted-at-polling-station'] ?? 0) + box.cancelled;
  const exp = box.accepted - box.cancelled;
  return {
    electionId: s.electionId,
    groupId: `${box.constituency}/hybrid/${box.category}`,
    constituency: box.constituency,
    mode: 'hybrid',
    category: box.category,
    received: box.received,
    superseded: 0,
    cancelled,
    counted: ballots,
    withheld: 0,
    valid: legal.valid,
    blank: legal.blank,
    invalid: legal.invalid,
    invalidByRule: legal.invalidByRule,
    lists: pvLists(c, legal),
    reception: {
      received: box.received,
      accepted: box.accepted,
      setAside: box.setAside,
      cancelled: box.cancelled,
      unknownCodesAtOffice: box.unknownCodes,
    },
    reconciliation: { expected: exp, encoded: ballots, difference: ballots - exp, explanation },
  };
}

function comparable(pv: Record<string, unknown>): Record<string, unknown> {
  const c = pv['constituency'];
  const r = pv['reconciliation'] as Record<string, unknown> | undefined;
  const e = r?.['explanation'] as Record<string, unknown> | null | undefined;
  return {
    electionId: pv['electionId'],
    groupId: pv['groupId'],
    constituency: typeof c === 'object' && c !== null ? (c as Record<string, unknown>)['code'] : c,
    mode: pv['mode'],
    category: pv['category'],
    received: pv['received'],
    superseded: pv['superseded'],
    cancelled: pv['cancelled'],
    counted: pv['counted'],
    withheld: pv['withheld'],
    valid: pv['valid'],
    blank: pv['blank'],
    invalid: pv['invalid'],
    invalidByRule: pv['invalidByRule'],
    lists: pv['lists'],
    reception: pv['reception'],
    reconciliation: {
      expected: r?.['expected'],
      encoded: r?.['encoded'],
      difference: r?.['difference'],
      explanation: e === null || e === undefined ? null : e['text'],
    },
  };
}

/** `before`: the record heads a hybrid PV may carry (the electronic head on, before its box's entries). */
export function checkHybridPv<P>(
  s: State<P>,
  name: string,
  pv: Record<string, unknown>,
  before: readonly string[],
): void {
  const c = pv['constituency'];
  const code = typeof c === 'object' && c !== null ? String((c as Record<string, unknown>)['code']) : String(c);
  const id = `${code}/${String(pv['category'])}`;
  const box = s.hybrid.get(id);
  const count = box?.count;
  if (box === undefined || count === undefined) fail('pv', name, `the record has no hybrid box ${id}`);
  const hash = pv['recordHash'];
  ensure(
    hash === null || (typeof hash === 'string' && before.includes(hash)),
    'pv',
    name,
    `recordHash ${String(hash)} is not a head of the record before this box's entries`,
  );
  const diff = firstDifference(expected(s, box, count.legal, count.ballots, count.explanation), comparable(pv), 'pv');
  ensure(diff === undefined, 'pv', `${name} (${id})`, `differs from the record's hybrid box at ${diff ?? ''}`);
}
