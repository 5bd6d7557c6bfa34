// The pipelined transaction (PostgreSQL only: PGlite has no pool): BEGIN with the first statement,
// COMMIT with the last, in one round trip each; what is not committed is rolled back; a failed last
// statement commits nothing, not even the earlier statements; the connection goes back to the pool
// usable and out of pipeline mode.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import pg from 'pg';
import { pipelinedTransaction } from './pipelined.ts';
import { testDatabases, type TestStore } from './testing/index.ts';

const postgres = testDatabases().find((d) => d.name === 'postgresql');

describe(
  'pipelined transaction (PostgreSQL)',
  { skip: postgres === undefined ? 'DATABASE_URL not set' : false },
  () => {
    let store: TestStore;
    let pool: pg.Pool;
    // Every statement a client of this pool sends, BEGIN and COMMIT included.
    const sent: string[] = [];
    type Query = (...args: unknown[]) => unknown;
    const prototype = pg.Client.prototype as unknown as { query: Query };
    const query = prototype.query;
    before(async () => {
      if (postgres === undefined) return;
      // Before the pool's clients connect: each binds the prototype's method then (database.ts).
      prototype.query = function (this: pg.Client, ...args: unknown[]) {
        const config = args[0];
        sent.push(typeof config === 'string' ? config : ((config as { text?: string }).text ?? ''));
        return query.apply(this, args);
      };
      store = await postgres.open();
      if (store.pgPool === undefined) throw new Error('no pool');
      pool = store.pgPool;
      await sql`create table pipelined_probe (id integer primary key, note text not null)`.execute(store.db);
    });
    after(async () => {
      prototype.query = query;
      await store.close();
    });

    const rows = async (): Promise<{ id: number; note: string }[]> =>
      (await sql<{ id: number; note: string }>`select id, note from pipelined_probe order by id`.execute(store.db))
        .rows;
    const insert = (id: number, note: string) =>
      sql<{ id: number }>`insert into pipelined_probe (id, note) values (${id}, ${note}) returning id`.compile(
        store.db,
      );

    test('two statements, one transaction: BEGIN goes with the first, COMMIT with the last', async () => {
      sent.length = 0;
      const result = await pipelinedTransaction(pool, async (t) => {
        const first = await t.query(insert(1, 'one'));
        const second = await t.commitWith(insert(2, 'two'));
        return [first, second];
      });
      assert.deepEqual(result, [[{ id: 1 }], [{ id: 2 }]]);
      assert.deepEqual(await rows(), [
        { id: 1, note: 'one' },
        { id: 2, note: 'two' },
      ]);
      assert.equal(sent[0], 'begin');
      assert.equal(sent[3], 'commit');
      assert.equal(sent.length, 5, sent.join(' | ')); // and the read of the rows
    });

    test('a transaction that ends without commitWith is rolled back', async () => {
      const answer = await pipelinedTransaction(pool, async (t) => {
        await t.query(insert(3, 'three'));
        return 'refused';
      });
      assert.equal(answer, 'refused');
      assert.equal((await rows()).length, 2);
    });

    test('a failed last statement commits nothing, not even the statements before it', async () => {
      await assert.rejects(
        pipelinedTransaction(pool, async (t) => {
          await t.query(insert(4, 'four'));
          return t.commitWith(insert(1, 'one again')); // unique violation
        }),
        (error: { code?: string }) => error.code === '23505',
      );
      assert.deepEqual(
        (await rows()).map((r) => r.id),
        [1, 2],
      );
    });

    test('a failed first statement, an exception in between: rolled back, and the connections still serve', async () => {
      await assert.rejects(
        pipelinedTransaction(pool, (t) => t.query(insert(1, 'duplicate'))),
        (error: { code?: string }) => error.code === '23505',
      );
      await assert.rejects(
        pipelinedTransaction(pool, async (t) => {
          await t.query(insert(5, 'five'));
          throw new Error('bug');
        }),
        /bug/,
      );
      assert.deepEqual(
        (await rows()).map((r) => r.id),
        [1, 2],
      );
      // Every connection of the pool (4) is back out of pipeline mode and outside any transaction.
      const clients = await Promise.all([pool.connect(), pool.connect(), pool.connect(), pool.connect()]);
      for (const client of clients) {
        const state = client as unknown as { pipeline: boolean; getTransactionStatus(): string | null };
        assert.equal(state.pipeline, false);
        await client.query('select 1');
        assert.equal(state.getTransactionStatus(), 'I'); // idle, not in a transaction
        client.release();
      }
      await pipelinedTransaction(pool, (t) => t.commitWith(insert(6, 'six')));
      assert.deepEqual(
        (await rows()).map((r) => r.id),
        [1, 2, 6],
      );
    });

    test('commitWith alone opens and commits', async () => {
      sent.length = 0;
      await pipelinedTransaction(pool, (t) => t.commitWith(insert(7, 'seven')));
      assert.deepEqual(sent.slice(0, 3), ['begin', sent[1], 'commit']);
      assert.ok((await rows()).some((r) => r.id === 7));
    });
  },
);
