// Test helper: `french-language-group` cancellations (special act of 12 January 1989, art. 14 al. 2;
// PROTOCOL.md §8.1 "Linked places") written into a test election's record, for the verifiers'
// tests (./linked.test.ts, and verifiers/python/agreement.test.ts which runs both verifiers on the
// same records). A re-voter's first ballot is not counted (it is out of its group's input): its
// `superseded` cancellation is rewritten as the voter's Brussels Parliament ballot for the French
// group, cast between the two ballots here — the voter then cast again with the Dutch group and a
// new Flemish ballot, which counts. The record is re-chained, as the server would have written it.
import { rechain, type DefinitionPayload, type ElectionRecord, type Json, type RecordEntry } from '@isoloir/crypto';
import { pvLists } from './check-pv-hybrid.ts';
import type { LegalCount } from './legal-count.ts';
import type { PvFile } from './check-pv.ts';

/** The linked election (the Brussels Parliament) and the French group's constituency there. */
export const LINKED_ELECTION = 'demo-2029-brussels';
export const FRENCH_GROUP = 'groupe-francais';

type Payload = Record<string, Json>;
const payload = (e: RecordEntry): Payload => e.payload as Payload;
const text = (v: Json | undefined): string => (typeof v === 'string' ? v : '');
const list = (v: Json | undefined): readonly Json[] => (Array.isArray(v) ? (v as readonly Json[]) : []);

function ballotOf(entries: readonly RecordEntry[], ballotId: string): Payload {
  const b = entries.find((e) => e.type === 'ballot' && payload(e)['ballotId'] === ballotId);
  if (b === undefined) throw new Error(`linked fixture: no ballot ${ballotId}`);
  return payload(b);
}

/**
 * The evidence an honest server writes for `ballotId`: the voter's linked ballot received halfway
 * between this ballot and the voter's next one (or an hour after it when there is none).
 */
export function linkedEvidence(record: ElectionRecord, ballotId: string): Payload {
  const b = ballotOf(record.entries, ballotId);
  const next = record.entries.find(
    (e) =>
      e.type === 'ballot' &&
      payload(e)['voterId'] === b['voterId'] &&
      payload(e)['sequence'] === Number(b['sequence']) + 1,
  );
  const t = Date.parse(text(b['receivedAt']));
  const at = next === undefined ? t + 3_600_000 : (t + Date.parse(text(payload(next)['receivedAt']))) / 2;
  return {
    electionId: LINKED_ELECTION,
    ballotId: `${LINKED_ELECTION}/${ballotId}`,
    constituency: FRENCH_GROUP,
    receivedAt: new Date(at).toISOString(),
  };
}

/**
 * The record with the cancellation of each of `ballotIds` (not counted already: a re-voter's first
 * ballot) rewritten as `french-language-group`, its evidence `linkedEvidence` changed by `change`.
 */
export function withFrenchGroup(
  record: ElectionRecord,
  ballotIds: readonly string[],
  change: (evidence: Payload, ballotId: string) => Payload = (e) => e,
): ElectionRecord {
  const copy = JSON.parse(JSON.stringify(record)) as { format: string; entries: RecordEntry[] };
  const entries = copy.entries.map((e): RecordEntry => {
    const id = text(payload(e)['ballotId']);
    if (e.type !== 'cancellation' || !ballotIds.includes(id)) return e;
    const evidence = change(linkedEvidence(record, id), id);
    return { ...e, payload: { ...payload(e), reason: 'french-language-group', evidence } };
  });
  for (const id of ballotIds)
    if (!entries.some((e) => e.type === 'cancellation' && payload(e)['ballotId'] === id))
      throw new Error(`linked fixture: ballot ${id} is not cancelled`);
  return rechain({ format: copy.format, entries });
}

/**
 * The electronic PVs (isoloir-pv/1, the fields `--pv` compares) of every counting set with ballots,
 * from the record's own entries: received, superseded, cancelled by reason, counted, the counts.
 */
export function electronicPvs(record: ElectionRecord, definition: DefinitionPayload, electionId: string): PvFile[] {
  const es = record.entries;
  const voters = new Map(
    es
      .filter((e) => e.type === 'roll')
      .map((e) => {
        const p = payload(e);
        return [`${text(p['constituency'])}/${text(p['mode'])}/${text(p['category'])}`, Number(p['voters'])];
      }),
  );
  const reasons = new Map(
    es.filter((e) => e.type === 'cancellation').map((e) => [text(payload(e)['ballotId']), text(payload(e)['reason'])]),
  );
  const cast = es.filter((e) => e.type === 'ballot').map(payload);
  const pvs: PvFile[] = [];
  for (const input of es.filter((e) => e.type === 'group-input').map(payload)) {
    const groupId = text(input['groupId']);
    const members = list(input['members']).map(text);
    const mine = cast.filter((x) => members.includes(text(x['groupId'])));
    if (mine.length === 0) continue;
    const counts = es.find((e) => e.type === 'counts' && payload(e)['groupId'] === groupId);
    if (counts === undefined) throw new Error(`linked fixture: no counts for ${groupId}`);
    const legal = payload(counts)['counts'] as unknown as LegalCount;
    const [constituency = '', mode = '', category = ''] = groupId.split('/');
    const d = definition.constituencies.find((c) => c.code === constituency);
    if (d === undefined) throw new Error(`linked fixture: ${constituency} is not defined`);
    const def = { code: d.code, seats: d.seats, lists: new Map(d.lists.map((l) => [l.number, l])) };
    const cancelled: Record<string, number> = {};
    let superseded = 0;
    for (const x of mine) {
      const r = reasons.get(text(x['ballotId']));
      if (r === 'superseded') superseded += 1;
      else if (r !== undefined) cancelled[r] = (cancelled[r] ?? 0) + 1;
    }
    const content = {
      format: 'isoloir-pv/1',
      electionId,
      groupId,
      constituency: { code: constituency },
      mode,
      category,
      recordHash: es.at(-1)?.hash ?? '',
      registeredVoters: members.reduce((n, m) => n + (voters.get(m) ?? 0), 0),
      received: mine.length,
      superseded,
      cancelled,
      counted: mine.length - superseded - Object.values(cancelled).reduce((a, n) => a + n, 0),
      withheld: 0,
      mergedInto: null,
      mergedFrom: members.filter((m) => m !== groupId).sort(),
      valid: legal.valid,
      blank: legal.blank,
      invalid: legal.invalid,
      invalidByRule: legal.invalidByRule,
      lists: pvLists(def, legal),
    };
    pvs.push({ name: `${groupId.replaceAll('/', '-')}.json`, content });
  }
  return pvs;
}

/** `pvs` with the PV of `groupId` claiming `n` more ballots cancelled for `reason` and as many fewer counted. */
export function pvClaiming(pvs: readonly PvFile[], groupId: string, reason: string, n = 1): PvFile[] {
  return pvs.map((f) => {
    const pv = f.content as Record<string, unknown>;
    if (pv['groupId'] !== groupId) return f;
    const cancelled = { ...(pv['cancelled'] as Record<string, number>) };
    cancelled[reason] = (cancelled[reason] ?? 0) + n;
    return { ...f, content: { ...pv, cancelled, counted: Number(pv['counted']) - n } };
  });
}

/**
 * A stand-in for the linked election's record, for `--linked` (which reads its parameters and
 * ballots only; the record itself is verified on its own): `record` re-chained with the linked
 * election's id and its first ballots carrying the evidence's ballot id, constituency and time.
 */
export function linkedRecordFor(record: ElectionRecord, evidence: readonly Payload[]): ElectionRecord {
  const copy = JSON.parse(JSON.stringify(record)) as { format: string; entries: RecordEntry[] };
  let i = 0;
  const entries = copy.entries.map((e): RecordEntry => {
    if (e.type === 'parameters') return { ...e, payload: { ...payload(e), electionId: LINKED_ELECTION } };
    const ev = e.type === 'ballot' ? evidence[i++] : undefined;
    if (ev === undefined) return e;
    const { ballotId, constituency, receivedAt } = ev;
    return {
      ...e,
      payload: {
        ...payload(e),
        ballotId: ballotId ?? '',
        constituency: constituency ?? '',
        receivedAt: receivedAt ?? '',
      },
    };
  });
  return rechain({ format: copy.format, entries });
}
