// The demo key ceremony of `npm start`: shares under the data folder marked DEMO ONLY, never in
// the database; run once.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '@isoloir/store';
import { DEMO_ELECTION_ID } from '../demo/generate-demo.ts';
import { seedDemoIfEmpty } from '../demo/seed-demo.ts';
import { DEMO_SHARES_FOLDER, seedDemoCeremony } from './demo-ceremony.ts';

test('the demo ceremony writes DEMO-ONLY shares under the data folder, none in the database, once', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'isoloir-ceremony-'));
  const store = await openStore({});
  try {
    await seedDemoIfEmpty(store, { voters: 40, abroadPerMille: 100, seed: 2 });
    const folder = await seedDemoCeremony(store, dir);
    assert.equal(folder, join(dir, DEMO_SHARES_FOLDER));
    const files = readdirSync(folder).sort();
    assert.deepEqual(files, [1, 2, 3].map((n) => `DEMO-ONLY-trustee-${String(n)}-share.json`));
    const secrets = files.map((f) => (JSON.parse(readFileSync(join(folder, f), 'utf8')) as { secret: string; warning: string }));
    assert.ok(secrets.every((s) => s.warning.startsWith('DEMO ONLY')));
    const key = await store.db.selectFrom('election_keys').selectAll().where('election_id', '=', DEMO_ELECTION_ID).executeTakeFirstOrThrow();
    assert.equal(key.threshold, 2);
    const stored = JSON.stringify(key);
    for (const s of secrets) assert.ok(!stored.includes(s.secret), 'no key share in the database');
    assert.equal(await seedDemoCeremony(store, dir), undefined, 'once');
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
