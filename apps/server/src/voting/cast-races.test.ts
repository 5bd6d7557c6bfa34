// The attacker against the ballot box's checks as one statement and its transaction as two round
// trips (BEGIN with the checks, COMMIT with the write): a ballot id reused by its voter for another
// ballot or by another voter, a refused request that leaves nothing behind (no ballot, no audit
// entry of a cast, the audit chains whole), and the limit of X + 1 ballots under a race of one
// voter's devices, where only the unique indexes stop the extra ballots. On PostgreSQL (DATABASE_URL)
// the racing requests run on several connections at once; on PGlite one after the other.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { verifyAuditChain } from '@isoloir/store';
import { testDatabases, type TestStore } from '@isoloir/store/testing';
import { DEMO_ELECTION_ID } from '../demo/generate-demo.ts';
import type { CastReceipt } from './cast.ts';
import { votingFixture, type VotingFixture } from './voting-fixture.ts';

for (const database of testDatabases()) {
  describe(`ballot box races and reused ids on ${database.name}`, () => {
    let store: TestStore;
    let f: VotingFixture;
    before(async () => {
      store = await database.open();
      f = await votingFixture(store);
    });
    after(async () => {
      await f.app.close();
      await store.close();
    });

    async function casts(nrn?: string): Promise<{ ballots: number; entries: number }> {
      let ballots = store.db.selectFrom('ballots').select((eb) => eb.fn.countAll<string>().as('n'));
      if (nrn !== undefined) ballots = ballots.where('voter_nrn', '=', nrn);
      const entries = await store.db
        .selectFrom('audit_log')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .where('action', '=', 'ballot.cast')
        .executeTakeFirstOrThrow();
      return { ballots: Number((await ballots.executeTakeFirstOrThrow()).n), entries: Number(entries.n) };
    }

    test('a ballot id reused for another ballot, by its voter or by another voter: refused, nothing written', async () => {
      const owner = await f.voter('luxembourg');
      const booth = await f.booth(owner.session, DEMO_ELECTION_ID);
      const first = f.encrypt(booth, { kind: 'list', list: 1, headBox: true, effectives: [], substitutes: [] });
      const accepted = await f.cast(owner.session, DEMO_ELECTION_ID, first.body);
      assert.equal(accepted.statusCode, 201, accepted.body);
      const before = await casts();
      // The same voter, the same id, another ballot (its proof valid: the id is bound into it).
      const other = f.encrypt(booth, { kind: 'blank' }, first.body.ballotId);
      const again = await f.cast(owner.session, DEMO_ELECTION_ID, other.body);
      assert.equal(again.json<{ code: string }>().code, 'ballot.id-reused', again.body);
      // Another voter, the owner's id, a ballot of their own.
      const thief = await f.voter('luxembourg', 1);
      const thiefBooth = await f.booth(thief.session, DEMO_ELECTION_ID);
      const stolen = await f.cast(
        thief.session,
        DEMO_ELECTION_ID,
        f.encrypt(thiefBooth, { kind: 'blank' }, first.body.ballotId).body,
      );
      assert.equal(stolen.json<{ code: string }>().code, 'ballot.id-reused', stolen.body);
      assert.deepEqual(await casts(), before, 'no ballot, no audit entry of a cast');
      // The true retry still gets its receipt back.
      const retry = await f.cast(owner.session, DEMO_ELECTION_ID, first.body);
      assert.equal(retry.statusCode, 200);
      assert.equal(retry.json<CastReceipt>().signature, accepted.json<CastReceipt>().signature);
      const audit = await verifyAuditChain(store.db);
      assert.ok(
        audit.ok,
        JSON.stringify(audit, (_k, v: unknown) => (typeof v === 'bigint' ? String(v) : v)),
      );
    });

    test('eight ballots of one voter at once: X + 1 = 3 accepted, sequences 1–3, one current, the rest refused', async () => {
      const v = await f.voter('flandre-occidentale');
      const booth = await f.booth(v.session, DEMO_ELECTION_ID);
      const bodies = Array.from({ length: 8 }, () => f.encrypt(booth, { kind: 'blank' }).body);
      const answers = await Promise.all(bodies.map((b) => f.cast(v.session, DEMO_ELECTION_ID, b)));
      const codes = answers.map((a) => (a.statusCode === 201 ? 'accepted' : a.json<{ code: string }>().code)).sort();
      assert.deepEqual(codes, [
        'accepted',
        'accepted',
        'accepted',
        'voting.limit-reached',
        'voting.limit-reached',
        'voting.limit-reached',
        'voting.limit-reached',
        'voting.limit-reached',
      ]);
      const rows = await store.db
        .selectFrom('ballots')
        .select(['id', 'sequence', 'status'])
        .where('voter_nrn', '=', v.nrn)
        .orderBy('sequence')
        .execute();
      assert.deepEqual(
        rows.map((r) => `${String(r.sequence)}:${r.status}`),
        ['1:superseded', '2:superseded', '3:received'],
      );
      // The receipts name the stored ballots, each with its own sequence.
      const receipts = answers.filter((a) => a.statusCode === 201).map((a) => a.json<CastReceipt>());
      assert.deepEqual(receipts.map((r) => r.sequence).sort(), [1, 2, 3]);
      assert.deepEqual(receipts.map((r) => r.ballotId).sort(), rows.map((r) => r.id).sort());
      // Each stored ballot has its one audit entry, naming what it superseded.
      const entries = await store.db
        .selectFrom('audit_log')
        .select('details')
        .where('action', '=', 'ballot.cast')
        .where('subject', '=', DEMO_ELECTION_ID)
        .execute();
      const mine = entries
        .map((e) => e.details as { ballotId: string; sequence: number; superseded: string[] })
        .filter((d) => rows.some((r) => r.id === d.ballotId))
        .sort((a, b) => a.sequence - b.sequence);
      assert.deepEqual(
        mine.map((d) => d.superseded),
        [[], [rows[0]?.id], [rows[1]?.id]],
      );
      const audit = await verifyAuditChain(store.db);
      assert.ok(audit.ok);
    });

    test('the same new ballot sent four times at once: stored once, one 201 and three replays with its receipt', async () => {
      const v = await f.voter('brabant-wallon');
      const booth = await f.booth(v.session, DEMO_ELECTION_ID);
      const { body } = f.encrypt(booth, { kind: 'list', list: 2, headBox: false, effectives: [1], substitutes: [] });
      const answers = await Promise.all([1, 2, 3, 4].map(() => f.cast(v.session, DEMO_ELECTION_ID, body)));
      assert.deepEqual(answers.map((a) => a.statusCode).sort(), [200, 200, 200, 201]);
      assert.equal(new Set(answers.map((a) => a.json<CastReceipt>().signature)).size, 1);
      assert.equal((await casts(v.nrn)).ballots, 1);
    });
  });
}
