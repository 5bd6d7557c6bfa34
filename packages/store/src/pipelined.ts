// A transaction on one PostgreSQL connection whose BEGIN travels with its first statement and whose
// COMMIT travels with its last (node-postgres' pipeline mode: the messages go in one write, the
// server answers them in order), so that a transaction of two statements costs two round trips
// instead of four. The commit is still awaited: the caller learns that the transaction committed
// (its WAL flushed, with synchronous_commit on) before it goes on. A statement that fails aborts the
// transaction; a COMMIT sent behind it then ends it as a rollback, which is checked. A transaction
// that ends without `commitWith` is rolled back (it wrote nothing the caller wants kept).
import type { CompiledQuery } from 'kysely';
import type pg from 'pg';

export interface PipelinedTransaction {
  /** Runs a statement in the transaction (the first one carries BEGIN) and returns its rows. */
  query<R>(statement: CompiledQuery<R>): Promise<R[]>;
  /** Runs the last statement and COMMIT in one round trip; resolves with its rows once committed. */
  commitWith<R>(statement: CompiledQuery<R>): Promise<R[]>;
}

interface PipelineClient {
  pipeline: boolean;
  readonly connection: { readonly stream: { cork?: () => void; uncork?: () => void } };
}

/** node-postgres' answer to a statement, or its error. */
type Outcome = PromiseSettledResult<pg.QueryResult>;

/**
 * Runs `body` in one transaction on one pooled connection. The connection is in pipeline mode only
 * while the transaction runs (COPY and cursors, used elsewhere on the pool, refuse pipeline mode).
 */
export async function pipelinedTransaction<T>(
  pool: pg.Pool,
  body: (transaction: PipelinedTransaction) => Promise<T>,
): Promise<T> {
  const client = await pool.connect();
  const raw = client as unknown as PipelineClient;
  // Where the transaction is (an object: changed by the closures below).
  const at: { state: 'idle' | 'open' | 'ended' } = { state: 'idle' };
  let broken = false;
  // The queries given are written together: one write, one round trip.
  const send = async (texts: readonly (CompiledQuery | string)[]): Promise<Outcome[]> => {
    const stream = raw.connection.stream;
    stream.cork?.();
    let sent: Promise<pg.QueryResult>[];
    try {
      sent = texts.map((q) =>
        typeof q === 'string' ? client.query(q) : client.query(q.sql, q.parameters as unknown[]),
      );
    } finally {
      stream.uncork?.();
    }
    return Promise.allSettled(sent);
  };
  const rowsOf = <R>(outcome: Outcome | undefined): R[] => {
    if (outcome === undefined) throw new Error('pipelined transaction: no answer');
    if (outcome.status === 'rejected') throw outcome.reason;
    return outcome.value.rows as R[];
  };
  raw.pipeline = true;
  try {
    const transaction: PipelinedTransaction = {
      async query<R>(statement: CompiledQuery<R>): Promise<R[]> {
        if (at.state === 'ended') throw new Error('pipelined transaction: already committed');
        const opening = at.state === 'idle';
        at.state = 'open';
        const outcomes = await send(opening ? ['begin', statement] : [statement]);
        if (opening) rowsOf(outcomes[0]);
        return rowsOf<R>(outcomes.at(-1));
      },
      async commitWith<R>(statement: CompiledQuery<R>): Promise<R[]> {
        if (at.state === 'ended') throw new Error('pipelined transaction: already committed');
        const opening = at.state === 'idle';
        at.state = 'ended';
        const outcomes = await send(opening ? ['begin', statement, 'commit'] : [statement, 'commit']);
        if (opening) rowsOf(outcomes[0]);
        const rows = rowsOf<R>(outcomes.at(-2));
        const commit = outcomes.at(-1);
        rowsOf(commit);
        // COMMIT of an aborted transaction answers ROLLBACK; the statement's own error was thrown above.
        if (commit?.status !== 'fulfilled' || commit.value.command !== 'COMMIT')
          throw new Error(
            `pipelined transaction: not committed (${commit?.status === 'fulfilled' ? commit.value.command : '?'})`,
          );
        return rows;
      },
    };
    const value = await body(transaction);
    if (at.state === 'open') {
      at.state = 'ended';
      await client.query('rollback');
    }
    return value;
  } catch (error) {
    if (at.state === 'open') {
      at.state = 'ended';
      // A connection that cannot even roll back is not given back to the pool.
      await client.query('rollback').catch(() => {
        broken = true;
      });
    }
    throw error;
  } finally {
    raw.pipeline = false;
    client.release(broken);
  }
}
