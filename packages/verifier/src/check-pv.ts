/**
 * `isoloir verify RECORD --pv DIR`: each procès-verbal (format isoloir-pv/1, one per segment
 * constituency × mode × abroad/Belgium) must carry exactly the figures the verifier derived itself
 * from the record — registered voters from the roll, ballots received, superseded and cancelled by
 * reason from the ballot and cancellation entries, the legal count (valid, blank, invalid by rule,
 * B/C/D/E, list totals, preference votes, names) from the decrypted ballots — and the record's head.
 * Every counted group with ballots must have its PV. Failures name the check `pv`.
 */
import { ensure, fail } from './failure.ts';
import { firstDifference } from './check-decryption.ts';
import type { State } from './state.ts';

export interface PvFile {
  readonly name: string;
  readonly content: unknown;
}

function expectedPv<P>(s: State<P>, head: string, segmentId: string): Record<string, unknown> {
  const seg = s.segments.get(segmentId);
  if (seg === undefined) fail('pv', segmentId, 'not a roll segment of this record');
  const ids = s.castOrder.get(segmentId) ?? [];
  const cancelled: Record<string, number> = {};
  let superseded = 0;
  for (const id of ids) {
    const reason = s.cancelled.get(id);
    if (reason === 'superseded') superseded += 1;
    else if (reason !== undefined) cancelled[reason] = (cancelled[reason] ?? 0) + 1;
  }
  const group = s.groupOf.get(segmentId) ?? segmentId;
  const merged = group !== segmentId;
  const legal = s.legal.get(group);
  const c = s.constituencies.get(seg.constituency);
  if (legal === undefined || c === undefined) fail('pv', segmentId, 'the group has no verified count');
  const zero = merged;
  return {
    electionId: s.electionId,
    groupId: segmentId,
    constituency: seg.constituency,
    mode: seg.mode,
    category: seg.category,
    recordHash: head,
    registeredVoters: seg.voters,
    received: ids.length,
    superseded,
    cancelled,
    counted: ids.length - superseded - Object.values(cancelled).reduce((a, n) => a + n, 0),
    mergedInto: merged ? group : null,
    mergedFrom: merged ? [] : (s.members.get(group) ?? []).filter((m) => m !== group).sort(),
    valid: zero ? 0 : legal.valid,
    blank: zero ? 0 : legal.blank,
    invalid: zero ? 0 : legal.invalid,
    invalidByRule: zero ? {} : legal.invalidByRule,
    lists: legal.lists.map((l) => {
      const def = c.lists.get(l.number);
      const k = (n: number): number => (zero ? 0 : n);
      return {
        number: l.number,
        name: def?.name ?? '',
        categories: { B: k(l.B), C: k(l.C), D: k(l.D), E: k(l.E) },
        total: k(l.total),
        effectives: l.effectives.map((v, i) => ({ position: i + 1, name: def?.effectives[i] ?? '', votes: k(v) })),
        substitutes: l.substitutes.map((v, i) => ({ position: i + 1, name: def?.substitutes[i] ?? '', votes: k(v) })),
      };
    }),
  };
}

/** The PV fields compared with the record (labels, languages and generation time are presentation). */
function comparable(pv: Record<string, unknown>): Record<string, unknown> {
  const c = pv['constituency'];
  return {
    electionId: pv['electionId'],
    groupId: pv['groupId'],
    constituency: typeof c === 'object' && c !== null ? (c as Record<string, unknown>)['code'] : c,
    mode: pv['mode'],
    category: pv['category'],
    recordHash: pv['recordHash'],
    registeredVoters: pv['registeredVoters'],
    received: pv['received'],
    superseded: pv['superseded'],
    cancelled: pv['cancelled'],
    counted: pv['counted'],
    mergedInto: pv['mergedInto'],
    mergedFrom: Array.isArray(pv['mergedFrom']) ? [...(pv['mergedFrom'] as string[])].sort() : pv['mergedFrom'],
    valid: pv['valid'],
    blank: pv['blank'],
    invalid: pv['invalid'],
    invalidByRule: pv['invalidByRule'],
    lists: pv['lists'],
  };
}

export function checkPvs<P>(s: State<P>, head: string, pvs: readonly PvFile[]): void {
  const seen = new Set<string>();
  for (const f of pvs) {
    const pv = f.content;
    ensure(typeof pv === 'object' && pv !== null && (pv as Record<string, unknown>)['format'] === 'isoloir-pv/1', 'pv', f.name, 'not a PV (format isoloir-pv/1)');
    const o = pv as Record<string, unknown>;
    const segment = typeof o['groupId'] === 'string' ? o['groupId'] : '';
    ensure(!seen.has(segment), 'pv', f.name, `a second PV for ${segment}`);
    seen.add(segment);
    const diff = firstDifference(expectedPv(s, head, segment), comparable(o), 'pv');
    ensure(diff === undefined, 'pv', `${f.name} (${segment})`, `differs from the verified record at ${diff ?? ''}`);
  }
  for (const [group, members] of s.members) {
    const hasBallots = members.some((m) => (s.castOrder.get(m)?.length ?? 0) > 0);
    if (hasBallots) for (const m of members) ensure(seen.has(m) || (s.castOrder.get(m)?.length ?? 0) === 0, 'pv', `group ${group}`, `no PV for ${m}`);
  }
}
