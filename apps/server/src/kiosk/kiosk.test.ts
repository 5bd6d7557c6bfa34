// Kiosks at the consular posts (mode 8) over the real API, played by the post's operator, the kiosk
// (WebCrypto in node, as in the browser), the voter and the attacker: a reused enrolment code, an
// operator of another post, an unsigned or badly signed cast, a signature moved to another ballot,
// a revoked kiosk, a voter of another post's kiosk, a second visit, a replayed request (stored once),
// an online cast by a kiosk voter, and a cast after the PO closed the kiosk period.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { trackingCode } from '@isoloir/crypto';
import { testDatabases, type TestStore } from '@isoloir/store/testing';
import { seedDevOfficials } from '../auth/dev-officials.ts';
import { testSession, type TestSession } from '../auth/testing/sessions.ts';
import { DEMO_ELECTION_ID } from '../demo/generate-demo.ts';
import { changePeriod } from '../voting/periods.ts';
import { votingFixture, type VotingFixture } from '../voting/voting-fixture.ts';
import type { CastBody } from '../voting/wire.ts';
import { addKioskVoters, openKioskPeriod } from './testing/kiosk-voters.ts';
import { SoftKiosk } from './testing/soft-kiosk.ts';

type Answer = Awaited<ReturnType<VotingFixture['app']['inject']>>;
const codeOf = (r: Answer): string => (JSON.parse(r.body) as { code?: string }).code ?? '';

for (const database of testDatabases()) {
  describe(`kiosks at the consular posts on ${database.name}`, () => {
    let store: TestStore;
    let f: VotingFixture;
    let operator: TestSession;
    let paris: string[];
    let newYork: string[];
    let kiosk: SoftKiosk;

    const post = (url: string, body: unknown, headers: Record<string, string> = {}) =>
      f.app.inject({ method: 'POST', url, headers, payload: body as Record<string, unknown> });

    const enrol = async (k: SoftKiosk, label: string): Promise<void> => {
      const issued = await post('/api/kiosk/posts/paris/codes', {}, operator.headers);
      assert.equal(issued.statusCode, 201, issued.body);
      const { code } = issued.json<{ code: string }>();
      const enrolled = await post('/api/kiosk/enrol', { code, publicKey: k.publicKey, label });
      assert.equal(enrolled.statusCode, 201, enrolled.body);
      k.kioskId = enrolled.json<{ kioskId: string }>().kioskId;
    };

    /** The voter logs in on the kiosk, the kiosk opens their visit. */
    const visit = async (k: SoftKiosk, nrn: string) => {
      const session = await testSession(store, { kind: 'voter', nrn, level: 500 });
      const opened = await post('/api/kiosk/visits', await k.signedRequest('visit'), session.headers);
      return { session, opened };
    };

    /** The sealed ballot of the Chamber and the kiosk's request for it (signed unless told). */
    const seal = async (k: SoftKiosk, session: TestSession, token: string, electionDayId: string) => {
      const booth = await f.booth(session, DEMO_ELECTION_ID);
      const body: CastBody = f.encrypt(booth, { kind: 'blank' }, randomUUID()).body;
      const ballot = { electionId: DEMO_ELECTION_ID, ...body };
      const signature = await k.signBallots({
        electionDayId,
        visit: token,
        ballots: [{ electionId: DEMO_ELECTION_ID, ballotId: body.ballotId, trackingCode: trackingCode(ballot) }],
      });
      return { kioskId: k.kioskId, visit: token, signature, ballots: [ballot] };
    };

    const kioskBallots = async (nrn: string): Promise<number> =>
      Number(
        (
          await store.db
            .selectFrom('ballots')
            .select((eb) => eb.fn.countAll<string>().as('n'))
            .where('voter_nrn', '=', nrn)
            .where('mode', '=', 'kiosk')
            .executeTakeFirstOrThrow()
        ).n,
      );

    before(async () => {
      store = await database.open();
      f = await votingFixture(store);
      await seedDevOfficials(store);
      await openKioskPeriod(store, DEMO_ELECTION_ID);
      paris = await addKioskVoters(store, 'paris', 4);
      newYork = await addKioskVoters(store, 'new-york', 1, 4);
      operator = await testSession(store, { kind: 'official', officialId: 'dev-kiosk-paris' });
      kiosk = await SoftKiosk.create();
    });
    after(async () => {
      await f.app.close();
      await store.close();
    });

    test('the operator enrols a kiosk with a one-time code; the code serves once; another post is forbidden', async () => {
      const issued = await post('/api/kiosk/posts/paris/codes', {}, operator.headers);
      const { code } = issued.json<{ code: string }>();
      const enrolled = await post('/api/kiosk/enrol', { code, publicKey: kiosk.publicKey, label: 'Paris 1' });
      assert.equal(enrolled.statusCode, 201, enrolled.body);
      kiosk.kioskId = enrolled.json<{ kioskId: string }>().kioskId;
      const other = await SoftKiosk.create();
      const again = await post('/api/kiosk/enrol', { code, publicKey: other.publicKey, label: 'Paris 2' });
      assert.equal(codeOf(again), 'kiosk.code-invalid');
      const foreign = await post('/api/kiosk/posts/new-york/codes', {}, operator.headers);
      assert.equal(codeOf(foreign), 'auth.forbidden');
      const listed = await f.app.inject({ url: '/api/kiosk/posts/paris/kiosks', headers: operator.headers });
      assert.deepEqual(
        listed.json<{ kiosks: { id: string; label: string }[] }>().kiosks.map((k) => [k.id, k.label]),
        [[kiosk.kioskId, 'Paris 1']],
      );
      const beat = await post('/api/kiosk/heartbeat', await kiosk.signedRequest('heartbeat', 3));
      assert.equal(beat.statusCode, 200, beat.body);
      const after3 = await f.app.inject({ url: '/api/kiosk/posts/paris/kiosks', headers: operator.headers });
      assert.equal(after3.json<{ kiosks: { queued: number }[] }>().kiosks[0]?.queued, 3);
    });

    test('a kiosk voter votes once; the same request again is answered the same, stored once; a second visit is refused', async () => {
      const nrn = paris[0] ?? '';
      const { session, opened } = await visit(kiosk, nrn);
      assert.equal(opened.statusCode, 201, opened.body);
      const { visit: token, electionDayId } = opened.json<{ visit: string; electionDayId: string }>();
      const request = await seal(kiosk, session, token, electionDayId);
      const cast = await post('/api/kiosk/ballots', request);
      assert.equal(cast.statusCode, 201, cast.body);
      const replay = await post('/api/kiosk/ballots', request);
      assert.equal(replay.statusCode, 200, replay.body);
      assert.deepEqual(
        replay.json<{ receipts: { trackingCode: string }[] }>().receipts.map((r) => r.trackingCode),
        cast.json<{ receipts: { trackingCode: string }[] }>().receipts.map((r) => r.trackingCode),
      );
      assert.equal(await kioskBallots(nrn), 1);
      const stored = await store.db
        .selectFrom('kiosk_ballots')
        .select(['kiosk_id', 'signature'])
        .where('ballot_id', '=', request.ballots[0]?.ballotId ?? '')
        .execute();
      assert.deepEqual(stored, [{ kiosk_id: kiosk.kioskId, signature: request.signature }]);
      const audit = await store.db
        .selectFrom('audit_log')
        .select('details')
        .where('action', '=', 'ballot.cast')
        .execute();
      assert.ok(audit.some((a) => JSON.stringify(a.details).includes(kiosk.kioskId)));
      // Second visit: refused at once; and a new ballot under the old visit is refused too.
      const second = await visit(kiosk, nrn);
      assert.equal(codeOf(second.opened), 'kiosk.already-voted');
      const more = await post('/api/kiosk/ballots', await seal(kiosk, session, token, electionDayId));
      assert.equal(codeOf(more), 'kiosk.already-voted');
      assert.equal(await kioskBallots(nrn), 1);
    });

    test('unsigned, badly signed and moved signatures are refused; nothing stored', async () => {
      const nrn = paris[1] ?? '';
      const { session, opened } = await visit(kiosk, nrn);
      const { visit: token, electionDayId } = opened.json<{ visit: string; electionDayId: string }>();
      const request = await seal(kiosk, session, token, electionDayId);
      const { signature: _dropped, ...unsigned } = request;
      assert.equal(codeOf(await post('/api/kiosk/ballots', unsigned)), 'kiosk.unsigned');
      const impostor = await SoftKiosk.create();
      impostor.kioskId = kiosk.kioskId;
      const forged = await seal(impostor, session, token, electionDayId);
      assert.equal(codeOf(await post('/api/kiosk/ballots', forged)), 'kiosk.signature-invalid');
      // The kiosk's signature over one ballot, sent with another ballot of the same voter.
      const other = await seal(kiosk, session, token, electionDayId);
      assert.equal(
        codeOf(await post('/api/kiosk/ballots', { ...request, ballots: other.ballots })),
        'kiosk.signature-invalid',
      );
      const unsignedVisit = await post(
        '/api/kiosk/visits',
        { kioskId: kiosk.kioskId, at: new Date().toISOString() },
        session.headers,
      );
      assert.equal(codeOf(unsignedVisit), 'kiosk.unsigned');
      assert.equal(await kioskBallots(nrn), 0);
    });

    test("a voter of another post's kiosk and a voter not registered for the kiosk are refused at the visit", async () => {
      assert.equal(codeOf((await visit(kiosk, newYork[0] ?? '')).opened), 'kiosk.foreign-post');
      const online = await f.voter('bruxelles-capitale');
      const refused = await post('/api/kiosk/visits', await kiosk.signedRequest('visit'), online.session.headers);
      assert.equal(codeOf(refused), 'kiosk.not-registered');
    });

    test('a revoked kiosk can send nothing, not even a sealed ballot of an earlier visit', async () => {
      const second = await SoftKiosk.create();
      await enrol(second, 'Paris 2');
      const nrn = paris[2] ?? '';
      const { session, opened } = await visit(second, nrn);
      const { visit: token, electionDayId } = opened.json<{ visit: string; electionDayId: string }>();
      const request = await seal(second, session, token, electionDayId);
      const revoked = await post(`/api/kiosk/posts/paris/kiosks/${second.kioskId}/revoke`, {}, operator.headers);
      assert.equal(revoked.statusCode, 204, revoked.body);
      assert.equal(codeOf(await post('/api/kiosk/ballots', request)), 'kiosk.revoked');
      assert.equal(
        codeOf(await post('/api/kiosk/heartbeat', await second.signedRequest('heartbeat', 0))),
        'kiosk.revoked',
      );
      assert.equal(await kioskBallots(nrn), 0);
    });

    test('after the PO closed the kiosk period, a kiosk ballot is refused', async () => {
      const nrn = paris[3] ?? '';
      const { session, opened } = await visit(kiosk, nrn);
      const { visit: token, electionDayId } = opened.json<{ visit: string; electionDayId: string }>();
      const request = await seal(kiosk, session, token, electionDayId);
      const closed = await changePeriod(store.db, DEMO_ELECTION_ID, 'kiosk', 'close', 'official:test', new Date());
      assert.equal(closed.ok, true);
      assert.equal(codeOf(await post('/api/kiosk/ballots', request)), 'voting.closed');
      assert.equal(await kioskBallots(nrn), 0);
    });
  });
}
