// The ballot box over HTTP: casting in two elections, re-voting (last counts, X), idempotent
// retries, signed receipts, the bulletin board, and the PO's period commands.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { testDatabases, type TestStore } from '@isoloir/store/testing';
import { testSession } from '../auth/testing/sessions.ts';
import { seedDevOfficials } from '../auth/dev-officials.ts';
import { DEMO_ELECTION_ID } from '../demo/generate-demo.ts';
import { verifyReceipt } from './receipt.ts';
import { SECOND_ELECTION_ID } from './test-election.ts';
import { votingFixture, type VotingFixture } from './voting-fixture.ts';
import type { CastReceipt } from './cast.ts';

interface Portal {
  elections: {
    electionId: string;
    online: boolean;
    used: number;
    period: { state: string; maxBallots: number };
    constituency: { code: string };
    ballots: { status: string; trackingCode: string }[];
  }[];
}

for (const database of testDatabases()) {
  describe(`online ballot box on ${database.name}`, () => {
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

    test('a Brussels voter votes in two elections, votes again, and the last ballot counts', async () => {
      const { nrn, session } = await f.voter('bruxelles-capitale');
      const portal = (await f.app.inject({ url: '/api/voting/portal', headers: session.headers })).json<Portal>();
      assert.deepEqual(
        portal.elections.map((e) => [e.electionId, e.online, e.period.state, e.used]).sort(),
        [
          [SECOND_ELECTION_ID, true, 'open', 0],
          [DEMO_ELECTION_ID, true, 'open', 0],
        ].sort(),
      );
      const receipts: CastReceipt[] = [];
      for (const electionId of [DEMO_ELECTION_ID, SECOND_ELECTION_ID]) {
        const booth = await f.booth(session, electionId);
        const response = await f.cast(
          session,
          electionId,
          f.encrypt(booth, { kind: 'list', list: 2, headBox: false, effectives: [1, 3], substitutes: [] }).body,
        );
        assert.equal(response.statusCode, 201, response.body);
        receipts.push(response.json<CastReceipt>());
      }
      const booth = await f.booth(session, DEMO_ELECTION_ID);
      const again = await f.cast(session, DEMO_ELECTION_ID, f.encrypt(booth, { kind: 'blank' }).body);
      assert.equal(again.statusCode, 201);
      assert.equal(again.json<CastReceipt>().sequence, 2);
      const rows = await store.db
        .selectFrom('ballots')
        .select(['election_id', 'sequence', 'status'])
        .where('voter_nrn', '=', nrn)
        .orderBy('election_id')
        .orderBy('sequence')
        .execute();
      assert.deepEqual(
        rows.map((r) => `${r.election_id}#${String(r.sequence)}:${r.status}`).sort(),
        [
          `${SECOND_ELECTION_ID}#1:received`,
          `${DEMO_ELECTION_ID}#1:superseded`,
          `${DEMO_ELECTION_ID}#2:received`,
        ].sort(),
      );
      const later = (await f.app.inject({ url: '/api/voting/portal', headers: session.headers })).json<Portal>();
      const chamber = later.elections.find((e) => e.electionId === DEMO_ELECTION_ID);
      assert.deepEqual(
        chamber?.ballots.map((b) => b.status),
        ['superseded', 'received'],
      );
      assert.equal(chamber.used, 2);
      // Receipts verify with the published key; the tracking code is on the bulletin board.
      const key = (await f.app.inject('/api/voting/receipt-key')).json<{ publicKey: string }>();
      for (const receipt of receipts) assert.ok(verifyReceipt(key.publicKey, receipt));
      const [first] = receipts;
      assert.ok(
        first !== undefined && !verifyReceipt(key.publicKey, { ...first, receivedAt: new Date(0).toISOString() }),
      );
      // The board lists the superseded ballot's code like any other: it never says "superseded", so a
      // receipt shown under pressure does not tell whether its voter voted again.
      const boardResponse = await f.app.inject(`/api/voting/board/${DEMO_ELECTION_ID}?constituency=bruxelles-capitale`);
      const board = boardResponse.json<{ entries: Record<string, unknown>[] }>();
      assert.ok(board.entries.some((e) => e['trackingCode'] === receipts[0]?.trackingCode));
      assert.ok(
        board.entries.every((e) => Object.keys(e).join() === 'trackingCode'),
        boardResponse.body,
      );
      assert.doesNotMatch(boardResponse.body, /superseded|received|status/);
      const lookup = await f.app.inject(`/api/voting/tracking/${receipts[0]?.trackingCode ?? ''}`);
      assert.deepEqual(lookup.json(), { electionId: DEMO_ELECTION_ID, constituency: 'bruxelles-capitale' });
      assert.equal(
        (await f.app.inject(`/api/voting/tracking/${receipts[1]?.trackingCode ?? ''}`)).json<{ electionId: string }>()
          .electionId,
        SECOND_ELECTION_ID,
      );
    });

    test('a retried submission returns the same receipt and stores one ballot', async () => {
      const { nrn, session } = await f.voter('liege');
      const booth = await f.booth(session, DEMO_ELECTION_ID);
      const { body } = f.encrypt(booth, { kind: 'list', list: 1, headBox: true, effectives: [], substitutes: [] });
      const first = await f.cast(session, DEMO_ELECTION_ID, body);
      const retries = await Promise.all([
        f.cast(session, DEMO_ELECTION_ID, body),
        f.cast(session, DEMO_ELECTION_ID, body),
      ]);
      assert.equal(first.statusCode, 201);
      for (const retry of retries) {
        assert.equal(retry.statusCode, 200);
        assert.equal(retry.json<CastReceipt>().signature, first.json<CastReceipt>().signature);
        assert.equal(retry.json<CastReceipt>().replayed, true);
      }
      const count = await store.db
        .selectFrom('ballots')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .where('voter_nrn', '=', nrn)
        .executeTakeFirstOrThrow();
      assert.equal(Number(count.n), 1);
    });

    test('concurrent first ballots of one voter are serialised: sequences 1 and 2, one current', async () => {
      const { nrn, session } = await f.voter('namur');
      const booth = await f.booth(session, DEMO_ELECTION_ID);
      const bodies = [f.encrypt(booth, { kind: 'blank' }).body, f.encrypt(booth, { kind: 'blank' }).body];
      const responses = await Promise.all(bodies.map((b) => f.cast(session, DEMO_ELECTION_ID, b)));
      assert.deepEqual(
        responses.map((r) => r.statusCode),
        [201, 201],
      );
      const rows = await store.db
        .selectFrom('ballots')
        .select(['sequence', 'status'])
        .where('voter_nrn', '=', nrn)
        .orderBy('sequence')
        .execute();
      assert.deepEqual(
        rows.map((r) => r.status),
        ['superseded', 'received'],
      );
    });

    test('the PO opens and closes the period; closing is final and audited', async () => {
      await seedDevOfficials(store);
      const po = await testSession(store, { kind: 'official', officialId: 'dev-po-admin' });
      const url = `/api/voting/elections/${SECOND_ELECTION_ID}/period`;
      const voterSession = (await f.voter('bruxelles-capitale', 1)).session;
      const refused = await f.app.inject({
        method: 'POST',
        url,
        headers: voterSession.headers,
        payload: { action: 'close' },
      });
      assert.equal(refused.statusCode, 403);
      const list = (await f.app.inject({ url: '/api/voting/periods', headers: po.headers })).json<
        { electionId: string; state: string }[]
      >();
      assert.equal(list.find((p) => p.electionId === SECOND_ELECTION_ID)?.state, 'open');
      const closed = await f.app.inject({ method: 'POST', url, headers: po.headers, payload: { action: 'close' } });
      assert.equal(closed.json<{ state: string }>().state, 'closed');
      const reopen = await f.app.inject({ method: 'POST', url, headers: po.headers, payload: { action: 'open' } });
      assert.equal(reopen.json<{ code: string }>().code, 'voting.closed');
      const audit = await store.db
        .selectFrom('audit_log')
        .select(['action', 'subject'])
        .where('action', '=', 'voting.period.closed')
        .execute();
      assert.deepEqual(audit, [{ action: 'voting.period.closed', subject: SECOND_ELECTION_ID }]);
      const booth = await f.booth(voterSession, SECOND_ELECTION_ID);
      const late = await f.cast(voterSession, SECOND_ELECTION_ID, f.encrypt(booth, { kind: 'blank' }).body);
      assert.equal(late.json<{ code: string }>().code, 'voting.closed');
    });
  });
}
