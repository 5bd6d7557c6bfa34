// One transaction for a whole import, with a bulk loader inside it. On PostgreSQL the rows go
// through COPY FROM STDIN on the transaction's own connection (pg-copy-streams); on PGlite, through
// batched INSERT … SELECT FROM unnest(…). Either way rows stream: memory does not grow with the file.
import { once } from 'node:events';
import { Kysely, PostgresDialect, sql, type Transaction } from 'kysely';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { Schema, Store } from '@isoloir/store';

export type Cell = string | number | boolean | null;

export interface BulkColumn {
  readonly name: string;
  readonly type: 'text' | 'integer' | 'bigint' | 'date' | 'boolean' | 'smallint';
}

export interface BulkSink {
  /** Adds one row; await it (backpressure). */
  write(row: readonly Cell[]): Promise<void> | undefined;
  end(): Promise<void>;
}

export type OpenSink = (table: string, columns: readonly BulkColumn[]) => Promise<BulkSink>;

function copyEscape(value: Cell): string {
  if (value === null) return '\\N';
  if (typeof value === 'boolean') return value ? 't' : 'f';
  const text = typeof value === 'number' ? String(value) : value;
  return /[\\\t\n\r]/.test(text)
    ? text.replaceAll('\\', '\\\\').replaceAll('\t', '\\t').replaceAll('\n', '\\n').replaceAll('\r', '\\r')
    : text;
}

const FLUSH_CHARS = 256 * 1024;

function copySink(client: pg.PoolClient, table: string, columns: readonly BulkColumn[]): BulkSink {
  // A deep buffer keeps the parser working while PostgreSQL ingests the previous chunks.
  const stream = client.query(
    copyFrom(`copy ${table} (${columns.map((c) => c.name).join(', ')}) from stdin`, { highWaterMark: 8 * FLUSH_CHARS }),
  );
  let failure: Error | null = null;
  stream.on('error', (e: Error) => {
    failure = e;
  });
  let buffer = '';
  const flush = async (): Promise<void> => {
    if (failure !== null) throw failure;
    const chunk = buffer;
    buffer = '';
    if (!stream.write(chunk)) await once(stream, 'drain');
  };
  return {
    write: (row) => {
      buffer += `${row.map(copyEscape).join('\t')}\n`;
      return buffer.length >= FLUSH_CHARS ? flush() : undefined;
    },
    end: async () => {
      if (buffer !== '') await flush();
      const done = once(stream, 'finish');
      stream.end();
      await done;
      if (failure !== null) throw failure;
    },
  };
}

const UNNEST_BATCH = 5000;

function unnestSink(trx: Transaction<Schema>, table: string, columns: readonly BulkColumn[]): BulkSink {
  let arrays: (string | null)[][] = columns.map(() => []);
  let count = 0;
  const flush = async (): Promise<void> => {
    if (count === 0) return;
    const params = arrays.map((values) => sql`${sql.val(values)}::text[]`);
    const names = columns.map((c, i) => sql.raw(`u${String(i)}::${c.type}`));
    const alias = sql.raw(`u(${columns.map((_c, i) => `u${String(i)}`).join(', ')})`);
    await sql`insert into ${sql.table(table)} (${sql.join(columns.map((c) => sql.ref(c.name)))}) select ${sql.join(names)} from unnest(${sql.join(params)}) as ${alias}`.execute(
      trx,
    );
    arrays = columns.map(() => []);
    count = 0;
  };
  return {
    write: (row) => {
      row.forEach((value, i) => {
        arrays[i]?.push(value === null ? null : typeof value === 'boolean' ? (value ? 't' : 'f') : String(value));
      });
      count += 1;
      return count >= UNNEST_BATCH ? flush() : undefined;
    },
    end: flush,
  };
}

/**
 * Runs `work` in one transaction; `open` gives bulk sinks into tables (temporary ones included)
 * of that same transaction. A sink must be ended before the next query runs in the transaction.
 */
export async function withBulkTransaction<T>(
  store: Store,
  work: (trx: Transaction<Schema>, open: OpenSink) => Promise<T>,
): Promise<T> {
  const pool = store.pgPool;
  if (pool === undefined)
    return store.db
      .transaction()
      .execute((trx) => work(trx, (table, columns) => Promise.resolve(unnestSink(trx, table, columns))));
  const client = await pool.connect();
  // A Kysely bound to this one connection, so that COPY and the queries share the transaction.
  const single = new Kysely<Schema>({
    dialect: new PostgresDialect({
      pool: {
        options: {},
        connect: () => Promise.resolve({ query: client.query.bind(client), release: () => undefined }),
        end: () => Promise.resolve(),
      },
    }),
  });
  let broken = false;
  try {
    return await single
      .transaction()
      .execute((trx) => work(trx, (table, columns) => Promise.resolve(copySink(client, table, columns))));
  } catch (e) {
    broken = true;
    throw e;
  } finally {
    await single.destroy();
    client.release(broken);
  }
}
