// The authorization matrix: every route of the route table × every caller (anonymous, a voter, an
// official of each role). Generated from `app.routeTable`: a route without an access rule fails
// here, and each rule is checked against what the server really answers. Then the separation of
// duties (issue #19; ./grants.ts), played by the attacker: an administrator granting themselves, one
// administrator alone making a grant take effect, a revoked Team A member given Team B the same day.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { makeNrn } from '@isoloir/electoral';
import { testDatabases, type TestStore } from '@isoloir/store/testing';
import { buildApp } from '../app.ts';
import type { AppInstance, RouteInfo } from '../app-instance.ts';
import { DEMO_DAY_ID, DEMO_ELECTION_ID } from '../demo/generate-demo.ts';
import { seedDemoIfEmpty } from '../demo/seed-demo.ts';
import { decideAccess, describeAccess, type Caller } from './access.ts';
import { AppError } from '../errors.ts';
import { DEV_OFFICIALS, seedDevOfficials } from './dev-officials.ts';
import { bootstrapAdmins } from './grants.ts';
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

    test('the passkey routes (issue #18) are in the matrix with their rules', () => {
      const rules = Object.fromEntries(
        app.routeTable
          .filter((r) => r.url.startsWith('/api/passkey/') && r.method !== 'HEAD')
          .map((r) => [`${r.method} ${r.url}`, describeAccess(r.access)]),
      );
      assert.deepEqual(rules, {
        'GET /api/passkey/rules': 'public',
        'POST /api/passkey/activation/options': 'public',
        'POST /api/passkey/activation/verify': 'public',
        'POST /api/passkey/login/options': 'public',
        'POST /api/passkey/login/verify': 'public',
        'GET /api/passkey/posts/:post': 'consular-official',
        'POST /api/passkey/posts/:post/lookup': 'consular-official',
        'POST /api/passkey/posts/:post/codes': 'consular-official',
        'DELETE /api/passkey/posts/:post/passkeys/:passkeyId': 'consular-official',
      });
    });

    test('the kiosk routes (issue #17) are in the matrix with their rules', () => {
      const rules = Object.fromEntries(
        app.routeTable
          .filter((r) => r.url.startsWith('/api/kiosk/') && r.method !== 'HEAD')
          .map((r) => [`${r.method} ${r.url}`, describeAccess(r.access)]),
      );
      assert.deepEqual(rules, {
        'POST /api/kiosk/posts/:post/codes': 'kiosk-operator',
        'GET /api/kiosk/posts/:post/kiosks': 'kiosk-operator',
        'POST /api/kiosk/posts/:post/kiosks/:kioskId/revoke': 'kiosk-operator',
        'POST /api/kiosk/enrol': 'public',
        'POST /api/kiosk/heartbeat': 'public',
        'POST /api/kiosk/visits': 'voter',
        'POST /api/kiosk/ballots': 'public',
      });
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

    describe('separation of duties, played by the attacker', () => {
      type Headers = Readonly<Record<string, string>>;
      const json = { 'content-type': 'application/json' };
      let admin1: Headers;
      let admin2: Headers;
      before(async () => {
        admin1 = (await testSession(store, { kind: 'official', officialId: 'dev-po-admin' })).headers;
        admin2 = (await testSession(store, { kind: 'official', officialId: 'dev-po-admin-2' })).headers;
      });
      const post = (headers: Headers, url: string, body?: unknown) =>
        app.inject({
          method: 'POST',
          url,
          headers: body === undefined ? headers : { ...headers, ...json },
          ...(body === undefined ? {} : { payload: JSON.stringify(body) }),
        });
      const codeOf = (response: { body: string }): string =>
        (JSON.parse(response.body) as { code?: string }).code ?? '';
      const rolesOf = async (officialId: string) =>
        (
          await store.db
            .selectFrom('role_assignments')
            .select(['id', 'role', 'scope'])
            .where('official_id', '=', officialId)
            .execute()
        ).map((r) => `${r.role}:${r.scope ?? ''}`);
      let serial = 0;
      const newOfficial = async (): Promise<string> => {
        serial += 1;
        const nrn = makeNrn({ year: 1990, month: 1, day: 1, sequence: 100 + serial });
        assert.ok(nrn.ok);
        const created = await post(admin1, '/api/admin/officials', {
          nrn: nrn.value,
          givenName: 'Attacker',
          surname: `Number ${String(serial)}`,
        });
        assert.equal(created.statusCode, 201, created.body);
        return created.json<{ id: string }>().id;
      };
      const grant = async (officialId: string, role: string, scope: string | null): Promise<string> => {
        const asked = await post(admin1, `/api/admin/officials/${officialId}/roles`, { role, scope });
        assert.equal(asked.statusCode, 202, asked.body);
        const confirmed = await post(admin2, `/api/admin/role-requests/${asked.json<{ id: string }>().id}/confirm`);
        assert.equal(confirmed.statusCode, 201, confirmed.body);
        return confirmed.json<{ id: string }>().id;
      };

      test('an administrator cannot give themselves a role: 403 role.self-grant, nothing stored', async () => {
        for (const role of ['trustee', 'observer', 'team-a'])
          for (const [headers, self] of [
            [admin1, 'dev-po-admin'],
            [admin2, 'dev-po-admin-2'],
          ] as const) {
            const response = await post(headers, `/api/admin/officials/${self}/roles`, {
              role,
              scope: role === 'team-a' ? 'liege' : null,
            });
            assert.equal(response.statusCode, 403, response.body);
            assert.equal(codeOf(response), 'role.self-grant');
          }
        assert.deepEqual(await rolesOf('dev-po-admin'), ['po-admin:']);
        const requests = await store.db
          .selectFrom('role_grant_requests')
          .select('id')
          .where('official_id', 'in', ['dev-po-admin', 'dev-po-admin-2'])
          .execute();
        assert.deepEqual(requests, []);
      });

      test('nor confirm a role another administrator asked for them', async () => {
        const asked = await post(admin1, '/api/admin/officials/dev-po-admin-2/roles', { role: 'trustee', scope: null });
        assert.equal(asked.statusCode, 202, asked.body);
        const id = asked.json<{ id: string }>().id;
        const self = await post(admin2, `/api/admin/role-requests/${id}/confirm`);
        assert.equal(self.statusCode, 403);
        assert.equal(codeOf(self), 'role.self-grant');
        assert.deepEqual(await rolesOf('dev-po-admin-2'), ['po-admin:']);
        assert.equal((await post(admin1, `/api/admin/role-requests/${id}/reject`)).statusCode, 204);
      });

      test('one administrator alone cannot make a grant take effect; the second one can', async () => {
        const target = await newOfficial();
        const asked = await post(admin1, `/api/admin/officials/${target}/roles`, { role: 'trustee', scope: null });
        assert.equal(asked.statusCode, 202, asked.body);
        const id = asked.json<{ id: string; state: string }>().id;
        assert.equal(asked.json<{ state: string }>().state, 'pending');
        // Pending: visible to the administrators, not in effect (the grantee cannot even log in).
        const pending = await app.inject({ url: '/api/admin/role-requests', headers: admin2 });
        assert.ok(pending.json<{ id: string }[]>().some((r) => r.id === id));
        assert.deepEqual(await rolesOf(target), []);
        const alone = await post(admin1, `/api/admin/role-requests/${id}/confirm`);
        assert.equal(alone.statusCode, 403, alone.body);
        assert.equal(codeOf(alone), 'role.second-admin');
        // Asking again does not help either.
        const twice = await post(admin1, `/api/admin/officials/${target}/roles`, { role: 'trustee', scope: null });
        assert.equal(codeOf(twice), 'role.request-pending');
        assert.deepEqual(await rolesOf(target), []);
        // Someone who is not an administrator cannot confirm.
        const teamA = await testSession(store, { kind: 'official', officialId: 'dev-team-a-liege' });
        const outsider = await post(teamA.headers, `/api/admin/role-requests/${id}/confirm`);
        assert.equal(outsider.statusCode, 403);
        assert.equal(codeOf(outsider), 'auth.forbidden');
        const second = await post(admin2, `/api/admin/role-requests/${id}/confirm`);
        assert.equal(second.statusCode, 201, second.body);
        assert.deepEqual(await rolesOf(target), ['trustee:']);
        const row = await store.db
          .selectFrom('role_assignments')
          .select(['granted_by', 'confirmed_by'])
          .where('official_id', '=', target)
          .executeTakeFirstOrThrow();
        assert.deepEqual(row, { granted_by: 'official:dev-po-admin', confirmed_by: 'official:dev-po-admin-2' });
        // Decided once: a replay of the confirmation or a late rejection changes nothing.
        assert.equal(codeOf(await post(admin2, `/api/admin/role-requests/${id}/confirm`)), 'role.request-decided');
        assert.equal(codeOf(await post(admin2, `/api/admin/role-requests/${id}/reject`)), 'role.request-decided');
        const audit = await store.db
          .selectFrom('audit_log')
          .select(['actor', 'action'])
          .where('subject', '=', `official:${target}`)
          .where('action', 'like', 'role.%')
          .orderBy('seq')
          .execute();
        assert.deepEqual(audit, [
          { actor: 'official:dev-po-admin', action: 'role.requested' },
          { actor: 'official:dev-po-admin-2', action: 'role.granted' },
        ]);
      });

      test('a rejected grant never takes effect', async () => {
        const target = await newOfficial();
        const asked = await post(admin1, `/api/admin/officials/${target}/roles`, { role: 'observer', scope: null });
        const id = asked.json<{ id: string }>().id;
        assert.equal((await post(admin2, `/api/admin/role-requests/${id}/reject`)).statusCode, 204);
        assert.equal(codeOf(await post(admin2, `/api/admin/role-requests/${id}/confirm`)), 'role.request-decided');
        assert.deepEqual(await rolesOf(target), []);
      });

      test('Team A and Team B of one constituency exclusive for the whole election day, revocation or not', async () => {
        const member = await newOfficial();
        const assignment = await grant(member, 'team-a', 'liege');
        const both = await post(admin1, `/api/admin/officials/${member}/roles`, { role: 'team-b', scope: 'liege' });
        assert.equal(both.statusCode, 409);
        assert.equal(codeOf(both), 'role.conflict');
        // Team A taken back (one administrator is enough to take a role back) …
        const revoked = await app.inject({
          method: 'DELETE',
          url: `/api/admin/officials/${member}/roles/${assignment}`,
          headers: admin1,
        });
        assert.equal(revoked.statusCode, 204);
        assert.deepEqual(await rolesOf(member), []);
        // … and Team B of the same constituency still refused that day, by either administrator.
        for (const headers of [admin1, admin2]) {
          const again = await post(headers, `/api/admin/officials/${member}/roles`, { role: 'team-b', scope: 'liege' });
          assert.equal(again.statusCode, 409, again.body);
          assert.equal(codeOf(again), 'role.conflict');
        }
        // Team A again, or Team B of another constituency, remain possible.
        await grant(member, 'team-b', 'namur');
        await grant(member, 'team-a', 'liege');
        assert.deepEqual((await rolesOf(member)).sort(), ['team-a:liege', 'team-b:namur']);
      });

      test('the rule holds at confirmation too: a Team B request confirmed after Team A was given is refused', async () => {
        const member = await newOfficial();
        const askedB = await post(admin1, `/api/admin/officials/${member}/roles`, { role: 'team-b', scope: 'liege' });
        assert.equal(askedB.statusCode, 202, askedB.body);
        const assignment = await grant(member, 'team-a', 'liege');
        await app.inject({
          method: 'DELETE',
          url: `/api/admin/officials/${member}/roles/${assignment}`,
          headers: admin2,
        });
        const late = await post(admin2, `/api/admin/role-requests/${askedB.json<{ id: string }>().id}/confirm`);
        assert.equal(late.statusCode, 409, late.body);
        assert.equal(codeOf(late), 'role.conflict');
        assert.deepEqual(await rolesOf(member), []);
      });

      test('the bootstrap of the first two administrators is closed once there are administrators', async () => {
        const member = await newOfficial();
        await assert.rejects(
          bootstrapAdmins(store.db, [member, 'dev-observer'], 'attacker'),
          (error: unknown) => error instanceof AppError && error.code === 'role.bootstrap-closed',
        );
        assert.deepEqual(await rolesOf(member), []);
      });
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
