/**
 * `isoloir verify RECORD --pv DIR`: each procès-verbal (format isoloir-pv/1, one per segment
 * constituency × mode × abroad/Belgium) must carry exactly the figures the verifier derived itself
 * from the record — registered voters from the roll, ballots received, superseded and cancelled by
 * reason from the ballot and cancellation entries, the legal count (valid, blank, invalid by rule,
 * B/C/D/E, list totals, preference votes, names) from the decrypted ballots — and the record's head.
 * One PV per counting set (a group and the groups merged into it, figures summed over them); every
 * set with ballots must have its PV, a merged group none. A withheld set's PV counts nothing and
 * carries `withheld`, the number of its ballots (received = superseded + Σ cancelled + counted +
 * withheld). Failures name the check `pv`.
 */
import { ensure, fail } from './failure.ts';
import { firstDifference } from './check-decryption.ts';
import { countLegally } from './legal-count.ts';
import type { State } from './state.ts';
import { checkHybridPv, pvLists } from './check-pv-hybrid.ts';

/** The heads a PV may carry: every entry's hash from the last electronic entry on; where each hybrid box's log stands in that list. */
export interface RecordHeads {
  readonly electronic: readonly string[];
  readonly hybridLogs: ReadonlyMap<string, number>;
}

export interface PvFile {
  readonly name: string;
  readonly content: unknown;
}

function expectedPv<P>(s: State<P>, head: string, segmentId: string): Record<string, unknown> {
  const seg = s.segments.get(segmentId);
  if (seg === undefined) fail('pv', segmentId, 'not a roll segment of this record');
  const group = s.groupOf.get(segmentId) ?? segmentId;
  // One PV per counting set (a group and the groups merged into it): a merged segment has none of its own.
  if (group !== segmentId)
    fail('pv', segmentId, `counted with ${group} (minimum anonymity set): its figures are in that PV`);
  const members = s.members.get(group) ?? [group];
  const cancelled: Record<string, number> = {};
  let superseded = 0;
  let received = 0;
  let registered = 0;
  for (const m of members) {
    const ids = s.castOrder.get(m) ?? [];
    received += ids.length;
    registered += s.segments.get(m)?.voters ?? 0;
    for (const id of ids) {
      const reason = s.cancelled.get(id);
      if (reason === 'superseded') superseded += 1;
      else if (reason !== undefined) cancelled[reason] = (cancelled[reason] ?? 0) + 1;
    }
  }
  // A withheld set is never decrypted: its PV counts nothing and states the withheld ballots.
  const withheld = s.withheld.get(group);
  const c = s.constituencies.get(seg.constituency);
  const legal = withheld === undefined ? s.legal.get(group) : c === undefined ? undefined : countLegally(c, []);
  if (legal === undefined || c === undefined) fail('pv', segmentId, 'the group has no verified count');
  return {
    electionId: s.electionId,
    groupId: segmentId,
    constituency: seg.constituency,
    mode: seg.mode,
    category: seg.category,
    recordHash: head,
    registeredVoters: registered,
    received,
    superseded,
    cancelled,
    counted: received - superseded - Object.values(cancelled).reduce((a, n) => a + n, 0) - (withheld ?? 0),
    withheld: withheld ?? 0,
    mergedInto: null,
    mergedFrom: members.filter((m) => m !== group).sort(),
    valid: legal.valid,
    blank: legal.blank,
    invalid: legal.invalid,
    invalidByRule: legal.invalidByRule,
    lists: pvLists(c, legal),
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
    withheld: pv['withheld'],
    mergedInto: pv['mergedInto'],
    mergedFrom: Array.isArray(pv['mergedFrom']) ? [...(pv['mergedFrom'] as string[])].sort() : pv['mergedFrom'],
    valid: pv['valid'],
    blank: pv['blank'],
    invalid: pv['invalid'],
    invalidByRule: pv['invalidByRule'],
    lists: pv['lists'],
  };
}

/**
 * Every PV given is checked; completeness by kind: with an electronic PV given, every counting set
 * with ballots must have its PV; with a hybrid PV given, every hybrid box of the record its PV.
 */
export function checkPvs<P>(s: State<P>, heads: RecordHeads, pvs: readonly PvFile[]): void {
  const seen = new Set<string>();
  let electronic = 0;
  let hybrid = 0;
  for (const f of pvs) {
    const pv = f.content;
    ensure(
      typeof pv === 'object' && pv !== null && (pv as Record<string, unknown>)['format'] === 'isoloir-pv/1',
      'pv',
      f.name,
      'not a PV (format isoloir-pv/1)',
    );
    const o = pv as Record<string, unknown>;
    const segment = typeof o['groupId'] === 'string' ? o['groupId'] : '';
    ensure(!seen.has(segment), 'pv', f.name, `a second PV for ${segment}`);
    seen.add(segment);
    if (o['mode'] === 'hybrid') {
      hybrid += 1;
      const c = o['constituency'];
      const code = typeof c === 'object' && c !== null ? String((c as Record<string, unknown>)['code']) : String(c);
      const at = heads.hybridLogs.get(`${code}/${String(o['category'])}`) ?? 0;
      checkHybridPv(s, f.name, o, heads.electronic.slice(0, at));
      continue;
    }
    electronic += 1;
    // Its head: the record once every electronic entry is in, or a later head (hybrid boxes appended since).
    const head = typeof o['recordHash'] === 'string' ? o['recordHash'] : '';
    ensure(
      heads.electronic.includes(head),
      'pv',
      f.name,
      `recordHash ${head} is not a head of the record once its electronic entries are all in`,
    );
    const diff = firstDifference(expectedPv(s, head, segment), comparable(o), 'pv');
    ensure(diff === undefined, 'pv', `${f.name} (${segment})`, `differs from the verified record at ${diff ?? ''}`);
  }
  if (electronic > 0)
    for (const [group, members] of s.members) {
      const hasBallots = members.some((m) => (s.castOrder.get(m)?.length ?? 0) > 0);
      if (hasBallots) ensure(seen.has(group), 'pv', `group ${group}`, `no PV for the counting set ${group}`);
    }
  if (hybrid > 0)
    for (const box of s.hybrid.values()) {
      const id = `${box.constituency}/hybrid/${box.category}`;
      ensure(seen.has(id), 'pv', `hybrid box ${id}`, `no PV for the hybrid box ${id}`);
    }
}
