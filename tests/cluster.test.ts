// Several API nodes on one PostgreSQL (deploy/README.md): two `isoloir start` processes behind HAProxy,
// started by deploy/start-cluster.sh with deploy/haproxy.cfg, as an operator would. A voter logs in
// through one node and uses the session on the other, directly and through the balancer; a login
// through the balancer starts on one node and ends on the other (the OpenID Connect state is a row,
// not a node's memory); ballots are cast through both nodes and through the balancer; the audit
// chains hold afterwards. Needs PostgreSQL (DATABASE_URL), HAProxy and the built web app: in CI
// (CI=true, .ci/run installs haproxy) a missing one fails the test, elsewhere it is skipped.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { get as httpGet } from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import pg from 'pg';
import {
  allPersonas,
  DEV_CLIENT_ID,
  DEV_CLIENT_SECRET,
  listenDevIdp,
  seedDemoIfEmpty,
  type DevIdp,
} from '@isoloir/server';
import { CookieJar, loginThroughDevIdp, SMALL_DEMO, testSession } from '@isoloir/server/testing';
import { encryptForCast, openTestPeriod, publishTestKey } from '@isoloir/server/voting';
import { openStore, verifyAuditChain, type Store } from '@isoloir/store';

const ROOT = new URL('../', import.meta.url).pathname;
const ELECTION = 'demo-2029-chamber';
const PERSONA = 'voter-be-fr-500';

function skipReason(): string | undefined {
  const missing =
    (process.env['DATABASE_URL'] ?? '') === ''
      ? 'DATABASE_URL is not set (eval "$(bash scripts/start-postgres.sh)")'
      : spawnSync('haproxy', ['-v']).status !== 0
        ? 'HAProxy is not installed (apt-get install haproxy)'
        : spawnSync('curl', ['--version']).status !== 0
          ? 'curl is not installed (deploy/start-cluster.sh waits for the nodes with it)'
          : !existsSync(join(ROOT, 'apps/web/dist/index.html'))
            ? 'the web app is not built (npm run build:web), `isoloir start` would build it'
            : undefined;
  if (missing !== undefined && process.env['CI'] === 'true')
    throw new Error(`the cluster test must run in CI: ${missing}`);
  return missing;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => {
        resolve(port);
      });
    });
  });
}

async function adminQuery(text: string): Promise<void> {
  const client = new pg.Client({ connectionString: process.env['DATABASE_URL'] });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

const reason = skipReason();

describe('two API nodes behind HAProxy', { skip: reason, timeout: 120_000 }, () => {
  const database = `isoloir_cluster_${randomBytes(4).toString('hex')}`;
  const dir = mkdtempSync(join(tmpdir(), 'isoloir-cluster-'));
  let store: Store;
  let idp: DevIdp | undefined;
  let lb: string;
  let nodes: string[];
  let clusterEnv: NodeJS.ProcessEnv;
  let key: Awaited<ReturnType<typeof publishTestKey>>;

  before(async () => {
    await adminQuery(`create database ${database}`);
    const url = new URL(process.env['DATABASE_URL'] ?? '');
    url.pathname = `/${database}`;
    store = await openStore({ url: url.toString(), poolSize: 4 });
    await seedDemoIfEmpty(store, SMALL_DEMO, { prepare: true });
    key = await publishTestKey(store, ELECTION);
    await openTestPeriod(store, ELECTION, 9);
    // The identity provider (CSAM/FAS in production) is one for all the nodes.
    const voters = await store.db
      .selectFrom('voters')
      .select(['nrn', 'given_name', 'surname', 'language', 'category', 'country', 'constituency_code'])
      .orderBy('nrn')
      .execute();
    idp = await listenDevIdp({ host: '127.0.0.1', port: 0 });
    const [lbPort, node1, node2] = [await freePort(), await freePort(), await freePort()];
    lb = `http://127.0.0.1:${String(lbPort)}`;
    nodes = [`http://127.0.0.1:${String(node1)}`, `http://127.0.0.1:${String(node2)}`];
    idp.configure(allPersonas(voters), {
      clientId: DEV_CLIENT_ID,
      clientSecret: DEV_CLIENT_SECRET,
      redirectUris: [lb, ...nodes].map((b) => `${b}/api/auth/callback`),
      postLogoutRedirectUris: [lb, ...nodes].map((b) => `${b}/`),
    });
    clusterEnv = {
      ...process.env,
      ISOLOIR_CLUSTER_DIR: dir,
      ISOLOIR_CLUSTER_DATABASE_URL: url.toString(),
      ISOLOIR_LB_PORT: String(lbPort),
      ISOLOIR_NODE_PORTS: `${String(node1)} ${String(node2)}`,
      ISOLOIR_OIDC_ISSUER: idp.issuer,
      ISOLOIR_OIDC_CLIENT_ID: DEV_CLIENT_ID,
      ISOLOIR_OIDC_CLIENT_SECRET: DEV_CLIENT_SECRET,
      // No public URL: each node answers under the address it was asked at (a node, or the balancer).
      ISOLOIR_PUBLIC_URL: '',
    };
    const started = spawnSync('bash', [join(ROOT, 'deploy/start-cluster.sh')], { env: clusterEnv, encoding: 'utf8' });
    assert.equal(started.status, 0, `start-cluster.sh failed:\n${started.stdout}\n${started.stderr}`);
  });

  after(async () => {
    spawnSync('bash', [join(ROOT, 'deploy/start-cluster.sh'), 'stop'], { env: clusterEnv, encoding: 'utf8' });
    await idp?.close();
    // `before` may have stopped before opening it.
    await (store as Store | undefined)?.close();
    await adminQuery(`drop database if exists ${database} with (force)`);
    rmSync(dir, { recursive: true, force: true });
  });

  const [node1, node2] = [() => nodes[0] ?? '', () => nodes[1] ?? ''];

  async function booth(
    base: string,
    headers: Record<string, string>,
  ): Promise<{ voterId: string; constituency: string }> {
    const response = await fetch(`${base}/api/voting/elections/${ELECTION}/booth`, { headers });
    assert.equal(response.status, 200, `${base}: booth answered ${String(response.status)}`);
    const body = (await response.json()) as { voterId: string; election: { constituency: { code: string } } };
    return { voterId: body.voterId, constituency: body.election.constituency.code };
  }

  async function cast(base: string, headers: Record<string, string>, voter: { voterId: string; constituency: string }) {
    const ballotId = randomUUID();
    const { body } = encryptForCast(
      key.group,
      key.pk,
      key.layout,
      { electionId: ELECTION, voterId: voter.voterId, ballotId, constituency: voter.constituency },
      { kind: 'blank' },
    );
    const response = await fetch(`${base}/api/voting/elections/${ELECTION}/ballots`, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    return { status: response.status, ballotId, body: (await response.json()) as Record<string, unknown> };
  }

  test('a session opened on one node works on the other, directly and through the balancer; casting through each', async () => {
    const login = await loginThroughDevIdp(node1(), PERSONA);
    assert.ok(login.ok, `login through node 1 refused: ${login.ok ? '' : String(login.code)}`);
    const headers = { cookie: login.cookie, 'x-csrf-token': login.csrfToken };
    const seen = [];
    for (const base of [node1(), node2(), lb]) {
      const me = await fetch(`${base}/api/auth/session`, { headers });
      assert.equal(me.status, 200, base);
      const session = (await me.json()) as { csrfToken?: string; kind?: string };
      assert.equal(session.csrfToken, login.csrfToken, `${base}: the same session`);
      seen.push(await booth(base, headers));
    }
    // The voter's pseudonym is keyed with the server secret: one secret, one pseudonym on every node.
    assert.equal(new Set(seen.map((s) => s.voterId)).size, 1);
    const voter = seen[0];
    assert.ok(voter !== undefined);
    const receipts = [];
    for (const base of [node1(), node2(), lb]) {
      const result = await cast(base, headers, voter);
      assert.equal(result.status, 201, `${base}: ${JSON.stringify(result.body)}`);
      receipts.push(result);
    }
    // The anti-forgery token is the session's, wherever it is checked: without it, refused on node 2.
    const forged = await cast(node2(), { cookie: login.cookie }, voter);
    assert.equal(forged.status, 403);
    const stored = await store.db.selectFrom('ballots').select('id').where('voter_id', '=', voter.voterId).execute();
    assert.deepEqual(stored.map((b) => b.id).sort(), receipts.map((r) => r.ballotId).sort());
  });

  test('a login started on node 1 ends on node 2: the state, nonce and PKCE verifier are rows, not memory', async () => {
    // The start goes to node 1 under node 2's address (Host), so that the provider sends the browser
    // back to node 2's callback, as a balancer may. (fetch always sends the URL's host: node:http.)
    const first = await new Promise<{ status: number; location: string; cookies: string[] }>((resolve, reject) => {
      const request = httpGet(
        `${node1()}/api/auth/login?as=voter`,
        { headers: { host: new URL(node2()).host } },
        (response) => {
          response.resume();
          resolve({
            status: response.statusCode ?? 0,
            location: response.headers.location ?? '',
            cookies: response.headers['set-cookie'] ?? [],
          });
        },
      );
      request.on('error', reject);
    });
    assert.equal(first.status, 302);
    const jar = new CookieJar();
    const headers = new Headers();
    for (const cookie of first.cookies) headers.append('set-cookie', cookie);
    jar.store(new Response(null, { headers }));
    let url = new URL(first.location);
    assert.equal(new URL(url.searchParams.get('redirect_uri') ?? '').origin, node2());
    let landed: URL | undefined;
    for (let hop = 0; hop < 20 && landed === undefined; hop += 1) {
      const sent = new Headers({ cookie: jar.header() });
      let response = await fetch(url, { headers: sent, redirect: 'manual' });
      jar.store(response);
      if (response.status === 200 && url.pathname.startsWith('/interaction/')) {
        response = await fetch(new URL(`${url.pathname}/login`, url), {
          method: 'POST',
          headers: { cookie: jar.header(), 'content-type': 'application/x-www-form-urlencoded' },
          body: new URLSearchParams({ persona: PERSONA }),
          redirect: 'manual',
        });
        jar.store(response);
      }
      const location = response.headers.get('location');
      assert.ok(location !== null, `the flow stopped at ${url.href} (${String(response.status)})`);
      const next = new URL(location, url);
      if (next.origin === node2() && !next.pathname.startsWith('/api/')) landed = next;
      else url = next;
    }
    assert.ok(landed !== undefined);
    assert.notEqual(landed.pathname, '/login/refused', landed.search);
    // The callback on node 2 took the attempt node 1 wrote, and opened a session both nodes know.
    for (const base of [node1(), node2()]) {
      const session = await fetch(`${base}/api/auth/session`, { headers: { cookie: jar.header() } });
      assert.equal(session.status, 200);
      assert.ok(((await session.json()) as { csrfToken?: string }).csrfToken);
    }
  });

  test('a login through the balancer starts on one node and ends on the other', async () => {
    // Round robin: the login start and the callback land on different nodes one time out of two at
    // least; three logins in a row cross nodes whatever the balancer's position.
    for (let i = 0; i < 3; i += 1) {
      const login = await loginThroughDevIdp(lb, PERSONA);
      assert.ok(login.ok, `login ${String(i)} through the balancer refused`);
    }
    const logs = [0, 1].map(
      (i) =>
        readFileSync(join(dir, `node-${new URL(nodes[i] ?? '').port}.log`), 'utf8')
          .split('\n')
          .filter((line) => line.includes('/api/auth/callback')).length,
    );
    assert.ok(
      logs.every((n) => n > 0),
      `callbacks per node: ${logs.join(', ')}`,
    );
  });

  test('many voters cast through the balancer at once: every ballot stored, both nodes served, audit chains intact', async () => {
    const rows = await store.db
      .selectFrom('voters as v')
      .innerJoin('frozen_voters as f', (join) => join.onRef('f.nrn', '=', 'v.nrn').on('f.mode', '=', 7))
      .innerJoin('elections as e', 'e.election_day_id', 'v.election_day_id')
      .where('e.id', '=', ELECTION)
      .select('v.nrn')
      .orderBy('v.nrn')
      .limit(40)
      .execute();
    assert.ok(rows.length >= 20, `only ${String(rows.length)} online voters`);
    const before = await store.db
      .selectFrom('ballots')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    const results = await Promise.all(
      rows.map(async (row) => {
        const session = await testSession(store, { kind: 'voter', nrn: row.nrn });
        const voter = await booth(lb, session.headers);
        return cast(lb, session.headers, voter);
      }),
    );
    assert.deepEqual(
      results.filter((r) => r.status !== 201).map((r) => r.body),
      [],
    );
    const afterCount = await store.db
      .selectFrom('ballots')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    assert.equal(Number(afterCount.n) - Number(before.n), rows.length);
    const casts = [0, 1].map(
      (i) =>
        readFileSync(join(dir, `node-${new URL(nodes[i] ?? '').port}.log`), 'utf8')
          .split('\n')
          .filter((line) => line.includes('"method":"POST"') && line.includes('/ballots')).length,
    );
    assert.ok(
      casts.every((n) => n > 0),
      `casts per node: ${casts.join(', ')}`,
    );
    const audit = await verifyAuditChain(store.db);
    assert.ok(audit.ok, audit.ok ? '' : `audit chain broken at #${audit.seq.toString()}: ${audit.problem}`);
  });
});
