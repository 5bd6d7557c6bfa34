// Clean failures (issue #19): text no election holds (NUL, lone surrogates) and out-of-range dates
// are refused with a 400 and a field on both databases; an unreachable database answers 503 with
// Retry-After; production refuses to start like a demo; the log never holds an NRN or SQL parameters.
import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { after, before, describe, it } from 'node:test';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { Schema, Store } from '@isoloir/store';
import { testDatabases, type TestStore } from '@isoloir/store/testing';
import { buildApp } from './app.ts';
import type { AppInstance } from './app-instance.ts';
import { testSession, type TestSession } from './auth/testing/index.ts';
import { seedDevOfficials } from './auth/dev-officials.ts';
import { isDatabaseUnavailable } from './database-unavailable.ts';
import { DEMO_DAY_ID } from './demo/generate-demo.ts';
import { seedDemoIfEmpty } from './demo/seed-demo.ts';
import { firstBadText } from './input-guard.ts';
import { loggedError, redactText, redactingLogger } from './log-redaction.ts';
import { DEMO_SETUP, seedPreparationDemo } from './preparation/demo-preparation.ts';
import { productionStartProblem } from './production-mode.ts';
import { startServer } from './server.ts';

const NUL = '\u0000';
const LONE = '\ud800';

for (const database of testDatabases()) {
  describe(`clean failures on ${database.name}`, () => {
    let store: TestStore;
    let app: AppInstance;
    let po: TestSession;
    let teamA: TestSession;

    before(async () => {
      store = await database.open();
      await seedDemoIfEmpty(store, { voters: 20, abroadPerMille: 0, seed: 3 }, { prepare: false });
      await seedPreparationDemo(store);
      await seedDevOfficials(store);
      app = await buildApp({ store });
      po = await testSession(store, { kind: 'official', officialId: 'dev-po-admin' });
      teamA = await testSession(store, { kind: 'official', officialId: 'dev-team-a-liege' });
    });
    after(async () => {
      await app.close();
      await store.close();
    });

    const official = (givenName: string): { nrn: string; givenName: string; surname: string } => ({
      nrn: '85073003328',
      givenName,
      surname: 'Test',
    });

    it('refuses a NUL or a lone surrogate in a JSON body with 400 request.text naming the field', async () => {
      for (const bad of [`Ma${NUL}rc`, `Ma${LONE}rc`]) {
        const reply = await app.inject({
          method: 'POST',
          url: '/api/admin/officials',
          headers: po.headers,
          payload: official(bad),
        });
        assert.equal(reply.statusCode, 400, reply.body);
        assert.deepEqual(reply.json(), {
          code: 'request.text',
          message: reply.json<{ message: string }>().message,
          field: 'body.givenName',
        });
      }
      // A lone surrogate written as a JSON escape, as an attacker would send it.
      const raw = '{"nrn":"85073003328","givenName":"\\ud800","surname":"Test"}';
      const escaped = await app.inject({
        method: 'POST',
        url: '/api/admin/officials',
        headers: { ...po.headers, 'content-type': 'application/json' },
        payload: raw,
      });
      assert.equal(escaped.statusCode, 400);
      assert.equal(escaped.json<{ field: string }>().field, 'body.givenName');
    });

    it('refuses a NUL in a polling-station list sent as JSON text', async () => {
      const reply = await app.inject({
        method: 'POST',
        url: `/api/counting/identities/${DEMO_DAY_ID}/polling-stations`,
        headers: teamA.headers,
        payload: { station: 'Liège 1', csv: `nrn\n850730${NUL}03328\n` },
      });
      assert.equal(reply.statusCode, 400, reply.body);
      assert.equal(reply.json<{ code: string; field: string }>().field, 'body.csv');
    });

    it('refuses a NUL in a path parameter or a query', async () => {
      const inPath = await app.inject({ method: 'GET', url: '/api/elections/a%00b' });
      assert.equal(inPath.statusCode, 400);
      assert.equal(inPath.json<{ code: string }>().code, 'request.text');
      const inQuery = await app.inject({ method: 'GET', url: '/api/elections?x=%00' });
      assert.ok(inQuery.statusCode === 400, inQuery.body);
    });

    it('refuses a NUL in a streamed CSV upload with file.malformed naming the line', async () => {
      const csv = `nis,name_fr,name_nl,name_de,demo-2029-chamber\n62063,Li${NUL}ge,Luik,Lüttich,liege\n`;
      const reply = await app.inject({
        method: 'POST',
        url: `/api/preparation/days/${DEMO_DAY_ID}/communes`,
        headers: { ...po.headers, 'content-type': 'text/csv' },
        payload: csv,
      });
      assert.equal(reply.statusCode, 400, reply.body);
      assert.equal(reply.json<{ code: string }>().code, 'file.malformed');
    });

    it('refuses a year-0000 or an impossible date in the setup with 400, not 500', async () => {
      for (const votingDate of ['0000-06-09', '2024-02-30', '9999-12-31']) {
        const setup = { ...DEMO_SETUP, day: { ...DEMO_SETUP.day, id: 'date-test', votingDate } };
        const reply = await app.inject({
          method: 'POST',
          url: '/api/preparation/setup',
          headers: po.headers,
          payload: setup,
        });
        assert.equal(reply.statusCode, 400, `${votingDate}: ${reply.body}`);
      }
    });
  });
}

describe('a database that cannot be reached', () => {
  let app: AppInstance;
  let db: Kysely<Schema>;

  before(async () => {
    // Nothing listens on port 1: every query fails to connect, as when PostgreSQL is down.
    const pool = new pg.Pool({
      connectionString: 'postgres://isoloir@127.0.0.1:1/isoloir',
      connectionTimeoutMillis: 2000,
    });
    pool.on('error', () => {});
    db = new Kysely<Schema>({ dialect: new PostgresDialect({ pool }) });
    const store = {
      db,
      kind: 'postgresql',
      location: 'nowhere',
      migrations: { applied: [], current: 0 },
      close: async () => {
        await db.destroy();
      },
    } as unknown as Store;
    app = await buildApp({ store });
  });
  after(async () => {
    await app.close();
    await db.destroy();
  });

  it('answers 503 server.unavailable with Retry-After, in the standard body', async () => {
    const reply = await app.inject({ method: 'GET', url: '/api/elections' });
    assert.equal(reply.statusCode, 503, reply.body);
    assert.equal(reply.json<{ code: string }>().code, 'server.unavailable');
    assert.equal(reply.headers['retry-after'], '5');
    assert.equal((await app.inject('/ready')).statusCode, 503);
  });

  it('tells a fault of the database from a fault of the code', () => {
    assert.ok(
      isDatabaseUnavailable(
        Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' }),
      ),
    );
    assert.ok(
      isDatabaseUnavailable(new AggregateError([Object.assign(new Error('connect'), { code: 'ECONNREFUSED' })])),
    );
    assert.ok(isDatabaseUnavailable(new Error('wrapped', { cause: new Error('Connection terminated unexpectedly') })));
    assert.ok(!isDatabaseUnavailable(Object.assign(new Error('duplicate key'), { code: '23505' })));
    assert.ok(!isDatabaseUnavailable(new TypeError('x is undefined')));
  });
});

describe('text that no election holds', () => {
  it('finds NUL and lone surrogates in strings and keys, at any depth, and nothing in clean text', () => {
    assert.equal(firstBadText({ a: [{ b: 'ok' }, { c: `x${NUL}` }] }, 'body'), 'body.a.1.c');
    assert.equal(firstBadText({ [`k${LONE}`]: 1 }, 'body'), `body.k${LONE}`);
    assert.equal(firstBadText({ name: 'Zoë Ünal 😀 — Ŀ' }, 'body'), undefined);
    assert.equal(firstBadText('\udc00x', 'query'), 'query');
  });
});

describe('production mode', () => {
  const production = { NODE_ENV: 'production' };

  it('refuses the demo, the development login and a missing secret file, and allows a configured start', () => {
    const configured = { seedDemo: false, identityProvider: true, secretFile: true };
    assert.match(productionStartProblem({ ...configured, seedDemo: true }, production) ?? '', /demo/);
    assert.match(
      productionStartProblem({ ...configured, identityProvider: false }, production) ?? '',
      /ISOLOIR_OIDC_ISSUER/,
    );
    assert.match(productionStartProblem({ ...configured, secretFile: false }, production) ?? '', /ISOLOIR_SECRET_FILE/);
    assert.equal(productionStartProblem(configured, production), undefined);
    assert.equal(
      productionStartProblem(
        { seedDemo: true, identityProvider: false, secretFile: false },
        { NODE_ENV: 'development' },
      ),
      undefined,
    );
  });

  it('startServer refuses to seed the demo with NODE_ENV=production, before opening anything', async () => {
    const saved = process.env['NODE_ENV'];
    process.env['NODE_ENV'] = 'production';
    try {
      await assert.rejects(
        startServer({
          port: 0,
          host: '127.0.0.1',
          dataDir: '/nonexistent/never-created',
          seedDemo: true,
          logger: false,
        }),
        /never seeded in production/,
      );
    } finally {
      if (saved === undefined) delete process.env['NODE_ENV'];
      else process.env['NODE_ENV'] = saved;
    }
  });
});

describe('the log', () => {
  it('redacts NRNs in every shape and keeps other numbers', () => {
    assert.equal(
      redactText('voter 85073003328 and 85.07.30-033.28 at 2026-12-02'),
      'voter [nrn] and [nrn] at 2026-12-02',
    );
    assert.equal(redactText('ballot 123456789012 of 1234567890'), 'ballot 123456789012 of 1234567890');
  });

  it('logs an error without its SQL, parameters or detail', () => {
    const error = Object.assign(new Error('duplicate key value violates unique constraint'), {
      code: '23505',
      detail: 'Key (nrn)=(85073003328) already exists.',
      query: 'insert into voters values ($1)',
      params: ['85073003328'],
    });
    const logged = JSON.stringify(loggedError(error));
    assert.doesNotMatch(logged, /85073003328|insert into|params|detail/);
    assert.match(logged, /23505/);
  });

  it('a request whose URL and failure name an NRN leaves no NRN in any line', async () => {
    const lines: string[] = [];
    const stream = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(chunk.toString());
        done();
      },
    });
    const store = {
      db: undefined,
      kind: 'pglite',
      location: 'memory',
      migrations: { applied: [], current: 0 },
      close: async () => {},
    } as unknown as Store;
    const app = await buildApp({ store, logger: { ...redactingLogger(), stream } });
    try {
      await app.inject({ method: 'GET', url: '/api/voters/85073003328?nrn=85.07.30-033.28' });
      app.log.error(
        { err: Object.assign(new Error('failed for 85073003328'), { params: ['85073003328'] }), nrn: '85073003328' },
        'voter 85073003328',
      );
    } finally {
      await app.close();
    }
    const all = lines.join('');
    assert.ok(lines.length >= 2, all);
    assert.doesNotMatch(all, /85073003328|85\.07\.30-033\.28/);
    assert.match(all, /\[nrn\]/);
  });
});
