// Opens the database: a real PostgreSQL when a URL is given, else embedded PGlite in a folder
// (or in memory). Both speak the same SQL and run the same migrations.
import { createHash } from 'node:crypto';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { migrate, type MigrationReport } from './migrate.ts';
import { PGliteDialect } from './pglite-dialect.ts';
import { claimDataFolder, tightenDataFolder } from './pglite-folder.ts';
import type { Schema } from './schema.ts';

export type DatabaseKind = 'postgresql' | 'pglite';

export interface StoreOptions {
  /** A PostgreSQL connection string; when absent, embedded PGlite is used. */
  readonly url?: string | undefined;
  /** PGlite's data folder; absent means in memory (tests). Ignored with a URL. */
  readonly dataDir?: string | undefined;
  /** Size of the PostgreSQL connection pool. */
  readonly poolSize?: number | undefined;
}

export interface Store {
  readonly db: Kysely<Schema>;
  readonly kind: DatabaseKind;
  /** Where the data lives, for humans: the folder, or the URL without its password. */
  readonly location: string;
  readonly migrations: MigrationReport;
  /** The PostgreSQL pool, for work Kysely cannot express (COPY); absent on PGlite. */
  readonly pgPool?: pg.Pool | undefined;
  close(): Promise<void>;
}

// Type OIDs whose default parsing loses information: `date` would become a local-time Date
// (a day off in some time zones) and int8 a lossy number. Both stay strings.
const DATE_OID = 1082;
const INT8_OID = 20;
const keepText = (value: string): string => value;

// node-postgres' own parser for every other type; these two stay text.
const typeParser = ((oid: number, format?: 'text' | 'binary'): unknown =>
  oid === DATE_OID || oid === INT8_OID
    ? keepText
    : (pg.types.getTypeParser as (oid: number, format?: string) => unknown)(
        oid,
        format,
      )) as typeof pg.types.getTypeParser;

/**
 * A statement whose SQL starts with this comment is prepared once per PostgreSQL connection (a
 * named statement): later executions skip parsing and, once PostgreSQL settles on a generic
 * plan, planning, which costs more than executing for the ballot box's few hot statements. For
 * constant SQL texts only (the name is a hash of the text). PGlite ignores it.
 */
export const PREPARED = '/* isoloir:prepared */';

type Query = (config: unknown, values?: unknown, callback?: unknown) => unknown;

function preparing(client: pg.PoolClient): void {
  const target = client as unknown as { query: Query };
  const query: Query = target.query.bind(client);
  target.query = (config, values, callback) => {
    if (typeof config === 'string' && config.startsWith(PREPARED) && Array.isArray(values)) {
      const name = `isoloir_${createHash('sha256').update(config).digest('hex').slice(0, 24)}`;
      return query({ name, text: config, values }, callback);
    }
    return query(config, values, callback);
  };
}

function postgresPool(url: string, poolSize: number): pg.Pool {
  const pool = new pg.Pool({
    connectionString: url,
    max: poolSize,
    types: { getTypeParser: typeParser },
  });
  pool.on('connect', preparing);
  // An idle connection that dies (server restart, a database dropped with FORCE) is removed from
  // the pool and the next query opens a new one; without a listener its error would end the process.
  pool.on('error', () => {});
  // So does a connection that dies while checked out (PostgreSQL stopped between two statements of
  // a transaction): the error goes to the client itself, and with no listener there Node ends the
  // server. The statement in flight fails on its own (the request answers 503); on release the pool
  // sees the client is no longer queryable and drops it. Found by `isoloir bench crash --pg-immediate`.
  pool.on('connect', (client) => {
    client.on('error', () => {});
  });
  return pool;
}

function pgliteDialect(dataDir: string | undefined): PGliteDialect {
  return new PGliteDialect(new PGlite(dataDir), { parsers: { [DATE_OID]: keepText, [INT8_OID]: keepText } });
}

function redact(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password !== '') parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'postgresql (unparsable URL)';
  }
}

/** Opens the store and applies every pending migration; never resets existing data. */
export async function openStore(options: StoreOptions = {}): Promise<Store> {
  const { url, dataDir } = options;
  const kind: DatabaseKind = url === undefined || url === '' ? 'pglite' : 'postgresql';
  const pgPool = kind === 'postgresql' && url !== undefined ? postgresPool(url, options.poolSize ?? 10) : undefined;
  // A PGlite folder: private to this user, and held by this process alone while open.
  const folder = kind === 'pglite' ? dataDir : undefined;
  const release = folder === undefined ? async () => {} : await claimDataFolder(folder);
  const dialect = pgPool !== undefined ? new PostgresDialect({ pool: pgPool }) : pgliteDialect(dataDir);
  const db = new Kysely<Schema>({ dialect });
  const close = async (): Promise<void> => {
    try {
      await db.destroy();
    } finally {
      await release();
    }
  };
  try {
    const migrations = await migrate(db);
    if (folder !== undefined) tightenDataFolder(folder);
    const location = kind === 'postgresql' && url !== undefined ? redact(url) : (dataDir ?? 'memory');
    return { db, kind, location, migrations, pgPool, close };
  } catch (error) {
    await close();
    throw error;
  }
}
