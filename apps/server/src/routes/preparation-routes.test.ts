import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { openStore, type Store } from '@isoloir/store';
import { buildApp } from '../app.ts';
import type { AppInstance } from '../app-instance.ts';
import { testSession, type TestSession } from '../auth/testing/index.ts';
import { DEMO_DAY_ID, DEMO_ELECTION_ID } from '../demo/generate-demo.ts';
import { seedDemoIfEmpty } from '../demo/seed-demo.ts';
import {
  COMMUNE_HEADER,
  communeVoterLine,
  DEMO_SETUP,
  generateVoters,
  seedPreparationDemo,
} from '../preparation/demo-preparation.ts';

async function official(store: Store, id: string, role: string, scope: string | null): Promise<TestSession> {
  await store.db
    .insertInto('officials')
    .values({
      id,
      nrn: `900101${String(100 + Math.floor(Math.random() * 800)).padStart(3, '0')}00`.slice(0, 11),
      given_name: 'Test',
      surname: id,
    })
    .execute();
  await store.db
    .insertInto('role_assignments')
    .values({ id: `${id}-role`, official_id: id, role: role as 'po-admin', scope, granted_by: 'test' })
    .execute();
  return testSession(store, { kind: 'official', officialId: id });
}

describe('preparation API', () => {
  let store: Store;
  let app: AppInstance;
  let po: TestSession;
  let mons: TestSession;
  let paris: TestSession;
  const [v1, v2] = [...generateVoters(2, 3, 9000)];

  before(async () => {
    store = await openStore();
    await seedDemoIfEmpty(store, { voters: 10, abroadPerMille: 0, seed: 1 }, { prepare: false });
    await seedPreparationDemo(store);
    app = await buildApp({ store });
    po = await official(store, 'po', 'po-admin', null);
    mons = await official(store, 'mons', 'commune-official', '53053');
    paris = await official(store, 'paris', 'consular-official', 'paris');
  });
  after(async () => {
    await app.close();
    await store.close();
  });

  it('refuses the setup to anyone but the organising authority, and takes it from the PO', async () => {
    const denied = await app.inject({
      method: 'POST',
      url: '/api/preparation/setup',
      headers: mons.headers,
      payload: DEMO_SETUP,
    });
    assert.equal(denied.statusCode, 403);
    const bad = await app.inject({
      method: 'POST',
      url: '/api/preparation/setup',
      headers: po.headers,
      payload: { ...DEMO_SETUP, onlineRevoteLimit: 0 },
    });
    assert.equal(bad.statusCode, 400);
    assert.equal(bad.json<{ field: string }>().field, 'onlineRevoteLimit');
    const ok = await app.inject({
      method: 'POST',
      url: '/api/preparation/setup',
      headers: po.headers,
      payload: DEMO_SETUP,
    });
    assert.equal(ok.statusCode, 200);
  });

  it('imports a commune file streamed as CSV, scoped to the official’s commune, with a downloadable report', async () => {
    assert.ok(v1 !== undefined && v2 !== undefined);
    const body = COMMUNE_HEADER + communeVoterLine(v1, '53053', 0) + communeVoterLine(v2, '62063', 1);
    const other = await app.inject({
      method: 'POST',
      url: `/api/preparation/days/${DEMO_DAY_ID}/commune-voters?commune=62063`,
      headers: { ...mons.headers, 'content-type': 'text/csv' },
      payload: body,
    });
    assert.equal(other.statusCode, 403);
    const res = await app.inject({
      method: 'POST',
      url: `/api/preparation/days/${DEMO_DAY_ID}/commune-voters?commune=53053`,
      headers: { ...mons.headers, 'content-type': 'text/csv' },
      payload: body,
    });
    assert.equal(res.statusCode, 200, res.body);
    const report = res.json<{ importId: string; accepted: number; rejected: number }>();
    assert.deepEqual([report.accepted, report.rejected], [1, 1]);
    const csv = await app.inject({
      method: 'GET',
      url: `/api/preparation/imports/${report.importId}/rejections.csv`,
      headers: mons.headers,
    });
    assert.equal(csv.statusCode, 200);
    assert.equal(csv.body, 'line,column,code,value\r\n3,commune_nis,row.commune-scope,62063\r\n');
    const paris403 = await app.inject({
      method: 'GET',
      url: `/api/preparation/imports/${report.importId}/rejections.csv`,
      headers: paris.headers,
    });
    assert.equal(paris403.statusCode, 403);
    const latin1 = await app.inject({
      method: 'POST',
      url: `/api/preparation/days/${DEMO_DAY_ID}/commune-voters?commune=53053`,
      headers: { ...mons.headers, 'content-type': 'text/csv' },
      payload: Buffer.concat([Buffer.from(COMMUNE_HEADER), Buffer.from('x\xe9\n', 'latin1')]),
    });
    assert.equal(latin1.statusCode, 400);
    assert.deepEqual(latin1.json(), {
      code: 'file.encoding',
      message: 'The file is not UTF-8 text (is it Latin-1? Save it as UTF-8).',
      field: 'line 2',
    });
  });

  it('lets a voter in Belgium opt in to an open remote mode only', async () => {
    const voter = await testSession(store, { kind: 'voter' });
    const modes = await app.inject({
      method: 'GET',
      url: `/api/preparation/days/${DEMO_DAY_ID}/opt-in`,
      headers: voter.headers,
    });
    assert.deepEqual(modes.json<{ modes: { mode: number }[]; chosen: number | null }>(), {
      deadline: '2029-03-01',
      modes: [
        { mode: 6, optIn: true },
        { mode: 7, optIn: true },
      ],
      chosen: null,
    });
    const closed = await app.inject({
      method: 'POST',
      url: `/api/preparation/days/${DEMO_DAY_ID}/opt-in`,
      headers: voter.headers,
      payload: { mode: 8 },
    });
    assert.equal(closed.json<{ code: string }>().code, 'preparation.mode');
    const chosen = await app.inject({
      method: 'POST',
      url: `/api/preparation/days/${DEMO_DAY_ID}/opt-in`,
      headers: voter.headers,
      payload: { mode: 7 },
    });
    assert.equal(chosen.statusCode, 200);
    const again = await app.inject({
      method: 'GET',
      url: `/api/preparation/days/${DEMO_DAY_ID}/opt-in`,
      headers: voter.headers,
    });
    assert.equal(again.json<{ chosen: number }>().chosen, 7);
    const official = await app.inject({
      method: 'POST',
      url: `/api/preparation/days/${DEMO_DAY_ID}/opt-in`,
      headers: po.headers,
      payload: { mode: 7 },
    });
    assert.equal(official.statusCode, 403);
  });

  it('registers for the kiosk, consolidates, freezes and serves files and letters', async () => {
    assert.ok(v2 !== undefined);
    const registration = {
      nrn: v2.nrn,
      surname: v2.surname,
      givenNames: v2.givenNames,
      birthDate: v2.birthDate,
      sex: v2.sex,
      address: '1 rue de la Paix, Paris',
      country: 'FR',
      email: '',
      attachmentNis: '21004',
      language: v2.language,
      mode: 8,
      kioskPost: 'paris',
    };
    const wrongPost = await app.inject({
      method: 'POST',
      url: `/api/preparation/days/${DEMO_DAY_ID}/posts/kinshasa/registrations`,
      headers: paris.headers,
      payload: registration,
    });
    assert.equal(wrongPost.statusCode, 403);
    // The demo's deadline (1 March 2029) is in the future for this test's clock.
    const created = await app.inject({
      method: 'POST',
      url: `/api/preparation/days/${DEMO_DAY_ID}/posts/paris/registrations`,
      headers: paris.headers,
      payload: registration,
    });
    assert.equal(created.statusCode, 201, created.body);
    const consolidated = await app.inject({
      method: 'POST',
      url: `/api/preparation/days/${DEMO_DAY_ID}/consolidations`,
      headers: po.headers,
    });
    assert.equal(consolidated.json<{ voters: number }>().voters, 2);
    const lists = await app.inject({
      method: 'POST',
      url: `/api/preparation/elections/${DEMO_ELECTION_ID}/lists`,
      headers: po.headers,
      payload: {
        format: 'isoloir-lists/1',
        election: DEMO_ELECTION_ID,
        constituencies: [
          {
            code: 'luxembourg',
            lists: [
              {
                number: 1,
                label: 'A',
                effectives: [
                  { surname: 'X', givenName: 'Y', gender: 'F' },
                  { surname: 'Z', givenName: 'W', gender: 'F' },
                ],
              },
            ],
          },
        ],
      },
    });
    assert.equal(lists.statusCode, 422);
    assert.deepEqual(
      lists.json<{ violations: { rule: string }[] }>().violations.map((v) => v.rule),
      ['list.too-few-substitutes', 'list.first-two-same-gender', 'list.gender-balance'],
    );
    const frozen = await app.inject({
      method: 'POST',
      url: `/api/preparation/days/${DEMO_DAY_ID}/freeze`,
      headers: po.headers,
    });
    assert.equal(frozen.statusCode, 200, frozen.body);
    const published = await app.inject({ method: 'GET', url: `/api/preparation/days/${DEMO_DAY_ID}/mode-files` });
    assert.equal(
      published.json<{ modeFiles: { mode: number; voters: number }[] }>().modeFiles.find((f) => f.mode === 8)?.voters,
      1,
    );
    const file = await app.inject({
      method: 'GET',
      url: `/api/preparation/days/${DEMO_DAY_ID}/mode-files/8`,
      headers: po.headers,
    });
    assert.match(file.body, new RegExp(`^${v2.nrn},`, 'm'));
    const pdf = await app.inject({
      method: 'GET',
      url: `/api/preparation/days/${DEMO_DAY_ID}/letters/commune/53053`,
      headers: mons.headers,
    });
    assert.equal(pdf.statusCode, 200);
    assert.equal(pdf.rawPayload.subarray(0, 5).toString(), '%PDF-');
    const after = await app.inject({
      method: 'POST',
      url: `/api/preparation/days/${DEMO_DAY_ID}/posts/paris/registrations`,
      headers: paris.headers,
      payload: registration,
    });
    assert.equal(after.statusCode, 409);
  });
});
