// The box's order numbers under concurrent receptions (./box-order.ts, migration 0030), on PGlite and
// on PostgreSQL when DATABASE_URL is set: ten envelopes of one box at once get distinct numbers,
// 1…n when none fails; the same label scanned four times at once is accepted once (the first kept),
// the others set aside, a number taken for one of them left as a gap said in its audit entry; every
// envelope carries the K-code's public hash.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { testDatabases, type TestStore } from '@isoloir/store/testing';
import { seedDemoIfEmpty } from '../demo/seed-demo.ts';
import { DEMO_DAY_ID } from '../demo/generate-demo.ts';
import { issueKcodes } from './kcodes.ts';
import { keyedHashOf } from './keyed-hash.ts';
import { hybridVoters } from './kit-service.ts';
import { publicKcodeHash } from './public-kcode.ts';
import { receiveEnvelope } from './reception.ts';
import { hybridVoterNrns, openTestHybridPeriod } from './test-hybrid.ts';

const OFFICE = 'liege';

for (const database of testDatabases()) {
  describe(`box order numbers under concurrent receptions (${database.name})`, () => {
    let store: TestStore;
    let liege: string[];
    before(async () => {
      store = await database.open();
      await seedDemoIfEmpty(store, { voters: 3500, abroadPerMille: 100, seed: 16 });
      await openTestHybridPeriod(store, DEMO_DAY_ID);
      const nrns = await hybridVoterNrns(store, DEMO_DAY_ID);
      const voters = await hybridVoters(store.db, DEMO_DAY_ID, nrns, new Date());
      liege = nrns.filter((n) => voters.get(n)?.elections[0]?.constituencyCode === OFFICE);
      assert.ok(liege.length >= 12, `hybrid voters in ${OFFICE}: ${String(liege.length)}`);
    });
    after(async () => {
      await store.close();
    });

    const codesOf = async (nrns: readonly string[]): Promise<string[]> =>
      (await issueKcodes(store, keyedHashOf(store), DEMO_DAY_ID, nrns, new Date())).map((r) =>
        'code' in r ? r.code : assert.fail('no code issued'),
      );
    const receive = (code: string) =>
      receiveEnvelope(store, keyedHashOf(store), DEMO_DAY_ID, OFFICE, code, 'official:test-team-a', new Date());

    test('ten envelopes at once: distinct numbers 1…n per box, each with its public hash', async () => {
      const codes = await codesOf(liege.slice(0, 10));
      const receipts = await Promise.all(codes.map(receive));
      const byBox = new Map<string, number[]>();
      for (const r of receipts) {
        assert.equal(r.decision.outcome, 'accepted');
        if (r.boxOrder === null) continue;
        byBox.set(r.decision.box, [...(byBox.get(r.decision.box) ?? []), r.boxOrder]);
      }
      for (const orders of byBox.values())
        assert.deepEqual(
          [...orders].sort((a, b) => a - b),
          orders.map((_, i) => i + 1),
        );
      const rows = await store.db
        .selectFrom('hybrid_envelopes')
        .select('public_hash')
        .where('office', '=', OFFICE)
        .execute();
      assert.deepEqual(
        new Set(rows.map((r) => r.public_hash)),
        new Set(codes.map((c) => publicKcodeHash(DEMO_DAY_ID, c))),
      );
    });

    test('one label scanned four times at once: accepted once, the others set aside; a number not used is a gap said in the audit', async () => {
      const [code] = await codesOf([liege[11] ?? '']);
      assert.ok(code !== undefined);
      const receipts = await Promise.all([code, code, code, code].map(receive));
      const accepted = receipts.filter((r) => r.decision.outcome === 'accepted');
      assert.equal(accepted.length, 1);
      for (const r of receipts.filter((x) => x.decision.outcome !== 'accepted'))
        assert.deepEqual(r.decision, { outcome: 'set-aside', reason: 'second-envelope' });
      const audits = await store.db
        .selectFrom('audit_log')
        .select('details')
        .where('action', '=', 'hybrid.envelope.set-aside')
        .execute();
      const unused = audits
        .map((a) => (a.details as { unusedBoxOrder?: number | null }).unusedBoxOrder)
        .filter((n): n is number => typeof n === 'number');
      const used = await store.db
        .selectFrom('hybrid_envelopes')
        .select('box_order')
        .where('office', '=', OFFICE)
        .where('box_order', 'is not', null)
        .execute();
      const numbers = used.map((u) => u.box_order);
      for (const n of unused) assert.ok(!numbers.includes(n), `gap ${String(n)} was given to an envelope`);
      assert.equal(new Set(numbers).size, numbers.length);
    });
  });
}
