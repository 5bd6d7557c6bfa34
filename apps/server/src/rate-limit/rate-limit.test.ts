// Rate limits (issue #19), played as an attacker would from one address, on both databases: login
// starts, tracking-code lookups and anonymous requests answer 429 with Retry-After once over the
// limit; another address is unaffected; two API nodes on one database share the counters; the
// window ends; officials are not limited; anonymous requests leave no audit entry and one bounded,
// expiring row per bucket.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { testDatabases, type TestStore } from '@isoloir/store/testing';
import { buildApp } from '../app.ts';
import type { AppInstance } from '../app-instance.ts';
import { DEFAULT_AUTH_OPTIONS } from '../auth/config.ts';
import { seedDevOfficials } from '../auth/dev-officials.ts';
import { testSession, type TestSession } from '../auth/testing/index.ts';
import { seedDemoIfEmpty } from '../demo/seed-demo.ts';
import type { RateLimitSettings } from './policy.ts';

const SMALL: RateLimitSettings = {
  loginsPerMinute: 3,
  lookupsPerMinute: 4,
  castsPerMinute: 2,
  voterRequestsPerMinute: 6,
  anonymousPerMinute: 5,
};

for (const database of testDatabases()) {
  describe(`rate limits on ${database.name}`, () => {
    let store: TestStore;
    let node1: AppInstance;
    let node2: AppInstance;
    let clock = new Date('2026-06-01T10:00:00Z');
    let official: TestSession;

    before(async () => {
      store = await database.open();
      await seedDemoIfEmpty(store, { voters: 10, abroadPerMille: 0, seed: 5 });
      await seedDevOfficials(store);
      const auth = { ...DEFAULT_AUTH_OPTIONS, now: () => clock };
      node1 = await buildApp({ store, auth, rateLimits: SMALL });
      node2 = await buildApp({ store, auth, rateLimits: SMALL });
      official = await testSession(store, { kind: 'official', officialId: 'dev-po-admin' });
    });
    after(async () => {
      await node1.close();
      await node2.close();
      await store.close();
    });

    const from = (address: string) => ({ remoteAddress: address });

    it('refuses the 6th anonymous request of a minute from one address with 429 rate.limited and Retry-After, shared by both nodes', async () => {
      const auditBefore = await store.db
        .selectFrom('audit_log')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .executeTakeFirstOrThrow();
      const statuses: number[] = [];
      for (let i = 0; i < 6; i += 1)
        statuses.push(
          (await (i % 2 === 0 ? node1 : node2).inject({ url: '/api/elections', ...from('203.0.113.7') })).statusCode,
        );
      assert.deepEqual(statuses, [200, 200, 200, 200, 200, 429]);
      const refused = await node1.inject({ url: '/api/elections', ...from('203.0.113.7') });
      assert.equal(refused.statusCode, 429);
      assert.equal(refused.json<{ code: string }>().code, 'rate.limited');
      const retryAfter = Number(refused.headers['retry-after']);
      assert.ok(retryAfter > 0 && retryAfter <= 60, String(refused.headers['retry-after']));
      // Another address is not affected.
      assert.equal((await node1.inject({ url: '/api/elections', ...from('203.0.113.8') })).statusCode, 200);
      // Nothing written but the bounded counters: no audit entry, one row per bucket.
      const auditAfter = await store.db
        .selectFrom('audit_log')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .executeTakeFirstOrThrow();
      assert.equal(auditAfter.n, auditBefore.n);
      const rows = await store.db
        .selectFrom('rate_limits')
        .select(['bucket', 'hits'])
        .where('bucket', 'like', '%203.0.113.7')
        .execute();
      assert.equal(rows.length, 1);
      assert.equal(rows[0]?.hits, 7);
    });

    it('opens a new window once the minute is over', async () => {
      clock = new Date(clock.getTime() + 61_000);
      assert.equal((await node2.inject({ url: '/api/elections', ...from('203.0.113.7') })).statusCode, 200);
    });

    it('limits login starts and tracking-code lookups per address, each on its own counter', async () => {
      const logins: number[] = [];
      for (let i = 0; i < 4; i += 1)
        logins.push(
          (await node1.inject({ url: '/api/auth/login?audience=voter', ...from('198.51.100.1') })).statusCode,
        );
      assert.equal(logins.slice(0, 3).filter((s) => s === 429).length, 0, logins.join(','));
      assert.equal(logins[3], 429);
      const lookups: number[] = [];
      for (let i = 0; i < 5; i += 1)
        lookups.push(
          (await node2.inject({ url: '/api/voting/tracking/ABCD-EFGH-JKMN', ...from('198.51.100.1') })).statusCode,
        );
      assert.equal(lookups.slice(0, 4).filter((s) => s === 429).length, 0, lookups.join(','));
      assert.equal(lookups[4], 429);
    });

    it('does not limit an official, nor the load balancer’s probes', async () => {
      for (let i = 0; i < 8; i += 1)
        assert.notEqual(
          (await node1.inject({ url: '/api/elections', headers: official.headers, ...from('192.0.2.1') })).statusCode,
          429,
        );
      for (let i = 0; i < 8; i += 1)
        assert.equal((await node1.inject({ url: '/health', ...from('192.0.2.1') })).statusCode, 200);
    });

    it('limits a voter per session, wherever they connect from', async () => {
      const voter = await testSession(store, { kind: 'voter' });
      const statuses: number[] = [];
      for (let i = 0; i < 7; i += 1)
        statuses.push(
          (
            await node1.inject({
              url: '/api/voting/portal',
              headers: voter.headers,
              ...from(`192.0.2.${String(10 + i)}`),
            })
          ).statusCode,
        );
      assert.equal(statuses.slice(0, 6).filter((s) => s === 429).length, 0, statuses.join(','));
      assert.equal(statuses[6], 429);
    });
  });
}
