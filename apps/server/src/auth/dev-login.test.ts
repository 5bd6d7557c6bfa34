// The whole login through the development identity provider, over HTTP: voters, officials, and
// every persona that must be refused (with its audit entry and no session).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { verifyAuditChain } from '@isoloir/store';
import { loginThroughDevIdp } from './testing/login-flow.ts';
import { startDevServer, type DevServer } from './testing/dev-server.ts';

describe('login through the development identity provider', () => {
  let server: DevServer;
  before(async () => {
    server = await startDevServer();
  });
  after(async () => {
    await server.close();
  });

  test('a Level 500 voter logs in and sees their own registration', async () => {
    const login = await loginThroughDevIdp(server.url, 'voter-be-fr-500');
    assert.ok(login.ok);
    assert.equal(login.landing, '/me');
    const me = (await (await fetch(`${server.url}/api/me`, { headers: { cookie: login.cookie } })).json()) as Record<
      string,
      unknown
    >;
    const persona = server.persona('voter-be-fr-500');
    assert.equal(me['kind'], 'voter');
    assert.equal(me['givenName'], persona.claims.givenName);
    assert.equal(me['assuranceLevel'], 500);
    assert.equal((me['constituency'] as { code: string }).code, persona.constituency);
  });

  test('voters abroad and in other languages log in; officials land on their dashboard', async () => {
    for (const id of ['voter-be-nl-450', 'voter-abroad-450', 'voter-abroad-500'])
      assert.equal((await loginThroughDevIdp(server.url, id)).landing, '/me', id);
    const official = await loginThroughDevIdp(server.url, 'official-team-a', 'official');
    assert.equal(official.landing, '/official');
  });

  test('each broken or too-weak login is refused with its code, audited, and leaves no session', async () => {
    const cases = [
      ['voter-level-200', 'voter', 'auth.level-too-low'],
      ['case-unknown-voter', 'voter', 'auth.unknown-voter'],
      ['case-nrn-invalid', 'voter', 'auth.nrn-invalid'],
      ['case-nrn-missing', 'voter', 'auth.nrn-missing'],
      ['voter-be-nl-450', 'official', 'auth.not-official'],
    ] as const;
    for (const [persona, audience, code] of cases) {
      const before = await server.store.db
        .selectFrom('sessions')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .executeTakeFirstOrThrow();
      const login = await loginThroughDevIdp(server.url, persona, audience);
      assert.equal(login.ok, false, persona);
      assert.equal(login.landing, `/login/refused?code=${code}`);
      const entry = await server.store.db
        .selectFrom('audit_log')
        .select(['action', 'details'])
        .orderBy('seq', 'desc')
        .limit(1)
        .executeTakeFirstOrThrow();
      assert.equal(entry.action, 'auth.refused');
      assert.equal((entry.details as { reason: string }).reason, code);
      const afterCount = await server.store.db
        .selectFrom('sessions')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .executeTakeFirstOrThrow();
      assert.equal(afterCount.n, before.n);
      assert.equal(login.jar.get('isoloir-session'), undefined);
    }
    assert.equal((await verifyAuditChain(server.store.db)).ok, true);
  });

  test('logout ends the session (with CSRF) and returns the provider’s end-session URL', async () => {
    const login = await loginThroughDevIdp(server.url, 'voter-be-nl-450');
    assert.ok(login.ok);
    const noToken = await fetch(`${server.url}/api/auth/logout`, {
      method: 'POST',
      headers: { cookie: login.cookie, 'content-type': 'application/json' },
      body: '{}',
    });
    assert.equal(noToken.status, 403);
    assert.equal(((await noToken.json()) as { code: string }).code, 'auth.csrf');
    const out = await fetch(`${server.url}/api/auth/logout`, {
      method: 'POST',
      headers: { cookie: login.cookie, 'content-type': 'application/json', 'x-csrf-token': login.csrfToken },
      body: '{}',
    });
    assert.equal(out.status, 200);
    assert.match(((await out.json()) as { endSessionUrl: string }).endSessionUrl, /\/connect\/endSession\?/);
    assert.equal((await fetch(`${server.url}/api/me`, { headers: { cookie: login.cookie } })).status, 401);
  });
});
