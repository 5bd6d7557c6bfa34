// A Kysely dialect over embedded PGlite (WASM PostgreSQL). PGlite has one connection, so the
// driver hands it out to one caller at a time: a transaction holds it from BEGIN to COMMIT.
import type { PGlite, QueryOptions, Results } from '@electric-sql/pglite';
import {
  CompiledQuery,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  type DatabaseConnection,
  type Dialect,
  type Driver,
  type Kysely,
  type QueryResult,
} from 'kysely';

function lastResult<R>(results: Results[]): Results<R> {
  const last = results.at(-1);
  return last === undefined ? { rows: [], fields: [] } : (last as Results<R>);
}

class PGliteConnection implements DatabaseConnection {
  readonly #pglite: PGlite;
  readonly #options: QueryOptions;

  constructor(pglite: PGlite, options: QueryOptions) {
    this.#pglite = pglite;
    this.#options = options;
  }

  async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    // Without parameters, use the simple protocol (as node-postgres does), which accepts a
    // script of several statements: migrations rely on it on both databases.
    const result =
      query.parameters.length === 0
        ? lastResult<R>(await this.#pglite.exec(query.sql, this.#options))
        : await this.#pglite.query<R>(query.sql, [...query.parameters], this.#options);
    const affected = result.affectedRows;
    return {
      rows: result.rows,
      ...(affected === undefined ? {} : { numAffectedRows: BigInt(affected) }),
    };
  }

  // Streaming is not needed on the embedded database: results are read whole.
  streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error('streamQuery is not supported on PGlite');
  }
}

/** A FIFO lock: PGlite's single connection goes to one holder at a time. */
class ConnectionLock {
  #tail: Promise<void> = Promise.resolve();

  acquire(): Promise<() => void> {
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    const ready = this.#tail.then(() => release);
    this.#tail = this.#tail.then(() => held);
    return ready;
  }
}

class PGliteDriver implements Driver {
  readonly #pglite: PGlite;
  readonly #connection: PGliteConnection;
  readonly #lock = new ConnectionLock();
  readonly #releases = new Map<DatabaseConnection, () => void>();

  constructor(pglite: PGlite, options: QueryOptions) {
    this.#pglite = pglite;
    this.#connection = new PGliteConnection(pglite, options);
  }

  async init(): Promise<void> {
    await this.#pglite.waitReady;
  }

  async acquireConnection(): Promise<DatabaseConnection> {
    const release = await this.#lock.acquire();
    this.#releases.set(this.#connection, release);
    return this.#connection;
  }

  async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin'));
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('commit'));
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('rollback'));
  }

  releaseConnection(connection: DatabaseConnection): Promise<void> {
    const release = this.#releases.get(connection);
    this.#releases.delete(connection);
    release?.();
    return Promise.resolve();
  }

  async destroy(): Promise<void> {
    if (!this.#pglite.closed) await this.#pglite.close();
  }
}

export class PGliteDialect implements Dialect {
  readonly #pglite: PGlite;
  readonly #options: QueryOptions;

  /** `options` apply to every query (type parsers, so that both databases return the same values). */
  constructor(pglite: PGlite, options: QueryOptions = {}) {
    this.#pglite = pglite;
    this.#options = options;
  }

  createDriver(): Driver {
    return new PGliteDriver(this.#pglite, this.#options);
  }

  createQueryCompiler(): PostgresQueryCompiler {
    return new PostgresQueryCompiler();
  }

  createAdapter(): PostgresAdapter {
    return new PostgresAdapter();
  }

  createIntrospector(db: Kysely<unknown>): PostgresIntrospector {
    return new PostgresIntrospector(db);
  }
}
