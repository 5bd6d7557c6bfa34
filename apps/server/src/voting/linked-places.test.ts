// A linked place (./linked-places.ts): the Brussels members of the Flemish Parliament are elected only
// by the Brussels voters who do not vote for the French language group (special act of 12 January
// 1989 art. 14 al. 2). The attacker is the voter's own device: a Flemish ballot sent alone or beside
// a French-group Brussels ballot is refused, nothing stored; a later French-group cast cancels the
// earlier Flemish ballot in the same transaction, with its evidence and audit entry; a later
// Dutch-group cast with a new Flemish ballot counts again. A place that is not linked is never cancelled.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { testDatabases, type TestStore } from '@isoloir/store/testing';
import type { TestSession } from '../auth/testing/sessions.ts';
import {
  addLinkedElections,
  addThirdElection,
  LINKED_FLEMISH_ID,
  LINKED_GROUPS_ID,
  openTestPeriod,
  publishTestKey,
  SECOND_ELECTION_ID,
  THIRD_ELECTION_ID,
} from './test-election.ts';
import { votingFixture, type Booth, type VotingFixture } from './voting-fixture.ts';
import type { CastBody } from './wire.ts';

const BRUSSELS = LINKED_GROUPS_ID;
const FLEMISH = LINKED_FLEMISH_ID;
const DUTCH = 'groupe-neerlandais';
const FRENCH = 'groupe-francais';

for (const database of testDatabases()) {
  describe(`a place linked to the Brussels language group on ${database.name}`, () => {
    let store: TestStore;
    let f: VotingFixture;
    before(async () => {
      store = await database.open();
      f = await votingFixture(store);
      await addThirdElection(store);
      await addLinkedElections(store);
      for (const id of [THIRD_ELECTION_ID, BRUSSELS, FLEMISH]) {
        f.keys.set(id, await publishTestKey(store, id));
        await openTestPeriod(store, id, 3);
      }
    });
    after(async () => {
      await f.app.close();
      await store.close();
    });

    /** A resident of commune 21004: their Flemish place (test) requires the Dutch group. */
    const brusselsVoter = (skip: number) => f.voter('bruxelles-capitale', skip);

    async function seal(session: TestSession, electionId: string, constituency?: string): Promise<CastBody> {
      const query = constituency === undefined ? '' : `?constituency=${constituency}`;
      const response = await f.app.inject({
        url: `/api/voting/elections/${electionId}/booth${query}`,
        headers: session.headers,
      });
      assert.equal(response.statusCode, 200, response.body);
      return f.encrypt(response.json<Booth>(), { kind: 'blank' }, randomUUID()).body;
    }

    const cast = (session: TestSession, ballots: { electionId: string; body: CastBody }[]) =>
      f.app.inject({
        method: 'POST',
        url: '/api/voting/ballots',
        headers: session.headers,
        payload: { ballots: ballots.map((b) => ({ electionId: b.electionId, ...b.body })) },
      });

    const ballotsOf = async (nrn: string) =>
      store.db
        .selectFrom('ballots')
        .select(['id', 'election_id', 'constituency_code', 'status', 'cancellation_reason', 'cancelled_by'])
        .where('voter_nrn', '=', nrn)
        .where('election_id', 'in', [BRUSSELS, FLEMISH])
        .orderBy('received_at')
        .orderBy('election_id')
        .execute();

    test('the portal names the link; a Flemish ballot alone or beside a French-group ballot is refused, nothing stored', async () => {
      const { nrn, session } = await brusselsVoter(11);
      const portal = (await f.app.inject({ url: '/api/voting/portal', headers: session.headers })).json<{
        elections: { electionId: string; requires: { electionId: string; constituency: string } | null }[];
      }>();
      const requires = new Map(portal.elections.map((e) => [e.electionId, e.requires]));
      assert.deepEqual(requires.get(FLEMISH), { electionId: BRUSSELS, constituency: DUTCH });
      assert.equal(requires.get(BRUSSELS), null);

      const alone = await cast(session, [{ electionId: FLEMISH, body: await seal(session, FLEMISH) }]);
      assert.equal(alone.statusCode, 400);
      assert.equal(alone.json<{ code: string }>().code, 'ballot.linked-choice');
      const withFrench = await cast(session, [
        { electionId: BRUSSELS, body: await seal(session, BRUSSELS, FRENCH) },
        { electionId: FLEMISH, body: await seal(session, FLEMISH) },
      ]);
      assert.equal(withFrench.statusCode, 400);
      assert.equal(withFrench.json<{ code: string }>().code, 'ballot.linked-choice');
      assert.deepEqual(await ballotsOf(nrn), []);
    });

    test('Dutch group with the Flemish ballot, then the French group: the Flemish ballot is cancelled with its evidence; Dutch again counts again', async () => {
      const { nrn, session } = await brusselsVoter(12);
      const first = await cast(session, [
        { electionId: BRUSSELS, body: await seal(session, BRUSSELS, DUTCH) },
        { electionId: FLEMISH, body: await seal(session, FLEMISH) },
      ]);
      assert.equal(first.statusCode, 201, first.body);
      const flemish = (await ballotsOf(nrn)).find((b) => b.election_id === FLEMISH);
      assert.ok(flemish !== undefined);
      assert.equal(flemish.status, 'received');

      const french = await seal(session, BRUSSELS, FRENCH);
      const second = await cast(session, [{ electionId: BRUSSELS, body: french }]);
      assert.equal(second.statusCode, 201, second.body);
      const after = await ballotsOf(nrn);
      const cancelled = after.find((b) => b.id === flemish.id);
      assert.ok(cancelled !== undefined);
      assert.equal(cancelled.status, 'cancelled');
      assert.equal(cancelled.cancellation_reason, 'french-language-group');
      assert.equal(cancelled.cancelled_by, french.ballotId);
      const audit = await store.db
        .selectFrom('audit_log')
        .select(['subject', 'details'])
        .where('action', '=', 'ballot.cancelled')
        .where('subject', '=', FLEMISH)
        .execute();
      assert.ok(
        audit.some((a) => (a.details as { ballotId?: string }).ballotId === flemish.id),
        'the cancellation is audited',
      );
      const status = (await f.app.inject({ url: '/api/voting/portal', headers: session.headers })).json<{
        elections: { electionId: string; ballots: { status: string; cancellationReason: string | null }[] }[];
      }>();
      assert.deepEqual(
        status.elections.find((e) => e.electionId === FLEMISH)?.ballots.map((b) => [b.status, b.cancellationReason]),
        [['cancelled', 'french-language-group']],
      );

      const third = await cast(session, [
        { electionId: BRUSSELS, body: await seal(session, BRUSSELS, DUTCH) },
        { electionId: FLEMISH, body: await seal(session, FLEMISH) },
      ]);
      assert.equal(third.statusCode, 201, third.body);
      const last = await ballotsOf(nrn);
      assert.deepEqual(
        last.filter((b) => b.election_id === FLEMISH).map((b) => [b.status, b.cancellation_reason]),
        [
          ['cancelled', 'french-language-group'],
          ['received', null],
        ],
      );
      assert.deepEqual(
        last.filter((b) => b.election_id === BRUSSELS).map((b) => [b.constituency_code, b.status]),
        [
          [DUTCH, 'superseded'],
          [FRENCH, 'superseded'],
          [DUTCH, 'received'],
        ],
      );
    });

    test('a Dutch-group re-vote without a new Flemish ballot keeps the Flemish one; an unlinked place is never cancelled', async () => {
      const linked = await brusselsVoter(13);
      assert.equal(
        (
          await cast(linked.session, [
            { electionId: BRUSSELS, body: await seal(linked.session, BRUSSELS, DUTCH) },
            { electionId: FLEMISH, body: await seal(linked.session, FLEMISH) },
          ])
        ).statusCode,
        201,
      );
      assert.equal(
        (await cast(linked.session, [{ electionId: BRUSSELS, body: await seal(linked.session, BRUSSELS, DUTCH) }]))
          .statusCode,
        201,
      );
      assert.deepEqual(
        (await ballotsOf(linked.nrn)).filter((b) => b.election_id === FLEMISH).map((b) => b.status),
        ['received'],
      );

      // Elections whose places are not linked (the test's other Brussels and Flemish parliaments):
      // the French group here cancels nothing there.
      const free = await brusselsVoter(14);
      assert.equal(
        (
          await cast(free.session, [
            { electionId: SECOND_ELECTION_ID, body: await seal(free.session, SECOND_ELECTION_ID) },
            { electionId: THIRD_ELECTION_ID, body: await seal(free.session, THIRD_ELECTION_ID) },
          ])
        ).statusCode,
        201,
      );
      assert.equal(
        (await cast(free.session, [{ electionId: BRUSSELS, body: await seal(free.session, BRUSSELS, FRENCH) }]))
          .statusCode,
        201,
      );
      const kept = await store.db
        .selectFrom('ballots')
        .select(['election_id', 'status'])
        .where('voter_nrn', '=', free.nrn)
        .where('election_id', 'in', [SECOND_ELECTION_ID, THIRD_ELECTION_ID])
        .orderBy('election_id')
        .execute();
      assert.deepEqual(
        kept.map((b) => [b.election_id, b.status]),
        [
          [SECOND_ELECTION_ID, 'received'],
          [THIRD_ELECTION_ID, 'received'],
        ],
      );
    });
  });
}
