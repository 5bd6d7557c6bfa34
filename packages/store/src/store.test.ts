import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, sql } from 'kysely';
import {
  appendAudit,
  appendAudits,
  auditEntryHash,
  type AuditEntry,
  AUDIT_SHARDS,
  GENESIS_HASH,
  shardGenesis,
  verifyAuditChain,
} from './audit.ts';
import { loadMigrations, migrate } from './migrate.ts';
import { PGliteDialect } from './pglite-dialect.ts';
import type { Schema } from './schema.ts';
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
        const row = await sql<{
          d: unknown;
          n: unknown;
        }>`select date '2024-06-09' as d, 9007199254740993::bigint as n`.execute(store.db);
        assert.deepEqual(row.rows[0], { d: '2024-06-09', n: '9007199254740993' });
      } finally {
        await store.close();
      }
    });

    test('audit entries chain, verify, and a changed entry is named', async () => {
      const store = await database.open();
      try {
        for (const subject of ['a', 'b', 'c']) {
          await store.db
            .transaction()
            .execute((trx) => appendAudit(trx, { actor: 'test', action: 'thing.done', subject, details: { n: 1 } }));
        }
        const check = await verifyAuditChain(store.db);
        assert.ok(check.ok);
        assert.equal(check.entries, 3);
        assert.equal(check.shards, AUDIT_SHARDS);
        await assert.rejects(sql`update audit_log set subject = 'x' where seq = 2`.execute(store.db), /append-only/);
        await assert.rejects(sql`delete from audit_log where seq = 2`.execute(store.db), /append-only/);
        await sql`alter table audit_log disable trigger audit_log_no_update`.execute(store.db);
        await sql`update audit_log set subject = 'x' where seq = 2`.execute(store.db);
        const broken = await verifyAuditChain(store.db);
        assert.equal(!broken.ok && broken.problem, 'hash-mismatch');
        assert.equal(!broken.ok && broken.seq, 2n);
      } finally {
        await store.close();
      }
    });

    test('a batch of entries is one chain, in order, with the entries of the same transaction after it', async () => {
      const store = await database.open();
      try {
        await store.db.transaction().execute(async (trx) => {
          await appendAudits(
            trx,
            ['a', 'b', 'c'].map((subject) => ({ actor: 'test', action: 'thing.batched', subject })),
          );
          await appendAudit(trx, { actor: 'test', action: 'thing.done', subject: 'd' });
        });
        const rows = await store.db
          .selectFrom('audit_log')
          .select(['shard', 'shard_seq', 'subject'])
          .where('actor', '=', 'test')
          .orderBy('seq')
          .execute();
        assert.deepEqual(
          rows.map((r) => [r.subject, r.shard_seq]),
          [
            ['a', '1'],
            ['b', '2'],
            ['c', '3'],
            ['d', '4'],
          ],
        );
        assert.equal(new Set(rows.map((r) => r.shard)).size, 1);
        assert.equal((await verifyAuditChain(store.db)).ok, true);
      } finally {
        await store.close();
      }
    });

    test('a removed entry is named: inside a chain as a gap, at its end as a head mismatch', async () => {
      const store = await database.open();
      try {
        // One transaction's entries stay in one chain, one after the other.
        const entries = await store.db
          .transaction()
          .execute(async (trx): Promise<[AuditEntry, AuditEntry, AuditEntry]> => [
            await appendAudit(trx, { actor: 'test', action: 'thing.done', subject: '1' }),
            await appendAudit(trx, { actor: 'test', action: 'thing.done', subject: '2' }),
            await appendAudit(trx, { actor: 'test', action: 'thing.done', subject: '3' }),
          ]);
        const [first, second, third] = entries;
        assert.deepEqual(
          entries.map((e) => e.shard),
          [first.shard, first.shard, first.shard],
        );
        assert.deepEqual(
          entries.map((e) => e.shardSeq),
          [1n, 2n, 3n],
        );
        assert.equal(first.prevHash, shardGenesis(first.shard));
        await sql`alter table audit_log disable trigger audit_log_no_update`.execute(store.db);
        await sql`delete from audit_log where seq = ${String(third.seq)}`.execute(store.db);
        const end = await verifyAuditChain(store.db);
        assert.deepEqual(end, {
          ok: false,
          seq: second.seq,
          shard: first.shard,
          shardSeq: 2n,
          problem: 'head-mismatch',
        });
        await sql`delete from audit_log where seq = ${String(first.seq)}`.execute(store.db);
        const gap = await verifyAuditChain(store.db);
        assert.deepEqual(gap, { ok: false, seq: second.seq, shard: first.shard, shardSeq: 1n, problem: 'gap' });
      } finally {
        await store.close();
      }
    });

    test('an entry moved to another chain breaks the link', async () => {
      const store = await database.open();
      try {
        const entry = await store.db
          .transaction()
          .execute((trx) => appendAudit(trx, { actor: 'test', action: 'thing.done', subject: 'moved' }));
        const other = (entry.shard + 1) % AUDIT_SHARDS;
        await sql`alter table audit_log disable trigger audit_log_no_update`.execute(store.db);
        await sql`update audit_log set shard = ${other} where seq = ${String(entry.seq)}`.execute(store.db);
        await sql`update audit_shards set seq = 1, hash = ${entry.hash} where shard = ${other}`.execute(store.db);
        await sql`update audit_shards set seq = 0, hash = ${shardGenesis(entry.shard)} where shard = ${entry.shard}`.execute(
          store.db,
        );
        const check = await verifyAuditChain(store.db);
        assert.equal(!check.ok && check.problem, 'broken-link');
        assert.equal(!check.ok && check.seq, entry.seq);
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

    test('concurrent commands append unbroken chains, spread over several shards', async () => {
      const store = await database.open();
      try {
        await Promise.all(
          Array.from({ length: 40 }, (_, i) =>
            store.db.transaction().execute(async (trx) => {
              await appendAudit(trx, { actor: 'test', action: 'thing.done', subject: String(i) });
              await appendAudit(trx, { actor: 'test', action: 'thing.checked', subject: String(i) });
            }),
          ),
        );
        const check = await verifyAuditChain(store.db, 7);
        assert.equal(check.ok && check.entries, 80);
        const shards = await store.db.selectFrom('audit_log').select('shard').distinct().execute();
        assert.ok(shards.length > 1);
        // Global identifiers are unique; every command's two entries are adjacent in one chain.
        const rows = await store.db
          .selectFrom('audit_log')
          .select(['seq', 'shard', 'shard_seq', 'subject', 'action'])
          .orderBy('seq')
          .execute();
        assert.equal(new Set(rows.map((r) => r.seq)).size, 80);
        for (const done of rows.filter((r) => r.action === 'thing.done')) {
          const checked = rows.find((r) => r.action === 'thing.checked' && r.subject === done.subject);
          assert.equal(checked?.shard, done.shard);
          assert.equal(BigInt(checked.shard_seq), BigInt(done.shard_seq) + 1n);
        }
      } finally {
        await store.close();
      }
    });

    if (database.name === 'postgresql') {
      test('a command holding its audit chain does not block another command from committing', async () => {
        const store = await database.open();
        try {
          let release = (): void => {};
          const held = new Promise<void>((resolve) => {
            release = resolve;
          });
          let appended = (): void => {};
          const firstAppended = new Promise<void>((resolve) => {
            appended = resolve;
          });
          const first = store.db.transaction().execute(async (trx) => {
            await appendAudit(trx, { actor: 'test', action: 'thing.slow', subject: 'first' });
            appended();
            await held;
          });
          await firstAppended;
          // With one global chain this would wait for `first` forever.
          await store.db
            .transaction()
            .execute((trx) => appendAudit(trx, { actor: 'test', action: 'thing.quick', subject: 'second' }));
          const committed = await store.db.selectFrom('audit_log').select('subject').execute();
          assert.deepEqual(committed, [{ subject: 'second' }]);
          release();
          await first;
          const check = await verifyAuditChain(store.db);
          assert.equal(check.ok && check.entries, 2);
        } finally {
          await store.close();
        }
      });
    }
  });
}

describe('migration 0006 (audit shards)', () => {
  test('moves the existing single chain into shard 0, which goes on from its tip', async () => {
    const db = new Kysely<Schema>({ dialect: new PGliteDialect(new PGlite(), { parsers: { 20: (v: string) => v } }) });
    try {
      await migrate(
        db,
        loadMigrations().filter((m) => m.version <= 5),
      );
      // Three entries written the way 0001–0005 did: one chain, seq 1…3, head in audit_head.
      let prevHash = GENESIS_HASH;
      for (const n of [1n, 2n, 3n]) {
        const entry = {
          shardSeq: n,
          at: new Date(Date.UTC(2029, 0, 1, 0, 0, Number(n))).toISOString(),
          actor: 'test',
          action: 'old.entry',
          subject: String(n),
          details: { n: Number(n) },
          prevHash,
        };
        const hash = auditEntryHash(entry);
        await sql`insert into audit_log (seq, at, actor, action, subject, details, prev_hash, hash) values (${String(n)}, ${entry.at}, 'test', 'old.entry', ${String(n)}, ${JSON.stringify(entry.details)}::jsonb, ${prevHash}, ${hash})`.execute(
          db,
        );
        await sql`update audit_head set seq = ${String(n)}, hash = ${hash}`.execute(db);
        prevHash = hash;
      }
      const report = await migrate(db);
      assert.deepEqual(
        report.applied,
        loadMigrations()
          .filter((m) => m.version > 5)
          .map((m) => `${String(m.version).padStart(4, '0')}_${m.name}`),
      );
      const heads = await db.selectFrom('audit_shards').select(['shard', 'seq', 'hash']).orderBy('shard').execute();
      assert.equal(heads.length, AUDIT_SHARDS);
      assert.deepEqual(heads[0], { shard: 0, seq: '3', hash: prevHash });
      for (const head of heads.slice(1))
        assert.deepEqual(head, { shard: head.shard, seq: '0', hash: shardGenesis(head.shard) });
      const before = await verifyAuditChain(db);
      assert.equal(before.ok && before.entries, 3);
      const next = await db
        .transaction()
        .execute((trx) => appendAudit(trx, { actor: 'test', action: 'new.entry', subject: '4' }));
      assert.equal(next.seq, 4n);
      const after = await verifyAuditChain(db);
      assert.equal(after.ok && after.entries, 4);
      await assert.rejects(sql`delete from audit_log where seq = 1`.execute(db), /append-only/);
    } finally {
      await db.destroy();
    }
  });
});

describe('PGlite in a folder', () => {
  const dir = mkdtempSync(join(tmpdir(), 'isoloir-store-'));
  after(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  test('keeps its data across a restart', async () => {
    const first = await pgliteTestDatabase(dir).open();
    await first.db
      .transaction()
      .execute((trx) => appendAudit(trx, { actor: 'test', action: 'thing.done', subject: 'kept' }));
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
