// The authorization matrix: every route of the route table × every caller (anonymous, a voter, an
// official of each role). Generated from `app.routeTable`: a route without an access rule fails
// here, and each rule is checked against what the server really answers.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { testDatabases, type TestStore } from '@isoloir/store/testing';
import { buildApp } from '../app.ts';
import type { AppInstance, RouteInfo } from '../app-instance.ts';
import { DEMO_DAY_ID, DEMO_ELECTION_ID } from '../demo/generate-demo.ts';
import { seedDemoIfEmpty } from '../demo/seed-demo.ts';
import { decideAccess, describeAccess, type Caller } from './access.ts';
import { DEV_OFFICIALS, seedDevOfficials } from './dev-officials.ts';
import { ROLES } from './roles.ts';
import { testSession } from './testing/sessions.ts';

interface MatrixCaller {
  readonly name: string;
  readonly caller: Caller;
  /** A fresh session for each request (a request may end its session: logout). */
  readonly headers: () => Promise<Readonly<Record<string, string>>>;
}

/** Sample path parameters, chosen to fall inside the development officials' scopes. */
function samplePath(url: string): string {
  return url
    .replace(/:([A-Za-z]+)/g, (_m, name: string) => {
      const key = name.toLowerCase();
      if (key.includes('nis') || key.includes('commune')) return '62063';
      if (key.includes('post')) return 'paris';
      if (key.includes('constituency')) return 'liege';
      if (key.includes('electionday') || key === 'dayid') return DEMO_DAY_ID;
      if (key.includes('election')) return DEMO_ELECTION_ID;
      return 'sample-id';
    })
    .replace(/\*$/, '');
}

function isApi(route: RouteInfo): boolean {
  return route.url.startsWith('/api/') || route.url === '/health' || route.url === '/ready';
}

for (const database of testDatabases()) {
  describe(`authorization matrix on ${database.name}`, () => {
    let store: TestStore;
    let app: AppInstance;
    const callers: MatrixCaller[] = [];

    before(async () => {
      store = await database.open();
      await seedDemoIfEmpty(store, { voters: 120, abroadPerMille: 100, seed: 5 });
      await seedDevOfficials(store);
      app = await buildApp({ store });
      await app.ready();
      callers.push({ name: 'anonymous', caller: { kind: 'anonymous' }, headers: () => Promise.resolve({}) });
      callers.push({
        name: 'voter',
        caller: { kind: 'voter' },
        headers: async () => (await testSession(store, { kind: 'voter' })).headers,
      });
      for (const role of ROLES) {
        const official = DEV_OFFICIALS.find((o) => o.roles.some((grant) => grant.role === role));
        if (official === undefined) throw new Error(`no development official holds ${role}`);
        callers.push({
          name: role,
          caller: { kind: 'official', roles: official.roles },
          headers: async () => (await testSession(store, { kind: 'official', officialId: official.id })).headers,
        });
      }
    });
    after(async () => {
      await app.close();
      await store.close();
    });

    test('every API route declares who may call it', () => {
      const missing = app.routeTable
        .filter((route) => isApi(route) && route.access === undefined)
        .map((r) => `${r.method} ${r.url}`);
      assert.deepEqual(
        missing,
        [],
        'routes without config.access (add one: see apps/server/README.md, "Authorization")',
      );
      assert.ok(app.routeTable.filter(isApi).length >= 10);
    });

    test('every API route answers every caller as its rule says', async () => {
      const failures: string[] = [];
      for (const route of app.routeTable.filter((r) => isApi(r) && r.method !== 'HEAD' && r.access !== undefined)) {
        for (const { name, caller, headers } of callers) {
          const expected = decideAccess(route.access, caller);
          const withBody = !['GET', 'HEAD', 'OPTIONS', 'DELETE'].includes(route.method);
          const response = await app.inject({
            method: route.method as 'GET',
            url: samplePath(route.url),
            headers: { ...(await headers()), ...(withBody ? { 'content-type': 'application/json' } : {}) },
            ...(withBody ? { payload: '{}' } : {}),
          });
          const code = response.statusCode >= 400 ? (response.json<{ code?: string }>().code ?? '') : '';
          const label = `${route.method} ${route.url} (${describeAccess(route.access)}) as ${name}: ${String(response.statusCode)} ${code}`;
          if (expected === 'auth.required' && !(response.statusCode === 401 && code === 'auth.required'))
            failures.push(`${label}, expected 401`);
          if (expected === 'auth.forbidden' && !(response.statusCode === 403 && code === 'auth.forbidden'))
            failures.push(`${label}, expected 403`);
          // Allowed: never 401 nor a CSRF refusal; a 403 only from a handler's scope check on a role route.
          if (
            expected === 'allow' &&
            (response.statusCode === 401 ||
              code === 'auth.csrf' ||
              (code === 'auth.forbidden' && typeof route.access === 'string'))
          )
            failures.push(`${label}, expected to be let through`);
        }
      }
      assert.deepEqual(failures, []);
    });

    test('a route added without a rule is refused to everybody (deny by default)', async () => {
      const bare = await buildApp({ store });
      bare.get('/api/undeclared', () => ({ leaked: true }));
      await bare.ready();
      assert.equal(bare.routeTable.find((r) => r.url === '/api/undeclared')?.access, undefined);
      for (const { headers } of callers) {
        const response = await bare.inject({ url: '/api/undeclared', headers: await headers() });
        assert.equal(response.statusCode, 403);
        assert.equal(response.json<{ code: string }>().code, 'auth.forbidden');
      }
      await bare.close();
    });

    test('state changes need the session’s anti-forgery token, and none come from another site', async () => {
      const admin = callers.find((c) => c.name === 'po-admin');
      assert.ok(admin);
      const adminHeaders = await admin.headers();
      const body = JSON.stringify({ nrn: '85073003328', givenName: 'Test', surname: 'Official' });
      const noToken = await app.inject({
        method: 'POST',
        url: '/api/admin/officials',
        headers: { cookie: adminHeaders['cookie'] ?? '', 'content-type': 'application/json' },
        payload: body,
      });
      assert.equal(noToken.json<{ code: string }>().code, 'auth.csrf');
      const crossSite = await app.inject({
        method: 'POST',
        url: '/api/admin/officials',
        headers: { ...adminHeaders, 'sec-fetch-site': 'cross-site', 'content-type': 'application/json' },
        payload: body,
      });
      assert.equal(crossSite.json<{ code: string }>().code, 'auth.csrf');
      const ok = await app.inject({
        method: 'POST',
        url: '/api/admin/officials',
        headers: { ...adminHeaders, 'content-type': 'application/json' },
        payload: body,
      });
      assert.equal(ok.statusCode, 201, ok.body);
    });
  });
}
