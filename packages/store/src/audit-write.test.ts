// `auditWriteSql(...).insertIfAdvanced`: an entry is written only when its chain's head moved from
// where the entry expects it, so that a statement committed with its answer unread (the ballot box's
// last write, pipelined with COMMIT) never leaves an entry off its chain.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import { auditWriteSql, nextAuditEntry, verifyAuditChain, type AuditHead } from './audit.ts';
import { testDatabases, type TestStore } from './testing/index.ts';

for (const database of testDatabases()) {
  describe(`audit entry written only if its head moved, on ${database.name}`, () => {
    let store: TestStore;
    before(async () => {
      store = await database.open();
    });
    after(async () => {
      await store.close();
    });

    const headOf = async (shard: number): Promise<AuditHead> => {
      const row = await store.db
        .selectFrom('audit_shards')
        .select(['shard', 'seq', 'hash'])
        .where('shard', '=', shard)
        .executeTakeFirstOrThrow();
      return { shard: row.shard, seq: BigInt(row.seq), hash: row.hash };
    };
    const write = async (head: AuditHead): Promise<{ written: number; advanced: number }> => {
      const audit = auditWriteSql(
        nextAuditEntry(head, { actor: 'system', action: 'test.entry', subject: 'probe' }, new Date()),
      );
      const { rows } = await sql<{ written: string; advanced: string }>`with head as (${audit.advance}),
        entry as (${audit.insertIfAdvanced})
        select (select count(*) from entry) as written, (select count(*) from head) as advanced`.execute(store.db);
      return { written: Number(rows[0]?.written), advanced: Number(rows[0]?.advanced) };
    };

    test('from the head: written; from a stale head or a forged hash: nothing written', async () => {
      const head = await headOf(7);
      assert.deepEqual(await write(head), { written: 1, advanced: 1 });
      // The same head again is now stale: the chain has moved on.
      assert.deepEqual(await write(head), { written: 0, advanced: 0 });
      const now = await headOf(7);
      assert.deepEqual(await write({ ...now, hash: 'f'.repeat(64) }), { written: 0, advanced: 0 });
      const entries = await store.db
        .selectFrom('audit_log')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .where('action', '=', 'test.entry')
        .executeTakeFirstOrThrow();
      assert.equal(Number(entries.n), 1);
      assert.ok((await verifyAuditChain(store.db)).ok);
    });
  });
}
