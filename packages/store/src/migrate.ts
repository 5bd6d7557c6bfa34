// Numbered SQL migrations (../migrations/NNNN_name.sql), each applied once, in order; the pending
// ones are applied together in one transaction, so a failed start leaves the database as it was. An applied migration whose file has since changed stops the start: history is
// never rewritten and data is never reset.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { sql, type Kysely } from 'kysely';
import type { Schema } from './schema.ts';

export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly script: string;
  readonly checksum: string;
}

export interface MigrationReport {
  readonly applied: readonly string[];
  readonly current: number;
}

const MIGRATIONS_DIR = new URL('../migrations/', import.meta.url);
const FILE_NAME = /^(\d{4})_([a-z0-9_]+)\.sql$/;
// Any fixed number: held while migrating so that two servers starting together take turns.
const MIGRATION_LOCK = 0x1501_0001;

export function loadMigrations(dir: URL = MIGRATIONS_DIR): Migration[] {
  return readdirSync(dir)
    .map((file) => ({ file, match: FILE_NAME.exec(file) }))
    .filter((entry): entry is { file: string; match: RegExpExecArray } => entry.match !== null)
    .map(({ file, match }) => {
      const script = readFileSync(new URL(file, dir), 'utf8');
      return {
        version: Number(match[1]),
        name: match[2] ?? file,
        script,
        checksum: createHash('sha256').update(script).digest('hex'),
      };
    })
    .sort((a, b) => a.version - b.version);
}

async function ensureLedger(db: Kysely<Schema>): Promise<void> {
  await sql`create table if not exists schema_migrations (
    version    integer primary key,
    name       text not null,
    checksum   text not null,
    applied_at timestamptz not null default now()
  )`.execute(db);
}

function checkHistory(applied: readonly { version: number; checksum: string }[], known: readonly Migration[]): void {
  for (const row of applied) {
    const migration = known.find((candidate) => candidate.version === row.version);
    if (migration === undefined)
      throw new Error(
        `database has migration ${String(row.version)} that this version of isoloir does not know: refusing to start`,
      );
    if (migration.checksum !== row.checksum)
      throw new Error(
        `migration ${String(row.version)} (${migration.name}) was changed after it was applied: refusing to start`,
      );
  }
}

export async function migrate(
  db: Kysely<Schema>,
  migrations: readonly Migration[] = loadMigrations(),
): Promise<MigrationReport> {
  return db.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(${MIGRATION_LOCK})`.execute(trx);
    // Under the lock: two nodes starting together on an empty database would otherwise race on
    // `create table if not exists` (one of them fails on pg_type's unique index).
    await ensureLedger(trx);
    const applied = await trx
      .selectFrom('schema_migrations')
      .select(['version', 'checksum'])
      .orderBy('version')
      .execute();
    checkHistory(applied, migrations);
    const done = new Set(applied.map((row) => row.version));
    const names: string[] = [];
    for (const migration of migrations.filter((candidate) => !done.has(candidate.version))) {
      await sql.raw(migration.script).execute(trx);
      await trx
        .insertInto('schema_migrations')
        .values({ version: migration.version, name: migration.name, checksum: migration.checksum })
        .execute();
      names.push(`${String(migration.version).padStart(4, '0')}_${migration.name}`);
    }
    return { applied: names, current: migrations.at(-1)?.version ?? 0 };
  });
}
