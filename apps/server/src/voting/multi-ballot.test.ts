// Several elections in one request: a Brussels voter's three ballots are cast together and accepted
// or refused as a whole, with one audit entry per ballot; a retry returns the same receipts. The
// attacker is the voter's own device: a ballot for an election or constituency the voter may not vote
// in, or one election's sealed ballot posted for another, refuses the whole request, nothing stored.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { testDatabases, type TestStore } from '@isoloir/store/testing';
import { DEMO_DAY_ID, DEMO_ELECTION_ID } from '../demo/generate-demo.ts';
import { voterActor } from '../secrets/pseudonyms.ts';
import type { TestSession } from '../auth/testing/sessions.ts';
import type { CastReceipt } from './cast.ts';
import { verifyReceipt } from './receipt.ts';
import {
  addThirdElection,
  openTestPeriod,
  publishTestKey,
  SECOND_ELECTION_ID,
  THIRD_ELECTION_ID,
} from './test-election.ts';
import { votingFixture, type VotingFixture } from './voting-fixture.ts';
import type { CastBody } from './wire.ts';

const THREE = [DEMO_ELECTION_ID, SECOND_ELECTION_ID, THIRD_ELECTION_ID];

for (const database of testDatabases()) {
  describe(`several elections in one request on ${database.name}`, () => {
    let store: TestStore;
    let f: VotingFixture;
    before(async () => {
      store = await database.open();
      f = await votingFixture(store);
      await addThirdElection(store);
      f.keys.set(THIRD_ELECTION_ID, await publishTestKey(store, THIRD_ELECTION_ID));
      await openTestPeriod(store, THIRD_ELECTION_ID, 2);
    });
    after(async () => {
      await f.app.close();
      await store.close();
    });

    async function sealAll(session: TestSession, elections = THREE): Promise<{ electionId: string; body: CastBody }[]> {
      const sealed = [];
      for (const electionId of elections)
        sealed.push({
          electionId,
          body: f.encrypt(await f.booth(session, electionId), {
            kind: 'list',
            list: 1,
            headBox: true,
            effectives: [],
            substitutes: [],
          }).body,
        });
      return sealed;
    }
    const castAll = (session: TestSession, ballots: { electionId: string; body: CastBody }[]) =>
      f.app.inject({
        method: 'POST',
        url: '/api/voting/ballots',
        headers: session.headers,
        payload: { ballots: ballots.map((b) => ({ electionId: b.electionId, ...b.body })) },
      });
    const stored = async (nrn: string): Promise<string[]> =>
      (
        await store.db
          .selectFrom('ballots')
          .select(['election_id', 'status'])
          .where('voter_nrn', '=', nrn)
          .orderBy('election_id')
          .orderBy('sequence')
          .execute()
      ).map((b) => `${b.election_id}:${b.status}`);

    test('three ballots cast together: three receipts, three audit entries on one chain, a retry returns the same receipts', async () => {
      const { nrn, session } = await f.voter('bruxelles-capitale', 5);
      const portal = (await f.app.inject({ url: '/api/voting/portal', headers: session.headers })).json<{
        elections: { electionId: string; online: boolean }[];
      }>();
      assert.deepEqual(
        portal.elections
          .filter((e) => e.online)
          .map((e) => e.electionId)
          .sort(),
        [...THREE].sort(),
      );
      const ballots = await sealAll(session);
      const first = await castAll(session, ballots);
      assert.equal(first.statusCode, 201, first.body);
      const receipts = first.json<{ receipts: CastReceipt[] }>().receipts;
      assert.deepEqual(
        receipts.map((r) => r.electionId),
        THREE,
      );
      const key = (await f.app.inject('/api/voting/receipt-key')).json<{ publicKey: string }>();
      for (const r of receipts) assert.ok(verifyReceipt(key.publicKey, r));
      const audit = await store.db
        .selectFrom('audit_log')
        .select(['subject', 'shard', 'shard_seq'])
        .where('action', '=', 'ballot.cast')
        .where('actor', '=', voterActor(f.app.context.secret, DEMO_DAY_ID, nrn))
        .orderBy('seq')
        .execute();
      assert.deepEqual(
        audit.map((a) => a.subject),
        THREE,
      );
      assert.equal(new Set(audit.map((a) => a.shard)).size, 1);
      assert.deepEqual(
        audit.map((a) => Number(a.shard_seq) - Number(audit[0]?.shard_seq)),
        [0, 1, 2],
      );
      const retry = await castAll(session, ballots);
      assert.equal(retry.statusCode, 200);
      assert.deepEqual(
        retry.json<{ receipts: CastReceipt[] }>().receipts.map((r) => [r.trackingCode, r.signature, r.replayed]),
        receipts.map((r) => [r.trackingCode, r.signature, true]),
      );
      assert.deepEqual(await stored(nrn), THREE.map((e) => `${e}:received`).sort());
    });

    test('all or nothing: one ballot refused (limit reached in one election) and no ballot of the request is stored', async () => {
      const { nrn, session } = await f.voter('bruxelles-capitale', 6);
      // X = 2: three Brussels Parliament ballots use up that election.
      for (let i = 0; i < 3; i += 1)
        assert.equal((await castAll(session, await sealAll(session, [SECOND_ELECTION_ID]))).statusCode, 201);
      const refused = await castAll(session, await sealAll(session));
      assert.equal(refused.statusCode, 409);
      assert.deepEqual(
        [refused.json<{ code: string }>().code, refused.json<{ field: string }>().field],
        ['voting.limit-reached', SECOND_ELECTION_ID],
      );
      assert.deepEqual(await stored(nrn), [
        `${SECOND_ELECTION_ID}:superseded`,
        `${SECOND_ELECTION_ID}:superseded`,
        `${SECOND_ELECTION_ID}:received`,
      ]);
      const audit = await store.db
        .selectFrom('audit_log')
        .select('details')
        .where('action', '=', 'ballot.refused')
        .where('actor', '=', voterActor(f.app.context.secret, DEMO_DAY_ID, nrn))
        .execute();
      assert.deepEqual(
        audit.map((a) => (a.details as { code: string }).code),
        ['voting.limit-reached'],
      );
    });

    test('attacker device: a ballot for an election the voter may not vote in refuses the whole request', async () => {
      // A Liège voter has the Chamber only; the device adds a Brussels Parliament ballot sealed with
      // the voter's own pseudonym and a valid proof.
      const { nrn, session } = await f.voter('liege', 4);
      const chamber = await f.booth(session, DEMO_ELECTION_ID);
      const key = f.keys.get(SECOND_ELECTION_ID);
      assert.ok(key !== undefined);
      const forged = f.encrypt(
        {
          election: { electionId: SECOND_ELECTION_ID, constituency: { code: 'bruxelles-capitale' } },
          voterId: chamber.voterId,
        },
        { kind: 'blank' },
      ).body;
      const response = await castAll(session, [
        { electionId: DEMO_ELECTION_ID, body: f.encrypt(chamber, { kind: 'blank' }).body },
        { electionId: SECOND_ELECTION_ID, body: forged },
      ]);
      assert.equal(response.statusCode, 403);
      assert.deepEqual(
        [response.json<{ code: string }>().code, response.json<{ field: string }>().field],
        ['voting.not-eligible', SECOND_ELECTION_ID],
      );
      assert.deepEqual(await stored(nrn), []);
    });

    test("attacker device: another constituency, one election's sealed ballot reused for another, the same election twice", async () => {
      const { nrn, session } = await f.voter('bruxelles-capitale', 7);
      const ballots = await sealAll(session);
      const [chamber, brussels] = ballots;
      assert.ok(chamber !== undefined && brussels !== undefined);
      // The Chamber ballot, relabelled as the Brussels Parliament's (same width, same constituency code).
      const reused = await castAll(session, [chamber, { electionId: SECOND_ELECTION_ID, body: chamber.body }]);
      assert.ok(['ballot.proof-invalid', 'ballot.width'].includes(reused.json<{ code: string }>().code), reused.body);
      // A ballot claiming another constituency than the voter's.
      const other = await castAll(session, [
        { electionId: DEMO_ELECTION_ID, body: { ...chamber.body, constituency: 'liege' } },
      ]);
      assert.equal(other.json<{ code: string }>().code, 'ballot.wrong-constituency');
      const twice = await castAll(session, [chamber, { electionId: DEMO_ELECTION_ID, body: brussels.body }]);
      assert.equal(twice.json<{ code: string }>().code, 'ballot.same-election');
      assert.deepEqual(await stored(nrn), []);
      // The honest request still goes through afterwards.
      assert.equal((await castAll(session, ballots)).statusCode, 201);
    });
  });
}
