import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { sql } from 'kysely';
import { appendAudit, verifyAuditChain } from './audit.ts';
import { loadMigrations, migrate } from './migrate.ts';
import { pgliteTestDatabase, testDatabases } from './testing/index.ts';

for (const database of testDatabases()) {
  describe(`store on ${database.name}`, () => {
    test('applies every migration on an empty database, then none on the next start', async () => {
      const store = await database.open();
      try {
        assert.equal(store.migrations.applied.length, loadMigrations().length);
        assert.equal(store.kind, database.name);
        const again = await migrate(store.db);
        assert.deepEqual(again.applied, []);
      } finally {
        await store.close();
      }
    });

    test('refuses to start when an applied migration was edited afterwards', async () => {
      const store = await database.open();
      try {
        const edited = loadMigrations().map((m, i) => (i === 0 ? { ...m, checksum: 'f'.repeat(64) } : m));
        await assert.rejects(migrate(store.db, edited), /was changed after it was applied/);
      } finally {
        await store.close();
      }
    });

    test('keeps dates as ISO strings, never as local-time Date objects', async () => {
      const store = await database.open();
      try {
        const row = await sql<{ d: unknown; n: unknown }>`select date '2024-06-09' as d, 9007199254740993::bigint as n`.execute(store.db);
        assert.deepEqual(row.rows[0], { d: '2024-06-09', n: '9007199254740993' });
      } finally {
        await store.close();
      }
    });

    test('audit entries chain, verify, and a changed entry is named', async () => {
      const store = await database.open();
      try {
        for (const subject of ['a', 'b', 'c']) {
          await store.db.transaction().execute((trx) => appendAudit(trx, { actor: 'test', action: 'thing.done', subject, details: { n: 1 } }));
        }
        assert.deepEqual(await verifyAuditChain(store.db), { ok: true, entries: 3, tip: (await store.db.selectFrom('audit_head').select('hash').executeTakeFirstOrThrow()).hash });
        await assert.rejects(sql`update audit_log set subject = 'x' where seq = 2`.execute(store.db), /append-only/);
        await sql`alter table audit_log disable trigger audit_log_no_update`.execute(store.db);
        await sql`update audit_log set subject = 'x' where seq = 2`.execute(store.db);
        assert.deepEqual(await verifyAuditChain(store.db), { ok: false, seq: 2n, problem: 'hash-mismatch' });
      } finally {
        await store.close();
      }
    });

    test('an audit entry rolls back with the transaction it belongs to', async () => {
      const store = await database.open();
      try {
        await assert.rejects(
          store.db.transaction().execute(async (trx) => {
            await appendAudit(trx, { actor: 'test', action: 'thing.failed', subject: 'x' });
            throw new Error('command failed');
          }),
          /command failed/,
        );
        const check = await verifyAuditChain(store.db);
        assert.equal(check.ok && check.entries, 0);
      } finally {
        await store.close();
      }
    });

    test('concurrent commands append a single unbroken chain', async () => {
      const store = await database.open();
      try {
        await Promise.all(
          Array.from({ length: 20 }, (_, i) =>
            store.db.transaction().execute((trx) => appendAudit(trx, { actor: 'test', action: 'thing.done', subject: String(i) })),
          ),
        );
        const check = await verifyAuditChain(store.db, 7);
        assert.equal(check.ok && check.entries, 20);
      } finally {
        await store.close();
      }
    });
  });
}

describe('PGlite in a folder', () => {
  const dir = mkdtempSync(join(tmpdir(), 'isoloir-store-'));
  after(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  test('keeps its data across a restart', async () => {
    const first = await pgliteTestDatabase(dir).open();
    await first.db.transaction().execute((trx) => appendAudit(trx, { actor: 'test', action: 'thing.done', subject: 'kept' }));
    const second = await first.reopen();
    try {
      assert.deepEqual(second.migrations.applied, []);
      const rows = await second.db.selectFrom('audit_log').select('subject').execute();
      assert.deepEqual(rows, [{ subject: 'kept' }]);
    } finally {
      await second.close();
    }
  });
});
