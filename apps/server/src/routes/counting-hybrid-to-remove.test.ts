// The inner envelopes Team A must take out of the boxes (issue #16): an envelope accepted before a
// polling-station list names its voter is listed by box and order number once the list is in (the
// polling-station vote is kept), for Team A of that constituency only; nothing else is listed.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { openStore, type Store } from '@isoloir/store';
import { buildApp } from '../app.ts';
import type { AppInstance } from '../app-instance.ts';
import { seedDevOfficials } from '../auth/dev-officials.ts';
import { testSession, type TestSession } from '../auth/testing/sessions.ts';
import { seedDemoIfEmpty } from '../demo/seed-demo.ts';
import { DEMO_DAY_ID, DEMO_ELECTION_ID } from '../demo/generate-demo.ts';
import { issueKcode } from '../hybrid/kcodes.ts';
import { keyedHashFrom } from '../hybrid/keyed-hash.ts';
import { openTestHybridPeriod } from '../hybrid/test-hybrid.ts';

const BASE = `/api/counting/identities/${DEMO_DAY_ID}`;

describe('inner envelopes to take out of the boxes', () => {
  let store: Store;
  let app: AppInstance;
  let teamA: TestSession;
  let liege: string[];

  before(async () => {
    store = await openStore();
    await seedDemoIfEmpty(store, { voters: 1500, abroadPerMille: 100, seed: 16 });
    await seedDevOfficials(store);
    await openTestHybridPeriod(store, DEMO_DAY_ID);
    app = await buildApp({ store });
    teamA = await testSession(store, { kind: 'official', officialId: 'dev-team-a-liege' });
    const rows = await store.db
      .selectFrom('frozen_voter_places')
      .select(['nrn', 'choices'])
      .where('election_id', '=', DEMO_ELECTION_ID)
      .where('mode', '=', 6)
      .orderBy('nrn')
      .execute();
    liege = rows.filter((r) => r.choices[0] === 'liege').map((r) => r.nrn);
    assert.ok(liege.length >= 2, `hybrid voters of Liège: ${String(liege.length)}`);
  });
  after(async () => {
    await app.close();
    await store.close();
  });

  const toRemove = async (office = 'liege') => {
    const r = await app.inject({
      url: `${BASE}/constituencies/${office}/hybrid-envelopes/to-remove`,
      headers: teamA.headers,
    });
    return { statusCode: r.statusCode, body: r.json<Record<string, unknown>>() };
  };
  const receive = async (nrn: string) => {
    const { code } = await issueKcode(store, keyedHashFrom(app.context.secret), DEMO_DAY_ID, nrn, new Date());
    const r = await app.inject({
      method: 'POST',
      url: `${BASE}/constituencies/liege/hybrid-envelopes`,
      headers: teamA.headers,
      payload: { code },
    });
    assert.equal(r.statusCode, 200, r.body);
    return r.json<{ outcome: string; box: string; boxOrder: number }>();
  };

  test('accepted, then named by a polling-station list: listed by box and order number; the other stays in', async () => {
    const kept = await receive(liege[0] ?? '');
    const cancelled = await receive(liege[1] ?? '');
    assert.deepEqual([kept.outcome, cancelled.outcome], ['accepted', 'accepted']);
    assert.deepEqual((await toRemove()).body, { envelopes: [] });
    const list = await app.inject({
      method: 'POST',
      url: `${BASE}/polling-stations`,
      headers: teamA.headers,
      payload: { station: 'BV 40 Liège', csv: `nrn\n${liege[1] ?? ''}\n` },
    });
    assert.equal(list.statusCode, 200, list.body);
    assert.deepEqual((await toRemove()).body, {
      envelopes: [{ box: cancelled.box, boxOrder: cancelled.boxOrder }],
    });
  });

  test('Team A of another constituency is refused', async () => {
    assert.equal((await toRemove('namur')).statusCode, 403);
  });
});
