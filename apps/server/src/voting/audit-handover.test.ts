// Handing an audited ballot to a second device, played by an attacker: the server keeps an opaque
// blob under an unguessable id, never the key; nobody lists or fetches another's handover without
// its id; an expired one is gone; one voter cannot fill the database; no voter, no handover.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { testDatabases, type TestStore } from '@isoloir/store/testing';
import { DEMO_ELECTION_ID } from '../demo/generate-demo.ts';
import { HANDOVER_LIFETIME_MS, HANDOVERS_PER_VOTER, readHandover } from './audit-handover.ts';
import { votingFixture, type VotingFixture } from './voting-fixture.ts';

for (const database of testDatabases()) {
  describe(`audited ballot handed to a second device on ${database.name}`, () => {
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

    const post = async (headers: Record<string, string> | undefined, blob: Buffer, electionId = DEMO_ELECTION_ID) =>
      f.app.inject({
        method: 'POST',
        url: '/api/voting/audit-handovers',
        headers: { ...headers, 'content-type': 'application/json' },
        payload: JSON.stringify({ electionId, blob: blob.toString('base64url') }),
      });

    test('stored as given, fetched by its id by anyone, audited without the id', async () => {
      const { session } = await f.voter('liege');
      const blob = randomBytes(200);
      const stored = await post(session.headers, blob);
      assert.equal(stored.statusCode, 201, stored.body);
      const { id, expiresAt } = stored.json<{ id: string; expiresAt: string }>();
      assert.match(id, /^[A-Za-z0-9_-]{22}$/);
      const fetched = await f.app.inject(`/api/voting/audit-handovers/${id}`);
      assert.equal(fetched.statusCode, 200);
      const body = fetched.json<{ electionId: string; blob: string; expiresAt: string }>();
      assert.deepEqual(Buffer.from(body.blob, 'base64url'), blob);
      assert.equal(body.electionId, DEMO_ELECTION_ID);
      assert.equal(body.expiresAt, expiresAt);
      const audit = await store.db
        .selectFrom('audit_log')
        .selectAll()
        .where('action', '=', 'ballot.audit-handover')
        .executeTakeFirstOrThrow();
      assert.ok(!JSON.stringify(audit).includes(id), 'the id is the capability: not in the audit log');
      assert.ok(!JSON.stringify(audit).includes((await f.voter('liege')).nrn));
    });

    test('no session, a wrong or guessed id, an unknown election, a bad size: refused', async () => {
      assert.equal((await post(undefined, randomBytes(100))).statusCode, 401);
      const { session } = await f.voter('namur');
      const unknown = await f.app.inject(`/api/voting/audit-handovers/${randomBytes(16).toString('base64url')}`);
      assert.equal(unknown.statusCode, 404);
      assert.equal(unknown.json<{ code: string }>().code, 'audit.handover-not-found');
      assert.equal((await f.app.inject('/api/voting/audit-handovers/short')).statusCode, 400);
      assert.equal((await post(session.headers, randomBytes(100), 'no-such-election')).statusCode, 404);
      assert.equal((await post(session.headers, randomBytes(10))).statusCode, 400);
      assert.equal((await post(session.headers, randomBytes(256 * 1024 + 1))).statusCode, 400);
    });

    test(`one voter holds at most ${String(HANDOVERS_PER_VOTER)} live handovers; an expired one is gone`, async () => {
      const { session } = await f.voter('hainaut');
      const ids: string[] = [];
      for (let i = 0; i < HANDOVERS_PER_VOTER; i += 1) {
        const r = await post(session.headers, randomBytes(64));
        assert.equal(r.statusCode, 201, r.body);
        ids.push(r.json<{ id: string }>().id);
      }
      const over = await post(session.headers, randomBytes(64));
      assert.equal(over.statusCode, 429);
      assert.equal(over.json<{ code: string }>().code, 'audit.handover-limit');
      // Another voter is not held up by this one.
      assert.equal((await post((await f.voter('hainaut', 1)).session.headers, randomBytes(64))).statusCode, 201);
      const later = new Date(Date.now() + HANDOVER_LIFETIME_MS + 1000);
      await assert.rejects(readHandover(store, ids[0] ?? '', later), /not here/);
    });
  });
}
