import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { after, describe, test } from 'node:test';
import { openStore } from '@isoloir/store';
import { buildApp } from './app.ts';
import { startServer } from './server.ts';

describe('server lifecycle', () => {
  const dir = mkdtempSync(join(tmpdir(), 'isoloir-server-'));
  after(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  test('a stop finishes the requests in flight, then refuses new ones', async () => {
    const store = await openStore();
    const app = await buildApp({ store });
    let started: () => void = () => undefined;
    const handlerStarted = new Promise<void>((resolve) => {
      started = resolve;
    });
    app.get('/slow', { config: { access: 'public' } }, async () => {
      started();
      await sleep(300);
      return { done: true };
    });
    const address = await app.listen({ port: 0, host: '127.0.0.1' });
    const inFlight = fetch(`${address}/slow`);
    await handlerStarted; // the request is in flight: its handler runs
    const closing = app.close();
    const response = await inFlight;
    assert.equal(response.status, 200);
    assert.deepEqual(await response.json(), { done: true });
    await closing;
    await assert.rejects(fetch(`${address}/health`));
    await store.close();
  });

  test('data survives a stop and a start; the demo is seeded once', async () => {
    const options = { port: 0, host: '127.0.0.1', dataDir: join(dir, 'data'), seedDemo: true, logger: false } as const;
    const first = await startServer(options);
    const elections = await (await fetch(`${first.url}/api/elections`)).json();
    await first.stop();
    const second = await startServer(options);
    try {
      assert.deepEqual(await (await fetch(`${second.url}/api/elections`)).json(), elections);
      const seeded = await second.store.db
        .selectFrom('audit_log')
        .select('action')
        .where('action', '=', 'demo.seeded')
        .execute();
      assert.equal(seeded.length, 1);
    } finally {
      await second.stop();
    }
  });
});
