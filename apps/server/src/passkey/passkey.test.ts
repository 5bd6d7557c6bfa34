// Passkeys through the consular post, over the real API, played by the voter, the post and the
// attacker: a code for another post's voter, brute-forcing codes (rate limit), a reused or expired
// code, a replayed assertion, one voter's passkey used for another, a revoked passkey, a setup that
// says "CSAM only". The browser tests (tests/e2e/passkey.test.ts) use Chromium's authenticator.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { testDatabases, type TestStore } from '@isoloir/store/testing';
import { buildApp } from '../app.ts';
import type { AppInstance } from '../app-instance.ts';
import { seedDevOfficials } from '../auth/dev-officials.ts';
import { testSession } from '../auth/testing/sessions.ts';
import { DEMO_DAY_ID } from '../demo/generate-demo.ts';
import { seedDemoIfEmpty } from '../demo/seed-demo.ts';
import { DEFAULT_RATE_LIMITS } from '../rate-limit/policy.ts';
import { SoftAuthenticator } from './testing/soft-authenticator.ts';

const ORIGIN = 'http://localhost:8080';
const HOST = { host: 'localhost:8080' };
const JSON_TYPE = { 'content-type': 'application/json' };

type Headers = Readonly<Record<string, string>>;
type Answer = Awaited<ReturnType<AppInstance['inject']>>;

const codeOf = (r: Answer): string => (JSON.parse(r.body) as { code?: string }).code ?? '';
const cookieOf = (r: Answer, name: string): string | undefined => r.cookies.find((c) => c.name === name)?.value;

for (const database of testDatabases()) {
  describe(`passkeys through the consular post on ${database.name}`, () => {
    let store: TestStore;
    let app: AppInstance;
    let paris: Headers;
    let newYork: Headers;
    let voterA: string;
    let voterB: string;

    const send = (method: 'POST' | 'GET' | 'DELETE', url: string, headers: Headers, body?: unknown) =>
      app.inject({
        method,
        url,
        headers: { ...HOST, ...headers, ...(body === undefined ? {} : JSON_TYPE) },
        ...(body === undefined ? {} : { payload: JSON.stringify(body) }),
      });

    const issue = async (nrn: string, headers = paris): Promise<string> => {
      const issued = await send('POST', '/api/passkey/posts/paris/codes', headers, { nrn });
      assert.equal(issued.statusCode, 201, issued.body);
      return issued.json<{ code: string }>().code;
    };

    /** Activation with a code: both steps; returns the last answer. */
    const activate = async (code: string, authenticator: SoftAuthenticator): Promise<Answer> => {
      const options = await send('POST', '/api/passkey/activation/options', {}, { code });
      if (options.statusCode !== 200) return options;
      const created = authenticator.create(options.json());
      return send(
        'POST',
        '/api/passkey/activation/verify',
        { cookie: `isoloir-passkey=${cookieOf(options, 'isoloir-passkey') ?? ''}` },
        { response: created.response },
      );
    };

    const loginOptions = async () => {
      const options = await send('POST', '/api/passkey/login/options', {});
      assert.equal(options.statusCode, 200, options.body);
      return {
        options: options.json<{ challenge: string; rpId: string }>(),
        cookie: `isoloir-passkey=${cookieOf(options, 'isoloir-passkey') ?? ''}`,
      };
    };

    const login = async (authenticator: SoftAuthenticator): Promise<Answer> => {
      const { options, cookie } = await loginOptions();
      return send('POST', '/api/passkey/login/verify', { cookie }, { response: authenticator.get(options) });
    };

    before(async () => {
      store = await database.open();
      await seedDemoIfEmpty(store, { voters: 120, abroadPerMille: 100, seed: 5 });
      await seedDevOfficials(store);
      await store.db
        .insertInto('officials')
        .values({ id: 'test-consular-ny', nrn: '75010100395', given_name: 'Test', surname: 'New York' })
        .execute();
      await store.db
        .insertInto('role_assignments')
        .values({
          id: 'test-consular-ny',
          official_id: 'test-consular-ny',
          role: 'consular-official',
          scope: 'new-york',
          granted_by: 'test',
        })
        .execute();
      app = await buildApp({ store });
      await app.ready();
      paris = (await testSession(store, { kind: 'official', officialId: 'dev-consular-paris' })).headers;
      newYork = (await testSession(store, { kind: 'official', officialId: 'test-consular-ny' })).headers;
      const abroad = await store.db
        .selectFrom('consular_registrations')
        .select('nrn')
        .where('post_code', '=', 'paris')
        .where('mode', '=', 7)
        .orderBy('nrn')
        .limit(2)
        .execute();
      assert.equal(abroad.length, 2, 'the demo has two voters registered at the Paris post');
      voterA = abroad[0]?.nrn ?? '';
      voterB = abroad[1]?.nrn ?? '';
    });
    after(async () => {
      await app.close();
      await store.close();
    });

    test('the post finds its voter, issues a code; the voter activates a passkey and logs in with it alone', async () => {
      const found = await send('POST', '/api/passkey/posts/paris/lookup', paris, { nrn: voterA });
      assert.equal(found.statusCode, 200, found.body);
      assert.deepEqual(found.json<{ passkeyModes: number[] }>().passkeyModes, [7]);
      const code = await issue(voterA);
      assert.match(code, /^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
      const stored = await store.db.selectFrom('passkey_activation_codes').selectAll().execute();
      assert.ok(stored.every((row) => row.code_hash !== code && !row.code_hash.includes(code.replaceAll('-', ''))));
      const phone = new SoftAuthenticator(ORIGIN);
      const activated = await activate(code.toLowerCase().replaceAll('-', ' '), phone);
      assert.equal(activated.statusCode, 201, activated.body);
      const answer = await login(phone);
      assert.equal(answer.statusCode, 200, answer.body);
      const session = cookieOf(answer, 'isoloir-session');
      assert.ok(session !== undefined);
      const me = await send('GET', '/api/me', { cookie: `isoloir-session=${session}` });
      assert.equal(me.statusCode, 200, me.body);
      const row = await store.db
        .selectFrom('sessions')
        .select(['login_method', 'assurance_level', 'voter_nrn'])
        .where('voter_nrn', '=', voterA)
        .executeTakeFirstOrThrow();
      assert.deepEqual(row, { login_method: 'passkey', assurance_level: 0, voter_nrn: voterA });
      // Every step audited, the voter by pseudonym only.
      const audit = await store.db
        .selectFrom('audit_log')
        .select(['action', 'subject', 'details'])
        .where('action', 'in', ['passkey.code-issued', 'passkey.activated', 'auth.login'])
        .execute();
      assert.deepEqual(
        new Set(audit.map((a) => a.action)),
        new Set(['passkey.code-issued', 'passkey.activated', 'auth.login']),
      );
      for (const entry of audit) {
        assert.match(entry.subject, /^voter:[0-9a-f]{32}$/);
        assert.doesNotMatch(JSON.stringify(entry), new RegExp(voterA));
      }
    });

    test('a code works once: reused, refused', async () => {
      const code = await issue(voterB);
      assert.equal((await activate(code, new SoftAuthenticator(ORIGIN))).statusCode, 201);
      const again = await activate(code, new SoftAuthenticator(ORIGIN));
      assert.equal(again.statusCode, 409);
      assert.equal(codeOf(again), 'passkey.code-used');
    });

    test('an expired code, an earlier code replaced by a new one, a made-up code: refused', async () => {
      const first = await issue(voterB);
      const second = await issue(voterB);
      assert.equal(codeOf(await activate(first, new SoftAuthenticator(ORIGIN))), 'passkey.code-invalid');
      await store.db
        .updateTable('passkey_activation_codes')
        .set({ expires_at: new Date(Date.now() - 1000), issued_at: new Date(Date.now() - 2000) })
        .where('nrn', '=', voterB)
        .where('used_at', 'is', null)
        .where('revoked_at', 'is', null)
        .execute();
      const expired = await activate(second, new SoftAuthenticator(ORIGIN));
      assert.equal(expired.statusCode, 409);
      assert.equal(codeOf(expired), 'passkey.code-expired');
      assert.equal(codeOf(await activate('AAAA-BBBB-CCCC', new SoftAuthenticator(ORIGIN))), 'passkey.code-invalid');
    });

    test('attacker: a code for another post’s voter, another post’s list or passkey', async () => {
      const foreign = await send('POST', '/api/passkey/posts/new-york/codes', newYork, { nrn: voterA });
      assert.equal(foreign.statusCode, 404);
      assert.equal(codeOf(foreign), 'passkey.not-registered');
      const lookup = await send('POST', '/api/passkey/posts/new-york/lookup', newYork, { nrn: voterA });
      assert.equal(codeOf(lookup), 'passkey.not-registered');
      const outOfScope = await send('POST', '/api/passkey/posts/paris/codes', newYork, { nrn: voterA });
      assert.equal(outOfScope.statusCode, 403);
      assert.equal(codeOf(outOfScope), 'auth.forbidden');
      assert.equal((await send('GET', '/api/passkey/posts/paris', newYork)).statusCode, 403);
      const [passkey] = await store.db
        .selectFrom('passkey_credentials')
        .select('id')
        .where('nrn', '=', voterA)
        .execute();
      assert.ok(passkey);
      const revoke = await send('DELETE', `/api/passkey/posts/new-york/passkeys/${passkey.id}`, newYork);
      assert.equal(revoke.statusCode, 404);
      assert.equal(codeOf(revoke), 'passkey.not-found');
      const voter = await testSession(store, { kind: 'voter', nrn: voterA });
      assert.equal(
        (await send('POST', '/api/passkey/posts/paris/codes', voter.headers, { nrn: voterA })).statusCode,
        403,
      );
    });

    test('attacker: a replayed assertion and one voter’s passkey used for another are refused', async () => {
      const phoneA = new SoftAuthenticator(ORIGIN);
      const phoneB = new SoftAuthenticator(ORIGIN);
      assert.equal((await activate(await issue(voterA), phoneA)).statusCode, 201);
      assert.equal((await activate(await issue(voterB), phoneB)).statusCode, 201);
      // Replay: the same answer sent twice; then sent against a fresh challenge.
      const { options, cookie } = await loginOptions();
      const assertion = phoneA.get(options);
      assert.equal(
        (await send('POST', '/api/passkey/login/verify', { cookie }, { response: assertion })).statusCode,
        200,
      );
      const replayed = await send('POST', '/api/passkey/login/verify', { cookie }, { response: assertion });
      assert.equal(codeOf(replayed), 'passkey.ceremony-invalid');
      const fresh = await loginOptions();
      const late = await send('POST', '/api/passkey/login/verify', { cookie: fresh.cookie }, { response: assertion });
      assert.equal(codeOf(late), 'passkey.verification-failed');
      // B's device signs, claiming A's passkey (with A's user handle, then with B's).
      const stolenA = phoneA.credentials.at(-1);
      const ownB = phoneB.credentials.at(-1);
      assert.ok(stolenA && ownB);
      for (const userHandle of [stolenA.userHandle, ownB.userHandle]) {
        const next = await loginOptions();
        const forged = phoneB.get(next.options, { ...ownB, id: stolenA.id, userHandle });
        const refused = await send('POST', '/api/passkey/login/verify', { cookie: next.cookie }, { response: forged });
        assert.equal(refused.statusCode, 400, refused.body);
        assert.equal(codeOf(refused), 'passkey.verification-failed');
      }
      // Without user verification (no PIN, no fingerprint): refused at activation and at login.
      const careless = new SoftAuthenticator(ORIGIN, false);
      assert.equal(codeOf(await activate(await issue(voterB), careless)), 'passkey.verification-failed');
    });

    test('a revoked passkey is refused; the post then issues a new code', async () => {
      const phone = new SoftAuthenticator(ORIGIN);
      assert.equal((await activate(await issue(voterA), phone)).statusCode, 201);
      const signedIn = await login(phone);
      assert.equal(signedIn.statusCode, 200);
      const overview = await send('GET', '/api/passkey/posts/paris', paris);
      const live = overview
        .json<{ passkeys: { id: string; revokedAt: string | null }[] }>()
        .passkeys.filter((p) => p.revokedAt === null);
      assert.ok(live.length >= 1);
      const { id } = await store.db
        .selectFrom('passkey_credentials')
        .select('id')
        .where('nrn', '=', voterA)
        .where('revoked_at', 'is', null)
        .executeTakeFirstOrThrow();
      assert.equal((await send('DELETE', `/api/passkey/posts/paris/passkeys/${id}`, paris)).statusCode, 204);
      const refused = await login(phone);
      assert.equal(refused.statusCode, 403);
      assert.equal(codeOf(refused), 'passkey.revoked');
      const session = cookieOf(signedIn, 'isoloir-session') ?? '';
      assert.equal((await send('GET', '/api/me', { cookie: `isoloir-session=${session}` })).statusCode, 401);
      const renewed = new SoftAuthenticator(ORIGIN);
      assert.equal((await activate(await issue(voterA), renewed)).statusCode, 201);
      assert.equal((await login(renewed)).statusCode, 200);
    });

    test('brute-forcing codes: ten tries a minute from one address, then 429 even for a right code', async () => {
      const limited = await buildApp({ store, rateLimits: DEFAULT_RATE_LIMITS });
      await limited.ready();
      const code = await issue(voterB);
      const statuses: number[] = [];
      for (let i = 0; i < 12; i += 1) {
        const guess = await limited.inject({
          method: 'POST',
          url: '/api/passkey/activation/options',
          headers: { ...HOST, ...JSON_TYPE },
          remoteAddress: '198.51.100.7',
          payload: JSON.stringify({ code: `ZZZZ-ZZZZ-ZZ${String(i % 10).replace(/[01]/, '2')}${i < 10 ? 'A' : 'B'}` }),
        });
        statuses.push(guess.statusCode);
      }
      assert.deepEqual(statuses, [...Array<number>(10).fill(400), 429, 429]);
      const right = await limited.inject({
        method: 'POST',
        url: '/api/passkey/activation/options',
        headers: { ...HOST, ...JSON_TYPE },
        remoteAddress: '198.51.100.7',
        payload: JSON.stringify({ code }),
      });
      assert.equal(right.statusCode, 429);
      assert.equal(right.json<{ code: string }>().code, 'rate.limited');
      await limited.close();
    });

    test('when the setup says "CSAM only" for the mode: no code is issued, no passkey logs in', async () => {
      const phone = new SoftAuthenticator(ORIGIN);
      assert.equal((await activate(await issue(voterA), phone)).statusCode, 201);
      // A day whose setup said "CSAM only" for online voting (what importElectionSetup writes from it).
      await store.db
        .updateTable('election_day_settings')
        .set({ mode_authentication: JSON.stringify({ hybrid: 'csam', online: 'csam', kiosk: 'csam' }) })
        .where('election_day_id', '=', DEMO_DAY_ID)
        .execute();
      const refused = await send('POST', '/api/passkey/posts/paris/codes', paris, { nrn: voterB });
      assert.equal(refused.statusCode, 403);
      assert.equal(codeOf(refused), 'passkey.csam-only');
      const login403 = await login(phone);
      assert.equal(login403.statusCode, 403);
      assert.equal(codeOf(login403), 'passkey.csam-only');
      const rules = await send('GET', '/api/passkey/rules', {});
      assert.equal(rules.json<{ day: { authentication: { online: string } } }>().day.authentication.online, 'csam');
    });
  });
}
