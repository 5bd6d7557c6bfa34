// The operations dashboard's figures: the PO sees the election, a main office's president only its
// constituency, nobody else anything; counts from 1 to the minimum anonymity set − 1 are hidden.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { openStore, type Store } from '@isoloir/store';
import { buildApp } from '../app.ts';
import type { AppInstance } from '../app-instance.ts';
import { seedDevOfficials } from '../auth/dev-officials.ts';
import { testSession } from '../auth/testing/sessions.ts';
import { DEMO_ELECTION_ID } from '../demo/generate-demo.ts';
import { seedDemoIfEmpty } from '../demo/seed-demo.ts';
import { auditRefusal } from '../voting/refusals.ts';
import { SoftKiosk } from '../kiosk/testing/soft-kiosk.ts';
import { suppress } from './suppress.ts';
import type { WatchFigures } from './figures.ts';

test('suppress: 0 stays, 1 … minimum − 1 hidden, the minimum and above shown', () => {
  assert.deepEqual(
    [0, 1, 9, 10, 11].map((n) => suppress(n, 10)),
    [0, null, null, 10, 11],
  );
});

describe('GET /api/watch/:electionId', () => {
  let store: Store;
  let app: AppInstance;
  const url = `/api/watch/${DEMO_ELECTION_ID}`;

  before(async () => {
    store = await openStore();
    await seedDemoIfEmpty(store, { voters: 200, abroadPerMille: 100, seed: 3 });
    await seedDevOfficials(store);
    app = await buildApp({ store });
  });
  after(async () => {
    await app.close();
    await store.close();
  });

  const get = async (officialId: string | null, path: string): Promise<{ status: number; body: string }> => {
    const headers = officialId === null ? {} : (await testSession(store, { kind: 'official', officialId })).headers;
    const r = await app.inject({ url: path, headers });
    return { status: r.statusCode, body: r.body };
  };

  test('refused to the public, to a voter, to other roles and to another constituency', async () => {
    assert.equal((await get(null, url)).status, 401);
    const voter = await testSession(store, { kind: 'voter' });
    assert.equal((await app.inject({ url, headers: voter.headers })).statusCode, 403);
    assert.equal((await get('dev-team-a-liege', `${url}?constituency=liege`)).status, 403);
    assert.equal((await get('dev-president-liege', url)).status, 403, 'a president sees only a constituency');
    assert.equal((await get('dev-president-liege', `${url}?constituency=namur`)).status, 403);
  });

  test('the PO sees the election (refusals included); the president its constituency (no refusals)', async () => {
    await auditRefusal(store, { actor: 'anonymous', electionId: DEMO_ELECTION_ID, code: 'voting.closed' }, new Date());
    const po = await get('dev-po-admin', url);
    assert.equal(po.status, 200, po.body);
    const f = JSON.parse(po.body) as WatchFigures;
    assert.equal(f.constituency, null);
    assert.ok(f.minimum >= 1);
    assert.ok(Array.isArray(f.refusals));
    // One refusal is below the minimum: hidden, never 1.
    assert.ok(f.minimum > 1);
    assert.deepEqual(f.refusals, [{ code: 'voting.closed', n: null }]);
    const president = await get('dev-president-liege', `${url}?constituency=liege`);
    assert.equal(president.status, 200, president.body);
    const p = JSON.parse(president.body) as WatchFigures;
    assert.equal(p.constituency, 'liege');
    assert.equal(p.refusals, null);
    assert.equal(p.kiosks, null, 'kiosks belong to the posts: the PO’s view only');
    assert.deepEqual(p.groups, { total: 0, mixed: 0, decrypted: 0, counted: 0 });
  });

  test('the PO sees every post’s kiosks: last heartbeat, ballots waiting on the kiosk, revoked', async () => {
    const operator = await testSession(store, { kind: 'official', officialId: 'dev-kiosk-paris' });
    const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
      app.inject({ method: 'POST', url: path, headers, payload: body as Record<string, unknown> });
    const kiosk = await SoftKiosk.create();
    const { code } = (await post('/api/kiosk/posts/paris/codes', {}, operator.headers)).json<{ code: string }>();
    const enrolled = await post('/api/kiosk/enrol', { code, publicKey: kiosk.publicKey, label: 'Paris booth 1' });
    assert.equal(enrolled.statusCode, 201, enrolled.body);
    kiosk.kioskId = enrolled.json<{ kioskId: string }>().kioskId;
    assert.equal((await post('/api/kiosk/heartbeat', await kiosk.signedRequest('heartbeat', 2))).statusCode, 200);
    const f = JSON.parse((await get('dev-po-admin', url)).body) as WatchFigures;
    assert.ok(f.kiosks !== null);
    assert.deepEqual(
      f.kiosks.map((k) => [k.post, k.label, k.queued, k.revoked, k.lastSeenAt !== null]),
      [['paris', 'Paris booth 1', 2, false, true]],
    );
  });
});
