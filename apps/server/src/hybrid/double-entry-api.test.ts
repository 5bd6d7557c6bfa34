// Team B's double data entry through the HTTP API (issue #16): two members encode a box, the second
// blind to the first; a difference goes to the president, who decides it; the attacker's side — one
// member making both entries, a member of another constituency, Team A, a president deciding where
// the entries agree — is refused; every step audited.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { makeNrn } from '@isoloir/electoral';
import { openStore, type Store } from '@isoloir/store';
import { buildApp } from '../app.ts';
import type { AppInstance } from '../app-instance.ts';
import { seedDevOfficials } from '../auth/dev-officials.ts';
import { confirmGrant, requestGrant } from '../auth/grants.ts';
import { createOfficial } from '../auth/officials.ts';
import { testSession, type TestSession } from '../auth/testing/sessions.ts';
import { seedDemoIfEmpty } from '../demo/seed-demo.ts';
import { DEMO_ELECTION_ID } from '../demo/generate-demo.ts';

const BOX = `/api/counting/contents/${DEMO_ELECTION_ID}/constituencies/liege/hybrid-boxes/abroad`;
const PROCESS = `/api/counting/process/${DEMO_ELECTION_ID}/constituencies/liege/hybrid-boxes/abroad`;
const headBox = (listId: string) => ({ paper: 'official', marks: [{ box: 'head', listId }] });

describe('double data entry of hybrid ballots over HTTP', () => {
  let store: Store;
  let app: AppInstance;
  let b1: TestSession;
  let b2: TestSession;
  let president: TestSession;
  let teamA: TestSession;

  before(async () => {
    store = await openStore();
    await seedDemoIfEmpty(store, { voters: 300, abroadPerMille: 100, seed: 17 });
    await seedDevOfficials(store);
    app = await buildApp({ store });
    const nrn = makeNrn({ year: 1975, month: 7, day: 8, sequence: 913 });
    assert.ok(nrn.ok);
    const second = await createOfficial(
      store.db,
      { nrn: nrn.value, givenName: 'Anne', surname: 'Second (DEMO-ONLY)' },
      'test',
    );
    // Given by two administrators (separation of duties): one asks, the second confirms.
    const request = await requestGrant(store.db, { officialId: 'dev-po-admin' }, second, {
      role: 'team-b',
      scope: 'liege',
    });
    await confirmGrant(store.db, { officialId: 'dev-po-admin-2' }, request);
    b1 = await testSession(store, { kind: 'official', officialId: 'dev-team-b-liege' });
    b2 = await testSession(store, { kind: 'official', officialId: second });
    president = await testSession(store, { kind: 'official', officialId: 'dev-president-liege' });
    teamA = await testSession(store, { kind: 'official', officialId: 'dev-team-a-liege' });
  });
  after(async () => {
    await app.close();
    await store.close();
  });

  const post = async (session: TestSession, url: string, payload: unknown) => {
    const r = await app.inject({ method: 'POST', url, headers: session.headers, payload: payload as object });
    return { statusCode: r.statusCode, body: r.json<Record<string, unknown>>() };
  };
  const get = async (session: TestSession, url: string) => {
    const r = await app.inject({ url, headers: session.headers });
    return { statusCode: r.statusCode, body: r.json<Record<string, unknown>>() };
  };

  test('two members, one difference decided by the president: done', async () => {
    for (const list of ['1', '2', '1'])
      assert.equal((await post(b1, `${BOX}/ballots`, { ballot: headBox(list) })).statusCode, 200);
    assert.equal((await post(b1, `${BOX}/finish`, { ballots: 4 })).body['code'], 'hybrid.entry-count-mismatch');
    assert.deepEqual((await post(b1, `${BOX}/finish`, { ballots: 3 })).body, { state: 'second-entry' });
    // The second member sees how far the box is, never the first entry's ballots.
    const seen = await get(b2, BOX);
    assert.deepEqual(seen.body, { state: 'second-entry', first: 3, second: 0 });
    assert.equal((await post(b1, `${BOX}/ballots`, { ballot: headBox('1') })).body['code'], 'hybrid.entry-same-member');
    for (const list of ['1', '3', '1']) {
      const r = await post(b2, `${BOX}/ballots`, { ballot: headBox(list) });
      assert.equal(r.body['entry'], 2);
    }
    assert.deepEqual((await post(b2, `${BOX}/finish`, { ballots: 3 })).body, { state: 'differences' });
    const found = await get(president, `${PROCESS}/differences`);
    assert.equal(found.statusCode, 200);
    assert.deepEqual(found.body, {
      state: 'differences',
      differences: [{ index: 1, first: headBox('2'), second: headBox('3'), decided: false }],
    });
    assert.equal(
      (await post(president, `${PROCESS}/differences/0`, { ballot: headBox('1') })).body['code'],
      'hybrid.entry-no-difference',
    );
    assert.deepEqual((await post(president, `${PROCESS}/differences/1`, { ballot: headBox('2') })).body, {
      state: 'done',
    });
    assert.deepEqual((await get(b1, BOX)).body, { state: 'done', first: 3, second: 3 });
    const audit = await store.db
      .selectFrom('audit_log')
      .select('action')
      .where('action', 'like', 'hybrid.entry.%')
      .execute();
    assert.equal(audit.length, 6 + 2 + 1);
  });

  test('Team A, another constituency and the second member on the differences are refused', async () => {
    assert.equal(
      (await post(teamA, `${BOX.replace('abroad', 'belgium')}/ballots`, { ballot: headBox('1') })).statusCode,
      403,
    );
    const namur = BOX.replace('liege', 'namur').replace('abroad', 'belgium');
    assert.equal((await post(b1, `${namur}/ballots`, { ballot: headBox('1') })).statusCode, 403);
    assert.equal((await get(b2, `${PROCESS}/differences`)).statusCode, 403);
    assert.equal((await get(teamA, BOX)).statusCode, 403);
  });
});
