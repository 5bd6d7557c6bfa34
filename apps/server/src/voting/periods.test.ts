// The periods of the ballot box are the setup's (per mode, the dates on the letters), X re-votes
// are X + 1 ballots, and the PO's acts open and finally close a mode's period within the window.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { testDatabases, type TestStore } from '@isoloir/store/testing';
import { seedDevOfficials } from '../auth/dev-officials.ts';
import { testSession } from '../auth/testing/sessions.ts';
import { DEMO_DAY_ID, DEMO_ELECTION_ID } from '../demo/generate-demo.ts';
import { letterParagraphs } from '../preparation/letter-texts.ts';
import { voterActor } from '../secrets/pseudonyms.ts';
import { castBallot } from './cast.ts';
import { brusselsMidnight, maxBallotsOf, periodState, windowOf, type PeriodFacts } from './period.ts';
import { votingService } from './service.ts';
import { dateFrom, setTestWindow, SECOND_ELECTION_ID } from './test-election.ts';
import { votingFixture, type VotingFixture } from './voting-fixture.ts';

describe('the setup window in Belgian time', () => {
  test('a day begins at midnight in Brussels, winter (+01:00) and summer (+02:00), across the DST change', () => {
    assert.equal(brusselsMidnight('2029-01-15').toISOString(), '2029-01-14T23:00:00.000Z');
    assert.equal(brusselsMidnight('2029-06-01').toISOString(), '2029-05-31T22:00:00.000Z');
    // 25 March 2029: clocks go forward at 02:00; midnight is still +01:00, the next one +02:00.
    assert.equal(brusselsMidnight('2029-03-25').toISOString(), '2029-03-24T23:00:00.000Z');
    assert.equal(brusselsMidnight('2029-03-26').toISOString(), '2029-03-25T22:00:00.000Z');
  });

  test('both dates are included: the window ends when the day after `closes` begins', () => {
    const w = windowOf({ opens: '2029-06-01', closes: '2029-06-09' });
    assert.equal(w.opensAt.toISOString(), '2029-05-31T22:00:00.000Z');
    assert.equal(w.closesAt.toISOString(), '2029-06-09T22:00:00.000Z');
  });

  test('open only once the PO has opened, from the opening instant, until the closing instant excluded', () => {
    const window = windowOf({ opens: '2029-06-01', closes: '2029-06-09' });
    const opened: PeriodFacts = { window, openedAt: new Date('2029-05-20T00:00:00Z'), closedAt: null, maxBallots: 6 };
    const at = (iso: string, facts = opened): string => periodState(facts, new Date(iso));
    assert.equal(at('2029-05-31T21:59:59.999Z'), 'scheduled');
    assert.equal(at('2029-05-31T22:00:00.000Z'), 'open');
    assert.equal(at('2029-06-09T21:59:59.999Z'), 'open');
    assert.equal(at('2029-06-09T22:00:00.000Z'), 'ended');
    assert.equal(at('2029-06-05T12:00:00Z', { ...opened, openedAt: null }), 'scheduled');
    assert.equal(at('2029-06-05T12:00:00Z', { ...opened, closedAt: new Date('2029-06-04T00:00:00Z') }), 'closed');
    assert.equal(at('2029-06-05T12:00:00Z', { ...opened, window: undefined }), 'unscheduled');
  });

  test('X re-votes are X + 1 ballots online, one at a kiosk; the letter promises X re-votes', () => {
    assert.equal(maxBallotsOf('online', 5), 6);
    assert.equal(maxBallotsOf('online', 1), 2);
    assert.equal(maxBallotsOf('kiosk', 5), 1);
    const letter = letterParagraphs('convocation', 'en', {
      name: 'A',
      address: 'Rue 1',
      votingDate: '2029-06-10',
      mode: 7,
      period: { opens: '2029-06-01', closes: '2029-06-09' },
      revoteLimit: 5,
      kioskAddress: null,
      residentModes: [],
      portal: 'https://vote.example',
    });
    assert.ok(letter.paragraphs.some((p) => p.includes('vote again up to 5 times')));
  });
});

for (const database of testDatabases()) {
  describe(`ballot box periods on ${database.name}`, () => {
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

    test("the box reads the setup's online window: refused one millisecond before and at the closing, accepted at both edges inside", async () => {
      // Online: 1–9 June 2030; kiosk: 1–5 May 2030 (another window, which the online box ignores).
      await setTestWindow(store, SECOND_ELECTION_ID, { opens: '2030-06-01', closes: '2030-06-09' });
      await store.db
        .updateTable('election_day_settings')
        .set({
          mode_periods: JSON.stringify({
            hybrid: { opens: '2030-05-01', closes: '2030-06-05' },
            online: { opens: '2030-06-01', closes: '2030-06-09' },
            kiosk: { opens: '2030-05-01', closes: '2030-05-05' },
          }),
        })
        .where('election_day_id', '=', DEMO_DAY_ID)
        .execute();
      const service = votingService(store);
      const { nrn, session } = await f.voter('bruxelles-capitale', 3);
      const booth = await f.booth(session, SECOND_ELECTION_ID);
      const cast = async (iso: string): Promise<string> => {
        const result = await castBallot(service, {
          electionDayId: DEMO_DAY_ID,
          nrn,
          actor: voterActor(f.app.context.secret, DEMO_DAY_ID, nrn),
          electionId: SECOND_ELECTION_ID,
          body: f.encrypt(booth, { kind: 'blank' }).body,
          now: new Date(iso),
        });
        return result.ok ? 'accepted' : result.code;
      };
      assert.equal(await cast('2030-05-03T12:00:00Z'), 'voting.not-open'); // inside the kiosk window only
      assert.equal(await cast('2030-05-31T21:59:59.999Z'), 'voting.not-open');
      assert.equal(await cast('2030-05-31T22:00:00.000Z'), 'accepted');
      assert.equal(await cast('2030-06-09T21:59:59.999Z'), 'accepted');
      assert.equal(await cast('2030-06-09T22:00:00.000Z'), 'voting.closed');
    });

    test('X re-votes: X + 1 ballots accepted, the next refused; the portal says the same X + 1', async () => {
      await setTestWindow(
        store,
        DEMO_ELECTION_ID,
        { opens: dateFrom(new Date(), -1), closes: dateFrom(new Date(), 1) },
        1,
      );
      const { session } = await f.voter('hainaut', 2);
      const booth = await f.booth(session, DEMO_ELECTION_ID);
      const codes: number[] = [];
      for (let i = 0; i < 3; i += 1)
        codes.push((await f.cast(session, DEMO_ELECTION_ID, f.encrypt(booth, { kind: 'blank' }).body)).statusCode);
      assert.deepEqual(codes, [201, 201, 409]);
      const portal = (await f.app.inject({ url: '/api/voting/portal', headers: session.headers })).json<{
        elections: { electionId: string; used: number; period: { maxBallots: number } }[];
      }>();
      const chamber = portal.elections.find((e) => e.electionId === DEMO_ELECTION_ID);
      assert.equal(chamber?.period.maxBallots, 2);
      assert.equal(chamber.used, 2);
    });

    test('the PO opens within the window only, closing is final; a period never opened accepts nothing', async () => {
      await seedDevOfficials(store);
      const po = await testSession(store, { kind: 'official', officialId: 'dev-po-admin' });
      const url = `/api/voting/elections/${DEMO_ELECTION_ID}/period`;
      // The kiosk period of the day: in the window, but not opened by the PO.
      const list = (await f.app.inject({ url: '/api/voting/periods', headers: po.headers })).json<
        { electionId: string; mode: string; state: string; openedAt: string | null }[]
      >();
      const kiosk = list.find((p) => p.electionId === DEMO_ELECTION_ID && p.mode === 'kiosk');
      assert.equal(kiosk?.state, 'scheduled');
      assert.equal(kiosk.openedAt, null);
      // After the window: opening is refused.
      await setTestWindow(store, DEMO_ELECTION_ID, { opens: '2020-06-01', closes: '2020-06-09' });
      const late = await f.app.inject({
        method: 'POST',
        url,
        headers: po.headers,
        payload: { action: 'open', mode: 'kiosk' },
      });
      assert.equal(late.json<{ code: string }>().code, 'voting.closed');
      // Ahead of the window: opened, but the box stays shut until the window opens.
      await setTestWindow(store, DEMO_ELECTION_ID, { opens: '2099-06-01', closes: '2099-06-09' });
      const ahead = await f.app.inject({
        method: 'POST',
        url,
        headers: po.headers,
        payload: { action: 'open', mode: 'kiosk' },
      });
      assert.equal(ahead.statusCode, 200, ahead.body);
      assert.deepEqual(
        [ahead.json<{ state: string }>().state, ahead.json<{ opensAt: string }>().opensAt],
        ['scheduled', '2099-05-31T22:00:00.000Z'],
      );
      const closed = await f.app.inject({
        method: 'POST',
        url,
        headers: po.headers,
        payload: { action: 'close', mode: 'kiosk' },
      });
      assert.equal(closed.json<{ state: string }>().state, 'closed');
      const again = await f.app.inject({
        method: 'POST',
        url,
        headers: po.headers,
        payload: { action: 'open', mode: 'kiosk' },
      });
      assert.equal(again.json<{ code: string }>().code, 'voting.closed');
      const audit = await store.db
        .selectFrom('audit_log')
        .select(['action', 'details'])
        .where('subject', '=', DEMO_ELECTION_ID)
        .where('action', 'in', ['voting.period.opened', 'voting.period.closed'])
        .where('actor', '=', 'official:dev-po-admin')
        .orderBy('seq')
        .execute();
      assert.deepEqual(
        audit.map((a) => [a.action, (a.details as { mode: string }).mode]),
        [
          ['voting.period.opened', 'kiosk'],
          ['voting.period.closed', 'kiosk'],
        ],
      );
      // The legacy separate period's fields are gone: the PO cannot set other dates or another X.
      const schedule = await f.app.inject({
        method: 'POST',
        url,
        headers: po.headers,
        payload: { action: 'schedule', opensAt: '2099-01-01T00:00:00Z', closesAt: '2099-12-01T00:00:00Z' },
      });
      assert.equal(schedule.statusCode, 400);
    });
  });
}
