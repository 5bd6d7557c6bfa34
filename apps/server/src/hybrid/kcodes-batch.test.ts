// K-codes issued in bulk (the kits the organising authority prints for its mode-6 voters) behave as
// the voter's own prints, one after another: a voter named twice keeps only the second code live, the
// first voided and both audited in order; a voter whose envelope is at the main office gets no code
// while the others of the batch do; every change has its audit entry and the chains stay whole.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { openStore, verifyAuditChain, type Store } from '@isoloir/store';
import { seedDemoIfEmpty } from '../demo/seed-demo.ts';
import { DEMO_DAY_ID } from '../demo/generate-demo.ts';
import { issueKcodes, kcodeStatus } from './kcodes.ts';
import { keyedHashOf } from './keyed-hash.ts';
import { hybridVoterNrns, openTestHybridPeriod } from './test-hybrid.ts';

describe('K-codes in bulk', () => {
  let store: Store;
  let nrns: string[];

  before(async () => {
    store = await openStore();
    await seedDemoIfEmpty(store, { voters: 300, abroadPerMille: 100, seed: 12 });
    await openTestHybridPeriod(store, DEMO_DAY_ID);
    nrns = await hybridVoterNrns(store, DEMO_DAY_ID);
    assert.ok(nrns.length >= 3, 'the demo has hybrid voters');
  });
  after(() => store.close());

  test('a voter named twice: the second code live, the first voided, both audited in order', async () => {
    const [a = '', b = ''] = nrns;
    const keyedHash = keyedHashOf(store);
    const issued = await issueKcodes(store, keyedHash, DEMO_DAY_ID, [a, b, a], new Date());
    const codes = issued.map((r) => ('code' in r ? r.code : ''));
    assert.deepEqual(
      issued.map((r) => ('code' in r ? r.voided : r.refused)),
      [0, 0, 1],
    );
    assert.equal((await kcodeStatus(store.db, keyedHash, codes[0] ?? '')).status, 'voided');
    assert.equal((await kcodeStatus(store.db, keyedHash, codes[1] ?? '')).status, 'issued');
    assert.equal((await kcodeStatus(store.db, keyedHash, codes[2] ?? '')).status, 'issued');
    const live = await store.db
      .selectFrom('hybrid_kcodes')
      .select('nrn')
      .where('state', '<>', 'voided')
      .where('nrn', 'in', [a, b])
      .execute();
    assert.equal(live.length, 2, 'one live code per voter');
    const audit = await store.db
      .selectFrom('audit_log')
      .select(['action', 'subject', 'details'])
      .where('action', 'like', 'hybrid.kcode.%')
      .orderBy('seq')
      .execute();
    assert.deepEqual(
      audit.map((e) => e.action),
      ['hybrid.kcode.issued', 'hybrid.kcode.issued', 'hybrid.kcode.voided', 'hybrid.kcode.issued'],
    );
    const [firstOfA, , voided, secondOfA] = audit;
    assert.equal(voided?.subject, firstOfA?.subject, 'the voided entry names the first code');
    assert.deepEqual(secondOfA?.details, { electionDayId: DEMO_DAY_ID, replaces: firstOfA?.subject });
    assert.equal((await verifyAuditChain(store.db)).ok, true);
  });

  test('a voter whose envelope was received gets no code; the others of the batch do', async () => {
    const [, , c = ''] = nrns;
    const keyedHash = keyedHashOf(store);
    const [first] = await issueKcodes(store, keyedHash, DEMO_DAY_ID, [c], new Date());
    assert.ok(first !== undefined && 'code' in first);
    await store.db
      .updateTable('hybrid_kcodes')
      .set({ state: 'received' })
      .where('nrn', '=', c)
      .where('state', '=', 'issued')
      .execute();
    const others = nrns.slice(3, 5);
    const issued = await issueKcodes(store, keyedHash, DEMO_DAY_ID, [c, ...others], new Date());
    assert.deepEqual(issued[0], { nrn: c, refused: 'hybrid.already-received' });
    assert.equal(issued.filter((r) => 'code' in r).length, others.length);
    assert.equal(
      (await kcodeStatus(store.db, keyedHash, first.code)).status,
      'received',
      'the received code untouched',
    );
  });
});
