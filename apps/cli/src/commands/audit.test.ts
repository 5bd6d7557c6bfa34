// Tampering with one audit entry makes `isoloir audit verify` fail and name that entry.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { sql } from 'kysely';
import { appendAudit, openStore } from '@isoloir/store';
import { auditReport } from './audit.ts';

const MAIN = new URL('../main.ts', import.meta.url).pathname;

describe('isoloir audit verify', () => {
  const dir = mkdtempSync(join(tmpdir(), 'isoloir-audit-'));
  after(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  test('an intact log passes; one changed entry is named, by the command too', async () => {
    const store = await openStore({ dataDir: dir });
    for (let i = 1; i <= 5; i += 1) {
      await store.db.transaction().execute((trx) =>
        appendAudit(trx, {
          actor: 'official:dev-po-admin',
          action: 'role.granted',
          subject: `official:o-${String(i)}`,
          details: { role: 'observer' },
        }),
      );
    }
    assert.deepEqual(await auditReport(store), { ok: true, text: (await auditReport(store)).text });
    assert.match((await auditReport(store)).text, /^audit log intact: 5 entries/);
    // An attacker with database access: the append-only trigger has to be switched off first.
    await sql`alter table audit_log disable trigger audit_log_no_update`.execute(store.db);
    await sql`update audit_log set details = '{"role":"po-admin"}'::jsonb where seq = 3`.execute(store.db);
    await sql`alter table audit_log enable trigger audit_log_no_update`.execute(store.db);
    const report = await auditReport(store);
    assert.equal(report.ok, false);
    assert.match(
      report.text,
      /entry #3 \(role\.granted by official:dev-po-admin on official:o-3, .*\): its content does not match its hash/,
    );
    await store.close();

    const run = spawnSync(process.execPath, [MAIN, 'audit', 'verify', '--data', dir], {
      encoding: 'utf8',
      env: { ...process.env, DATABASE_URL: '' },
    });
    assert.equal(run.status, 1, run.stderr);
    assert.match(run.stderr, /audit log BROKEN at entry #3/);
  });
});
