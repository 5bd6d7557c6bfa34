// Issue 16: the hybrid boxes appended to the record (PROTOCOL.md §8 `hybrid-receipt-log`,
// `hybrid-count`) and what the verifier catches when a forger edits them and re-chains every hash:
// a changed count, a K-code accepted twice, a dropped ballot (with or without the counts fixed), a
// hybrid entry slipped in before the electronic head, a hybrid PV whose figures differ.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { inlineRunner, loadGroup, rechain, type ElectionRecord, type Json, type RecordEntry } from '@isoloir/crypto';
import { verifyRecord } from './verify-record.ts';
import { definition, election } from './test-election.ts';
import * as fx from './hybrid-fixture.ts';

const group = await loadGroup('secp256k1');
const { record } = await election(group, inlineRunner(group));
const def = fx.brusselsOf(definition);
const line = fx.line;
const log = fx.log;
const entry = fx.entry;
const BALLOTS = fx.BALLOTS;
const count = (ballots: readonly fx.PaperBallot[] = BALLOTS, explanation: string | null = null) =>
  fx.count(def, ballots, explanation);
const withHybrid = (l: Json = log(), c: Json = count()): ElectionRecord => fx.withHybrid(record, l, c);
const hybridPv = (rec: ElectionRecord) => fx.hybridPv(rec, def, 'BE-2029-chamber');

async function rejected(rec: ElectionRecord, check: string, pvs?: { name: string; content: unknown }[]) {
  const r = await verifyRecord(rec, pvs === undefined ? {} : { pvs });
  assert.ok(!r.ok, `expected the ${check} check to fail, but the record verified`);
  assert.equal(r.check, check, `${r.check} at ${r.location}: ${r.message}`);
  if (pvs !== undefined) assert.ok(r.location.startsWith('hybrid.json'), `${r.location}: ${r.message}`);
}

describe('hybrid boxes in the record (forger re-chains the hashes)', () => {
  test('an honest record with a hybrid box verifies, and so does its PV', async () => {
    const rec = withHybrid();
    const r = await verifyRecord(rec);
    assert.ok(r.ok, r.ok ? '' : `${r.check} at ${r.location}: ${r.message}`);
    // The hybrid PV alone (no electronic PV given: their completeness is not asked).
    const pv = await verifyRecord(rec, { pvs: [{ name: 'hybrid.json', content: hybridPv(rec) }] });
    assert.ok(pv.ok, JSON.stringify(pv));
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
    c['ballots'] = fewer;
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
