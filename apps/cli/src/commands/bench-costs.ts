// What a benchmark run cost, measured so that the figures survive a loaded machine: CPU time of the
// PostgreSQL processes (from /proc), the database's commits and the cluster's WAL (pg_stat_database,
// pg_stat_wal), and a V8 CPU profile of this thread over the measured window only (not the seeding).
import { readFileSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import type { Store } from '@isoloir/store';

function ticksOf(pid: number): number | undefined {
  try {
    const fields =
      readFileSync(`/proc/${String(pid)}/stat`, 'utf8')
        .split(') ')[1]
        ?.split(' ') ?? [];
    // utime + stime, in clock ticks of 10 ms.
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    // A process that has just exited (an autovacuum worker): not counted.
    return undefined;
  }
}

/** CPU time (ms) used so far by the PostgreSQL backends serving this benchmark's database. */
export async function backendCpuMs(store: Store): Promise<Map<number, number> | undefined> {
  if (store.kind !== 'postgresql') return undefined;
  const { rows } = (await store.pgPool?.query<{ pid: number }>(
    'select pid from pg_stat_activity where datname = current_database()',
  )) ?? { rows: [] };
  const ticks = new Map<number, number>();
  for (const { pid } of rows) {
    const ms = ticksOf(pid);
    if (ms !== undefined) ticks.set(pid, ms);
  }
  return ticks;
}

/**
 * CPU time (ms) of the cluster's own processes (WAL writer, checkpointer, background writer, …):
 * shared by every database of the cluster, so only meaningful when nothing else uses it.
 */
export async function backgroundCpuMs(store: Store): Promise<Map<number, number> | undefined> {
  if (store.kind !== 'postgresql') return undefined;
  const { rows } = (await store.pgPool?.query<{ pid: number }>(
    `select pid from pg_stat_activity where backend_type <> 'client backend' and datname is null`,
  )) ?? { rows: [] };
  const ticks = new Map<number, number>();
  for (const { pid } of rows) {
    const ms = ticksOf(pid);
    if (ms !== undefined) ticks.set(pid, ms);
  }
  return ticks;
}

export function cpuDelta(
  before: Map<number, number> | undefined,
  after: Map<number, number> | undefined,
): number | undefined {
  if (before === undefined || after === undefined) return undefined;
  let total = 0;
  for (const [pid, ms] of after) total += ms - (before.get(pid) ?? 0);
  return total;
}

export interface WalCounters {
  /** This database: transactions committed and rolled back. */
  readonly commits: number;
  readonly rollbacks: number;
  /** The whole cluster (pg_stat_wal): WAL records, full-page images, bytes, flushes to disk (fsync). */
  readonly walRecords: number;
  readonly walFpi: number;
  readonly walBytes: number;
  readonly walSyncs: number;
  readonly walWrites: number;
}

/** Commits of this database and WAL counters of the cluster (PostgreSQL 14+), or undefined on PGlite. */
export async function walCounters(store: Store): Promise<WalCounters | undefined> {
  if (store.pgPool === undefined) return undefined;
  // The statistics are read from a snapshot taken at the first access in a transaction: clear it.
  await store.pgPool.query('select pg_stat_clear_snapshot()');
  const { rows } = await store.pgPool.query<Record<string, string>>(
    `select d.xact_commit, d.xact_rollback, w.wal_records, w.wal_fpi, w.wal_bytes, w.wal_sync, w.wal_write
       from pg_stat_database d, pg_stat_wal w where d.datname = current_database()`,
  );
  const row = rows[0];
  if (row === undefined) return undefined;
  return {
    commits: Number(row['xact_commit']),
    rollbacks: Number(row['xact_rollback']),
    walRecords: Number(row['wal_records']),
    walFpi: Number(row['wal_fpi']),
    walBytes: Number(row['wal_bytes']),
    walSyncs: Number(row['wal_sync']),
    walWrites: Number(row['wal_write']),
  };
}

/** Per-cast differences of two readings (the statistics are sent by backends at most every 1 s: read after a pause). */
export function walPerCast(
  before: WalCounters | undefined,
  after: WalCounters | undefined,
  casts: number,
): Record<string, number> | null {
  if (before === undefined || after === undefined) return null;
  const per = (key: keyof WalCounters, digits = 3): number =>
    Number(((after[key] - before[key]) / Math.max(1, casts)).toFixed(digits));
  return {
    commits: per('commits'),
    rollbacks: per('rollbacks'),
    wal_records: per('walRecords', 2),
    wal_fpi: per('walFpi'),
    wal_bytes: per('walBytes', 0),
    wal_syncs: per('walSyncs'),
    wal_writes: per('walWrites'),
  };
}

/** A V8 CPU profile of this thread (the server's event loop) between start() and stop(FILE). */
export async function startCpuProfile(intervalMicros = 200): Promise<{ stop: (file: string) => Promise<void> }> {
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: intervalMicros });
  await session.post('Profiler.start');
  return {
    stop: async (file) => {
      const { profile } = await session.post('Profiler.stop');
      writeFileSync(file, JSON.stringify(profile));
      session.disconnect();
    },
  };
}
