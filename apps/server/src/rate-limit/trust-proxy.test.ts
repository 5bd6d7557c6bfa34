// Behind the load balancer (deploy/), every request comes from the balancer's address: with
// ISOLOIR_TRUST_PROXY the per-address limits count the client the balancer names in
// X-Forwarded-For, and only when the request really comes from the balancer; a client that sends
// its own X-Forwarded-For straight to a node (the attacker who wants a fresh budget) is counted
// under its own address.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { testDatabases, type TestStore } from '@isoloir/store/testing';
import { buildApp, trustProxyFromEnv } from '../app.ts';
import type { AppInstance } from '../app-instance.ts';
import type { RateLimitSettings } from './policy.ts';

const SMALL: RateLimitSettings = {
  loginsPerMinute: 3,
  lookupsPerMinute: 4,
  castsPerMinute: 2,
  voterRequestsPerMinute: 6,
  anonymousPerMinute: 3,
};
const BALANCER = '10.0.0.5';

describe('ISOLOIR_TRUST_PROXY', () => {
  it('is a comma-separated list of addresses; unset or empty: nobody is trusted', () => {
    assert.equal(trustProxyFromEnv({}), undefined);
    assert.equal(trustProxyFromEnv({ ISOLOIR_TRUST_PROXY: ' ' }), undefined);
    assert.deepEqual(trustProxyFromEnv({ ISOLOIR_TRUST_PROXY: '127.0.0.1, ::1,10.0.0.0/8' }), [
      '127.0.0.1',
      '::1',
      '10.0.0.0/8',
    ]);
  });
});

for (const database of testDatabases()) {
  describe(`per-address limits behind a balancer on ${database.name}`, () => {
    let store: TestStore;
    let node: AppInstance;
    let direct: AppInstance;

    before(async () => {
      store = await database.open();
      node = await buildApp({ store, rateLimits: SMALL, trustProxy: [BALANCER] });
      direct = await buildApp({ store, rateLimits: SMALL });
    });
    after(async () => {
      await node.close();
      await direct.close();
      await store.close();
    });

    const through = (client: string, sent?: string) => ({
      url: '/api/elections',
      remoteAddress: BALANCER,
      headers: { 'x-forwarded-for': sent === undefined ? client : `${sent}, ${client}` },
    });

    it('counts each client the balancer names, not the balancer', async () => {
      const a: number[] = [];
      for (let i = 0; i < 4; i += 1) a.push((await node.inject(through('203.0.113.20'))).statusCode);
      assert.deepEqual(a, [200, 200, 200, 429]);
      // Another voter behind the same balancer keeps their whole budget.
      assert.equal((await node.inject(through('203.0.113.21'))).statusCode, 200);
      // A forged address the client put before the balancer's own is not the one counted.
      assert.equal((await node.inject(through('203.0.113.20', '198.51.100.99'))).statusCode, 429);
    });

    it('ignores X-Forwarded-For from anyone but the balancer', async () => {
      const statuses: number[] = [];
      for (let i = 0; i < 4; i += 1)
        statuses.push(
          (
            await node.inject({
              url: '/api/elections',
              remoteAddress: '198.51.100.50',
              headers: { 'x-forwarded-for': `192.0.2.${String(i)}` },
            })
          ).statusCode,
        );
      assert.deepEqual(statuses, [200, 200, 200, 429]);
      // Without ISOLOIR_TRUST_PROXY the header is never read.
      const plain: number[] = [];
      for (let i = 0; i < 4; i += 1)
        plain.push((await direct.inject(through(`192.0.2.${String(100 + i)}`))).statusCode);
      assert.deepEqual(plain, [200, 200, 200, 429]);
    });
  });
}
