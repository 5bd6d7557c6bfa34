import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { testDatabases, type TestStore } from '@isoloir/store/testing';
import { buildApp } from './app.ts';
import type { AppInstance } from './app-instance.ts';
import { DEMO_ELECTION_ID } from './demo/generate-demo.ts';
import { seedDemoIfEmpty } from './demo/seed-demo.ts';

const SMALL_DEMO = { voters: 300, abroadPerMille: 100, seed: 7 };

for (const database of testDatabases()) {
  describe(`server on ${database.name}`, () => {
    let store: TestStore;
    let app: AppInstance;

    before(async () => {
      store = await database.open();
      await seedDemoIfEmpty(store, SMALL_DEMO);
      app = await buildApp({ store });
    });
    after(async () => {
      await app.close();
      await store.close();
    });

    test('/health and /ready answer', async () => {
      assert.deepEqual((await app.inject('/health')).json(), { status: 'ok' });
      assert.deepEqual((await app.inject('/ready')).json(), { status: 'ready', database: database.name });
    });

    test('the demo election is the Federal Chamber: 11 constituencies, 150 seats', async () => {
      const [election] = (await app.inject('/api/elections')).json<
        { id: string; seats: number; constituencies: number; voters: number }[]
      >();
      assert.deepEqual(
        { ...election },
        { ...election, id: DEMO_ELECTION_ID, seats: 150, constituencies: 11, voters: 300 },
      );
      const detail = (await app.inject(`/api/elections/${DEMO_ELECTION_ID}`)).json<{
        constituencies: { code: string; seats: number; lists: number }[];
      }>();
      const seats = Object.fromEntries(detail.constituencies.map((c) => [c.code, c.seats]));
      assert.deepEqual(seats, {
        anvers: 24,
        'brabant-flamand': 15,
        'brabant-wallon': 5,
        'bruxelles-capitale': 16,
        'flandre-occidentale': 16,
        'flandre-orientale': 20,
        hainaut: 17,
        liege: 14,
        limbourg: 12,
        luxembourg: 4,
        namur: 7,
      });
      assert.ok(detail.constituencies.every((c) => c.lists >= 10));
    });

    test('seeding twice leaves the database as it was', async () => {
      assert.deepEqual(await seedDemoIfEmpty(store, SMALL_DEMO), { seeded: false, voters: 0, candidates: 0 });
    });

    test('errors are { code, message, field } with stable codes and no stack', async () => {
      const missing = await app.inject('/api/elections/nope');
      assert.equal(missing.statusCode, 404);
      assert.deepEqual(missing.json(), {
        code: 'election.not-found',
        message: 'This election does not exist.',
        field: 'params.electionId',
      });
      const invalid = await app.inject('/api/elections/NOT%20VALID');
      assert.equal(invalid.statusCode, 400);
      assert.equal(invalid.json<{ code: string }>().code, 'request.invalid');
      const unknown = await app.inject('/api/nothing-here');
      assert.deepEqual(unknown.json(), { code: 'route.not-found', message: 'There is nothing at this address.' });
      assert.doesNotMatch(missing.body + invalid.body + unknown.body, /at .*\.ts|stack/i);
    });

    test('responses carry the security headers', async () => {
      const response = await app.inject('/health');
      assert.equal(response.headers['x-content-type-options'], 'nosniff');
      assert.match(String(response.headers['content-security-policy']), /default-src 'self'/);
    });

    test('the OpenAPI document lists every route, and every route declares who may call it', async () => {
      const document = (await app.inject('/api/docs/json')).json<{ paths: Record<string, unknown> }>();
      for (const path of ['/health', '/ready', '/api/elections', '/api/elections/{electionId}'])
        assert.ok(path in document.paths, path);
      const undeclared = app.routeTable.filter(
        (route) => route.access === undefined && !route.url.startsWith('/api/docs'),
      );
      assert.deepEqual(undeclared, []);
      assert.ok(app.routeTable.length >= 4);
    });
  });
}
