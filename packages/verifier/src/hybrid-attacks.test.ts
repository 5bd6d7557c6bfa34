// Issue 16: the hybrid boxes appended to the record (PROTOCOL.md §8 `hybrid-receipt-log`,
// `hybrid-count`) and what the verifier catches when a forger edits them and re-chains every hash:
// a changed count, a K-code accepted twice, a dropped ballot (with or without the counts fixed), a
// hybrid entry slipped in before the electronic head, a hybrid PV whose figures differ.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { inlineRunner, loadGroup, rechain, type ElectionRecord, type Json, type RecordEntry } from '@isoloir/crypto';
import { verifyRecord } from './verify-record.ts';
import { countLegally, type ConstituencyDef, type Countable } from './legal-count.ts';
import { definition, election } from './test-election.ts';

const group = await loadGroup('secp256k1');
const { record } = await election(group, inlineRunner(group));

const hash = (i: number): string => i.toString(16).padStart(64, '0');
const at = (m: number): string => `2029-06-0${String(1 + Math.floor(m / 60))}T10:${String(m % 60).padStart(2, '0')}:00.000Z`;
const line = (i: number, t: number, decision: string, order: number | null, reason: string | null = null) => ({
  kcodeHash: hash(i),
  receivedAt: at(t),
  decision,
  reason,
  box: order === null ? null : 'belgium',
  order,
});

function log(): Record<string, Json> {
  return {
    constituency: 'brussels',
    category: 'belgium',
    envelopes: [
      line(1, 1, 'accepted', 1),
      line(2, 2, 'accepted', 2),
      line(3, 3, 'accepted', 3),
      line(1, 4, 'set-aside', null, 'second-envelope'),
      line(4, 5, 'accepted', 4),
      line(5, 6, 'cancelled', 5, 'voted-at-polling-station'),
      line(99, 7, 'set-aside', null, 'kcode-unknown'),
    ],
  };
}

const BALLOTS = [
  { class: 'blank', rule: null, list: null, effectives: [], substitutes: [] },
  { class: 'invalid', rule: 'ballot.several-lists', list: null, effectives: [], substitutes: [] },
  { class: 'valid', rule: null, list: 2, effectives: [1, 3], substitutes: [] },
  { class: 'valid', rule: null, list: 3, effectives: [], substitutes: [] },
] as const;

const brussels = definition.constituencies[0];
assert.ok(brussels !== undefined);
const def: ConstituencyDef = {
  code: brussels.code,
  seats: brussels.seats,
  lists: new Map(brussels.lists.map((l) => [l.number, l])),
};

function counted(ballots: readonly (typeof BALLOTS)[number][]): Json {
  const c: Countable[] = ballots.map((b) =>
    b.class === 'blank'
      ? { kind: 'blank' }
      : b.class === 'invalid'
        ? { kind: 'ruled', rule: b.rule }
        : { kind: 'list', list: b.list, headBox: b.effectives.length === 0, effectives: b.effectives, substitutes: [] },
  );
  return countLegally(def, c) as unknown as Json;
}

function count(ballots = [...BALLOTS], explanation: string | null = null): Record<string, Json> {
  return {
    constituency: 'brussels',
    category: 'belgium',
    ballots: ballots as unknown as Json,
    counts: counted(ballots),
    explanation,
  };
}

const entry = (type: string, payload: Json): RecordEntry => ({ seq: 0, type, parent: '', hash: '', payload });

function withHybrid(l = log(), c = count()): ElectionRecord {
  const copy = JSON.parse(JSON.stringify(record)) as { format: string; entries: RecordEntry[] };
  return rechain({
    format: copy.format,
    entries: [...copy.entries, entry('hybrid-receipt-log', l), entry('hybrid-count', c)],
  });
}

async function rejected(rec: ElectionRecord, check: string, pvs?: { name: string; content: unknown }[]) {
  const r = await verifyRecord(rec, pvs === undefined ? {} : { pvs });
  assert.ok(!r.ok, `expected the ${check} check to fail, but the record verified`);
  assert.equal(r.check, check, `${r.check} at ${r.location}: ${r.message}`);
  if (pvs !== undefined) assert.ok(r.location.startsWith('hybrid.json'), `${r.location}: ${r.message}`);
}

function hybridPv(rec: ElectionRecord): Record<string, unknown> {
  const electronicHead = rec.entries.at(-3)?.hash ?? '';
  const lists = [...def.lists.values()].map((l) => ({
    number: l.number,
    name: l.name,
    categories: { B: l.number === 3 ? 1 : 0, C: l.number === 2 ? 1 : 0, D: 0, E: 0 },
    total: l.number === 2 || l.number === 3 ? 1 : 0,
    effectives: l.effectives.map((n, i) => ({
      position: i + 1,
      name: n,
      votes: l.number === 2 && (i === 0 || i === 2) ? 1 : 0,
    })),
    substitutes: l.substitutes.map((n, i) => ({ position: i + 1, name: n, votes: 0 })),
  }));
  return {
    format: 'isoloir-pv/1',
    electionId: 'BE-2029-chamber',
    groupId: 'brussels/hybrid/belgium',
    constituency: { code: 'brussels', label: 'Brussels', languages: ['fr', 'nl'] },
    mode: 'hybrid',
    category: 'belgium',
    recordHash: electronicHead,
    received: 6,
    superseded: 0,
    cancelled: { 'second-envelope': 1, 'voted-at-polling-station': 1 },
    counted: 4,
    withheld: 0,
    valid: 2,
    blank: 1,
    invalid: 1,
    invalidByRule: { 'ballot.several-lists': 1 },
    lists,
    reception: { received: 6, accepted: 5, setAside: { 'second-envelope': 1 }, cancelled: 1, unknownCodesAtOffice: 1 },
    reconciliation: { expected: 4, encoded: 4, difference: 0, explanation: null },
  };
}

describe('hybrid boxes in the record (forger re-chains the hashes)', () => {
  test('an honest record with a hybrid box verifies, and so does its PV', async () => {
    const rec = withHybrid();
    const r = await verifyRecord(rec);
    assert.ok(r.ok, r.ok ? '' : `${r.check} at ${r.location}: ${r.message}`);
    // The hybrid PV passes; the electronic PVs (not given here) are then missing, and only they.
    const pv = await verifyRecord(rec, { pvs: [{ name: 'hybrid.json', content: hybridPv(rec) }] });
    assert.ok(!pv.ok && pv.check === 'pv' && pv.location.startsWith('group '), JSON.stringify(pv));
  });

  test('a changed count: hybrid-count', async () => {
    const c = count();
    (c['counts'] as { blank: number }).blank += 1;
    await rejected(withHybrid(log(), c), 'hybrid-count');
  });

  test('a ballot published as valid that is not (a list of another ballot): hybrid-count', async () => {
    const ballots = [...BALLOTS, { class: 'valid', rule: null, list: 11, effectives: [], substitutes: [] } as const];
    await rejected(withHybrid(log(), count(ballots as never, 'one more')), 'hybrid-count');
  });

  test('a K-code accepted twice: hybrid-duplicate', async () => {
    const l = log();
    (l['envelopes'] as Json[])[3] = line(1, 4, 'accepted', 6);
    await rejected(withHybrid(l, count()), 'hybrid-duplicate');
  });

  test('an order number given twice: hybrid-log', async () => {
    const l = log();
    (l['envelopes'] as Json[])[4] = line(4, 5, 'accepted', 3);
    await rejected(withHybrid(l, count()), 'hybrid-log');
  });

  test('a dropped ballot: hybrid-count; with the counts fixed: hybrid-reconciliation; explained: passes', async () => {
    const fewer = BALLOTS.slice(1);
    const c = count();
    c['ballots'] = fewer as unknown as Json;
    await rejected(withHybrid(log(), c), 'hybrid-count');
    await rejected(withHybrid(log(), count([...fewer])), 'hybrid-reconciliation');
    const r = await verifyRecord(withHybrid(log(), count([...fewer], 'an empty inner envelope')));
    assert.ok(r.ok, r.ok ? '' : `${r.check}: ${r.message}`);
  });

  test('a hybrid entry before the electronic head: order', async () => {
    const copy = JSON.parse(JSON.stringify(record)) as { format: string; entries: RecordEntry[] };
    const last = copy.entries.length - 1;
    const entries = [
      ...copy.entries.slice(0, last),
      entry('hybrid-receipt-log', log()),
      entry('hybrid-count', count()),
      ...copy.entries.slice(last),
    ];
    await rejected(rechain({ format: copy.format, entries }), 'order');
  });

  test("a hybrid PV whose figures differ from the record's, or pinned to a head after its box: pv", async () => {
    const rec = withHybrid();
    const pv = hybridPv(rec);
    await rejected(rec, 'pv', [{ name: 'hybrid.json', content: { ...pv, valid: 3 } }]);
    await rejected(rec, 'pv', [{ name: 'hybrid.json', content: { ...pv, recordHash: rec.entries.at(-1)?.hash } }]);
    const reception = { ...(pv['reception'] as object), accepted: 4 };
    await rejected(rec, 'pv', [{ name: 'hybrid.json', content: { ...pv, reception } }]);
  });
});
