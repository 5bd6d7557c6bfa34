// For tests in every package: the databases a suite must run against. PGlite (in memory) always;
// PostgreSQL too when DATABASE_URL is set, each suite in a fresh database of its own, dropped after.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openStore, type Store } from '../database.ts';

export interface TestDatabase {
  readonly name: 'pglite' | 'postgresql';
  /** Opens a store on a fresh, empty database. */
  open(): Promise<TestStore>;
}

export interface TestStore extends Store {
  /** Reopens the same database (to test that data survives a restart). */
  reopen(): Promise<TestStore>;
}

async function withAdminClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

function databaseUrl(base: string, database: string): string {
  const url = new URL(base);
  url.pathname = `/${database}`;
  return url.toString();
}

async function openPostgres(adminUrl: string, database: string, created: boolean): Promise<TestStore> {
  if (!created) await withAdminClient(adminUrl, (client) => client.query(`create database ${database}`));
  const store = await openStore({ url: databaseUrl(adminUrl, database), poolSize: 4 });
  return {
    ...store,
    reopen: async () => {
      await store.close();
      return openPostgres(adminUrl, database, true);
    },
    close: async () => {
      await store.close();
      await withAdminClient(adminUrl, (client) => client.query(`drop database if exists ${database} with (force)`));
    },
  };
}

async function openPglite(dataDir?: string): Promise<TestStore> {
  const store = await openStore({ dataDir });
  return {
    ...store,
    reopen: async () => {
      if (dataDir === undefined) throw new Error('an in-memory PGlite cannot be reopened; give it a folder');
      await store.close();
      return openPglite(dataDir);
    },
  };
}

export function pgliteTestDatabase(dataDir?: string): TestDatabase {
  return { name: 'pglite', open: () => openPglite(dataDir) };
}

/** PGlite, plus PostgreSQL when DATABASE_URL is set. In CI (CI=true) PostgreSQL is required. */
export function testDatabases(): TestDatabase[] {
  const adminUrl = process.env['DATABASE_URL'];
  const databases: TestDatabase[] = [pgliteTestDatabase()];
  if (adminUrl !== undefined && adminUrl !== '') {
    databases.push({
      name: 'postgresql',
      open: () => openPostgres(adminUrl, `isoloir_test_${randomBytes(6).toString('hex')}`, false),
    });
  } else if (process.env['CI'] === 'true') {
    throw new Error('CI=true but DATABASE_URL is not set: the store tests must run on PostgreSQL in CI');
  }
  return databases;
}
