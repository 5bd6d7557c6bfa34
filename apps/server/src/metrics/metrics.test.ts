// GET /metrics: refused to the public (no token configured: 404; no bearer: 401; a wrong one: 403);
// the operators' scrape parses under a strict reader of the Prometheus text format (./prom-text.ts,
// written from the specification, not prom-client's own round trip); route labels are patterns,
// never a URL (no election id, no path a caller typed); cast outcomes are stable codes.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { testDatabases, type TestStore } from '@isoloir/store/testing';
import { buildApp } from '../app.ts';
import type { AppInstance } from '../app-instance.ts';
import { bearerMatches } from './register.ts';
import { parsePrometheusText } from './prom-text.ts';

const TOKEN = 'scrape-token-for-tests-0123456789';
const [database] = testDatabases();

describe('the strict Prometheus text reader refuses what the format does not allow', () => {
  const bad: Record<string, string> = {
    'no TYPE': 'x_total 1\n',
    'no final line feed': '# TYPE x counter\nx 1',
    'unquoted label': '# TYPE x counter\nx{a=b} 1\n',
    'bad escape': '# TYPE x counter\nx{a="\\t"} 1\n',
    'bad float': '# TYPE x counter\nx 1,5\n',
    'series twice': '# TYPE x counter\nx{a="1"} 1\nx{a="1"} 2\n',
    'family split': '# TYPE x counter\nx 1\n# TYPE y gauge\ny 1\nx{a="2"} 1\n',
    'histogram without +Inf': '# TYPE h histogram\nh_bucket{le="1"} 1\nh_sum 1\nh_count 1\n',
    'histogram not cumulative': '# TYPE h histogram\nh_bucket{le="1"} 2\nh_bucket{le="+Inf"} 1\nh_sum 1\nh_count 1\n',
  };
  for (const [name, text] of Object.entries(bad))
    test(name, () => {
      assert.throws(() => parsePrometheusText(text));
    });
  test('a valid exposition', () => {
    const f = parsePrometheusText(
      '# HELP h a \\\\ help\n# TYPE h histogram\nh_bucket{le="0.1",r="/a"} 1\nh_bucket{le="+Inf",r="/a"} 2\nh_sum{r="/a"} 0.3\nh_count{r="/a"} 2\n',
    );
    assert.equal(f.get('h')?.help, 'a \\ help');
    assert.equal(f.get('h')?.samples.length, 4);
  });
});

test('bearerMatches: only the exact token with the Bearer scheme', () => {
  assert.equal(bearerMatches(`Bearer ${TOKEN}`, TOKEN), true);
  assert.equal(bearerMatches(`Bearer ${TOKEN}x`, TOKEN), false);
  assert.equal(bearerMatches(`bearer ${TOKEN}`, TOKEN), false);
  assert.equal(bearerMatches(`Basic ${TOKEN}`, TOKEN), false);
  assert.equal(bearerMatches(undefined, TOKEN), false);
});

describe(`/metrics on ${database?.name ?? 'none'}`, () => {
  let store: TestStore;
  let app: AppInstance;
  let closed: AppInstance;

  before(async () => {
    assert.ok(database !== undefined);
    store = await database.open();
    app = await buildApp({ store, metricsToken: TOKEN });
    closed = await buildApp({ store });
  });
  after(async () => {
    await app.close();
    await closed.close();
    await store.close();
  });

  test('refused to the public', async () => {
    assert.equal((await closed.inject('/metrics')).statusCode, 404);
    assert.equal(
      (await closed.inject({ url: '/metrics', headers: { authorization: `Bearer ${TOKEN}` } })).statusCode,
      404,
    );
    const none = await app.inject('/metrics');
    assert.equal(none.statusCode, 401);
    assert.equal(none.json<{ code: string }>().code, 'auth.required');
    assert.match(String(none.headers['www-authenticate']), /^Bearer /);
    const wrong = await app.inject({ url: '/metrics', headers: { authorization: 'Bearer not-the-token' } });
    assert.equal(wrong.statusCode, 403);
    assert.ok(!wrong.body.includes('isoloir_'));
  });

  test('the scrape parses strictly; labels are route patterns and stable codes', async () => {
    await app.inject('/health');
    await app.inject('/api/elections/some-election-id-typed-by-someone');
    await app.inject('/api/no-such/PRIVATE-PATH-PART');
    // A cast without a session: refused, counted as its stable code.
    await app.inject({
      method: 'POST',
      url: '/api/voting/elections/an-election/ballots',
      headers: { 'content-type': 'application/json' },
      payload: '{}',
    });
    const scrape = await app.inject({ url: '/metrics', headers: { authorization: `Bearer ${TOKEN}` } });
    assert.equal(scrape.statusCode, 200);
    assert.match(String(scrape.headers['content-type']), /^text\/plain; version=0\.0\.4/);
    const families = parsePrometheusText(scrape.body);
    const types = Object.fromEntries([...families.values()].map((f) => [f.name, f.type]));
    assert.deepEqual(
      {
        requests: types['isoloir_http_requests_total'],
        duration: types['isoloir_http_request_duration_seconds'],
        casts: types['isoloir_cast_outcomes_total'],
        up: types['isoloir_database_up'],
        heads: types['isoloir_audit_chain_heads'],
        checkpoints: types['isoloir_audit_checkpoints'],
      },
      {
        requests: 'counter',
        duration: 'histogram',
        casts: 'counter',
        up: 'gauge',
        heads: 'gauge',
        checkpoints: 'gauge',
      },
    );
    const routes = new Set(families.get('isoloir_http_requests_total')?.samples.map((s) => s.labels['route']));
    assert.ok(routes.has('/health'));
    assert.ok(routes.has('/api/elections/:electionId'));
    assert.ok(routes.has('(unmatched)'));
    assert.ok(!scrape.body.includes('some-election-id-typed-by-someone'));
    assert.ok(!scrape.body.includes('PRIVATE-PATH-PART'));
    assert.ok(!scrape.body.includes('an-election'));
    const cast = families
      .get('isoloir_cast_outcomes_total')
      ?.samples.find((s) => s.labels['route'] === '/api/voting/elections/:electionId/ballots');
    assert.equal(cast?.labels['outcome'], 'auth.required');
    assert.equal(cast.value, 1);
    assert.equal(families.get('isoloir_database_up')?.samples[0]?.value, 1);
  });
});
