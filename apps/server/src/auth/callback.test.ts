// Bad answers at the callback, against a fake provider that signs what the test asks: a forged,
// replayed or wrong-state callback, a wrong nonce, an expired or wrongly signed ID token, a
// provider error. Each is refused with its code, audited, and leaves no session.
import assert from 'node:assert/strict';
import { generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { openStore, verifyAuditChain, type Store } from '@isoloir/store';
import { buildApp } from '../app.ts';
import type { AppInstance } from '../app-instance.ts';
import { seedDemoIfEmpty } from '../demo/seed-demo.ts';
import { DEFAULT_AUTH_OPTIONS } from './config.ts';

const CLIENT_ID = 'isoloir-test';
const PUBLIC_URL = 'http://isoloir.test';
const good = generateKeyPairSync('rsa', { modulusLength: 2048 });
const rogue = generateKeyPairSync('rsa', { modulusLength: 2048 });

interface NextToken {
  nonce?: string;
  expiresIn?: number;
  key?: KeyObject;
}

const b64 = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url');

function idToken(issuer: string, claims: Record<string, unknown>, key: KeyObject): string {
  const input = `${b64({ alg: 'RS256', kid: 'k1', typ: 'JWT' })}.${b64(claims)}`;
  return `${input}.${sign('sha256', Buffer.from(input), key).toString('base64url')}`;
}

describe('callback refusals', () => {
  let store: Store;
  let app: AppInstance;
  let provider: Server;
  let issuer = '';
  let nrn = '';
  let next: NextToken = {};
  let nonce = '';

  before(async () => {
    provider = createServer((req, res) => {
      const url = new URL(req.url ?? '/', issuer);
      const json = (body: unknown): void => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify(body));
      };
      if (url.pathname === '/.well-known/openid-configuration') {
        json({
          issuer,
          authorization_endpoint: `${issuer}/authorize`,
          token_endpoint: `${issuer}/access_token`,
          userinfo_endpoint: `${issuer}/userinfo`,
          jwks_uri: `${issuer}/jwk`,
          id_token_signing_alg_values_supported: ['RS256'],
        });
      } else if (url.pathname === '/jwk') {
        json({ keys: [{ ...good.publicKey.export({ format: 'jwk' }), kid: 'k1', alg: 'RS256', use: 'sig' }] });
      } else if (url.pathname === '/access_token') {
        const now = Math.floor(Date.now() / 1000);
        const claims = {
          iss: issuer,
          aud: CLIENT_ID,
          sub: 'person-1',
          iat: now - 5,
          exp: now + (next.expiresIn ?? 300),
          nonce: next.nonce ?? nonce,
          acr: 'urn:be:fedict:iam:fas:Level450',
        };
        json({
          access_token: 'at',
          token_type: 'Bearer',
          expires_in: 300,
          id_token: idToken(issuer, claims, next.key ?? good.privateKey),
        });
      } else if (url.pathname === '/userinfo') {
        json({ sub: 'person-1', egovNRN: nrn, givenName: 'Test', surname: 'Voter', prefLanguage: 'fr' });
      } else {
        res.writeHead(404).end();
      }
    });
    await new Promise<void>((resolve) => provider.listen(0, '127.0.0.1', resolve));
    issuer = `http://127.0.0.1:${String((provider.address() as AddressInfo).port)}`;
    store = await openStore();
    await seedDemoIfEmpty(store, { voters: 20, abroadPerMille: 100, seed: 3 });
    nrn = (await store.db.selectFrom('voters').select('nrn').orderBy('nrn').executeTakeFirstOrThrow()).nrn;
    app = await buildApp({
      store,
      auth: {
        ...DEFAULT_AUTH_OPTIONS,
        publicUrl: PUBLIC_URL,
        oidc: {
          issuer,
          clientId: CLIENT_ID,
          clientAuth: { kind: 'client-secret-basic', secret: 's' },
          acrValues: 'urn:be:fedict:iam:fas:Level450',
          voterScopes: 'openid profile egovnrn',
          officialScopes: 'openid profile egovnrn roles',
        },
      },
    });
  });
  after(async () => {
    await app.close();
    await store.close();
    provider.closeAllConnections();
    provider.close();
  });

  /** Starts a login; returns the login cookie and the state the provider would echo. */
  async function start(): Promise<{ cookie: string; state: string }> {
    const response = await app.inject('/api/auth/login?as=voter');
    assert.equal(response.statusCode, 302);
    const authorize = new URL(String(response.headers.location));
    assert.equal(authorize.searchParams.get('acr_values'), 'urn:be:fedict:iam:fas:Level450');
    assert.equal(authorize.searchParams.get('code_challenge_method'), 'S256');
    nonce = authorize.searchParams.get('nonce') ?? '';
    const cookie = String(response.cookies.find((c) => c.name === 'isoloir-login')?.value);
    return { cookie: `isoloir-login=${cookie}`, state: authorize.searchParams.get('state') ?? '' };
  }

  async function callback(query: string, cookie: string | undefined): Promise<string> {
    const response = await app.inject({
      url: `/api/auth/callback?${query}`,
      headers: cookie === undefined ? {} : { cookie },
    });
    assert.equal(response.statusCode, 302);
    return String(response.headers.location);
  }

  async function expectRefusal(location: string, code: string): Promise<void> {
    assert.equal(location, `/login/refused?code=${code}`);
    const last = await store.db
      .selectFrom('audit_log')
      .select(['action', 'details'])
      .orderBy('seq', 'desc')
      .limit(1)
      .executeTakeFirstOrThrow();
    assert.deepEqual([last.action, (last.details as { reason: string }).reason], ['auth.refused', code]);
  }

  test('a good answer logs in; the same callback replayed is refused', async () => {
    next = {};
    const { cookie, state } = await start();
    assert.equal(await callback(`code=c1&state=${state}`, cookie), '/me');
    assert.equal((await store.db.selectFrom('sessions').selectAll().execute()).length, 1);
    await expectRefusal(await callback(`code=c1&state=${state}`, cookie), 'auth.callback-invalid');
  });

  test('refusals: forged, wrong state, provider error, wrong nonce, expired, wrongly signed', async () => {
    await store.db.deleteFrom('sessions').execute();
    const cases: [string, NextToken, (s: { cookie: string; state: string }) => [string, string | undefined], string][] =
      [
        ['forged (no login cookie)', {}, (s) => [`code=c&state=${s.state}`, undefined], 'auth.callback-invalid'],
        ['wrong state', {}, (s) => ['code=c&state=not-the-state', s.cookie], 'auth.callback-invalid'],
        ['provider error', {}, (s) => [`error=access_denied&state=${s.state}`, s.cookie], 'auth.provider-error'],
        ['wrong nonce', { nonce: 'another-nonce' }, (s) => [`code=c&state=${s.state}`, s.cookie], 'auth.token-invalid'],
        ['expired ID token', { expiresIn: -3600 }, (s) => [`code=c&state=${s.state}`, s.cookie], 'auth.token-invalid'],
        [
          'wrongly signed ID token',
          { key: rogue.privateKey },
          (s) => [`code=c&state=${s.state}`, s.cookie],
          'auth.token-invalid',
        ],
      ];
    for (const [name, token, request, code] of cases) {
      next = token;
      const [query, cookie] = request(await start());
      const location = await callback(query, cookie);
      assert.equal(location, `/login/refused?code=${code}`, name);
      await expectRefusal(location, code);
      assert.equal((await store.db.selectFrom('sessions').selectAll().execute()).length, 0, name);
    }
    assert.equal((await verifyAuditChain(store.db)).ok, true);
  });
});
