// `isoloir bench cast [--seconds S] [--concurrency C] [--voters V] [--url U] [--receipts F] [--cpu-prof F]`:
// the online ballot box under load. Starts a server on a fresh database (PostgreSQL when DATABASE_URL
// is set, else in-memory PGlite) or, with --url, casts against a platform already running there (one
// node or the load balancer of deploy/, whose database DATABASE_URL must be); --receipts writes the id
// of each acknowledged ballot (201 with a receipt) with the time of the answer (the failover drill
// counts them). It registers generated voters with sessions, encrypts real ballots beforehand (as
// devices would), then casts them over HTTP for S seconds with C requests in flight, from the
// devices' worker thread (./bench-cast-devices.ts). Each ballot's proof is checked and its
// transaction committed before the answer. Progress on stderr; the last stdout line is JSON, with the
// load-independent costs too: SQL round trips, CPU (the server's thread, the devices' thread, the
// whole process, the PostgreSQL backends) and commits, WAL and WAL flushes per cast; --cpu-prof
// writes a V8 profile of the server's thread over the casting (scripts/cpu-profile-summary.ts).
import { randomBytes, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import pg from 'pg';
import { buildApp, seedDemoIfEmpty } from '@isoloir/server';
import { testSession } from '@isoloir/server/testing';
import { encryptForCast, openTestPeriod, publishTestKey, votingService, type CastBody } from '@isoloir/server/voting';
import { openStore, verifyAuditChain, type Store } from '@isoloir/store';
import { benchCommand } from './bench.ts';
import { startDevices } from './bench-cast-devices.ts';
import { backendCpuMs, backgroundCpuMs, cpuDelta, startCpuProfile, walCounters, walPerCast } from './bench-costs.ts';

interface Flags {
  readonly seconds: string;
  readonly concurrency: string;
  readonly voters: string;
  readonly url?: string | undefined;
  readonly receipts?: string | undefined;
  readonly cpuProf?: string | undefined;
}

const ELECTION = 'demo-2029-chamber';

function positiveInt(value: string, name: string): number {
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n < 1) throw new Error(`--${name} must be a positive integer`);
  return n;
}

/** --url: the running platform's own database (DATABASE_URL), never dropped. */
async function platformStore(): Promise<{ store: Store; drop: () => Promise<void>; database: string }> {
  const url = process.env['DATABASE_URL'];
  if (url === undefined || url === '')
    throw new Error('--url: set DATABASE_URL to the database of the platform at that address');
  return { store: await openStore({ url, poolSize: 4 }), drop: async () => {}, database: 'postgresql (platform)' };
}

/** The election's key: the one published (by a ceremony or an earlier run), else a test key published now. */
async function keyOf(store: Store) {
  const published = await votingService(store).keys.get(ELECTION);
  if (published !== undefined) return { group: published.group, pk: published.pk, layout: published.layout };
  return publishTestKey(store, ELECTION);
}

async function freshStore(): Promise<{ store: Store; drop: () => Promise<void>; database: string }> {
  const url = process.env['DATABASE_URL'];
  if (url === undefined || url === '') return { store: await openStore(), drop: async () => {}, database: 'pglite' };
  const name = `isoloir_bench_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const target = new URL(url);
  target.pathname = `/${name}`;
  const store = await openStore({ url: target.toString(), poolSize: 16 });
  return {
    store,
    database: 'postgresql',
    drop: async () => {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      await client.query(`drop database if exists ${name} with (force)`);
      await client.end();
    },
  };
}

// SQL round trips: every query a pg client sends (BEGIN and COMMIT included), counted while armed,
// except a query written behind another one still unanswered on a client in pipeline mode (it
// travels in the same round trip, @isoloir/store pipelined.ts).
const roundTrips = { armed: false, count: 0 };
interface ClientState {
  readonly pipeline: boolean;
  readonly _activeQuery: unknown;
  readonly _sentQueryQueue: readonly unknown[];
  readonly _queryQueue: readonly unknown[];
}
const clientQuery = (pg.Client.prototype as unknown as { query: (...args: unknown[]) => unknown }).query;
(pg.Client.prototype as unknown as { query: (...args: unknown[]) => unknown }).query = function query(
  this: pg.Client,
  ...args: unknown[]
) {
  const state = this as unknown as ClientState;
  const behind =
    state.pipeline &&
    ((state._activeQuery ?? null) !== null || state._sentQueryQueue.length > 0 || state._queryQueue.length > 0);
  if (roundTrips.armed && !behind) roundTrips.count += 1;
  return clientQuery.apply(this, args);
};

export { backendCpuMs, cpuDelta } from './bench-costs.ts';

function loadAverage(): number[] {
  return readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).map(Number);
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted.length === 0 ? 0 : (sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0);
}

export function registerBenchCast(program: Command): void {
  benchCommand(program)
    .command('cast')
    .description('Encrypted ballots cast over HTTP per second, with latency percentiles')
    .option('--seconds <s>', 'duration of the measurement', '60')
    .option('--concurrency <c>', 'requests in flight', '32')
    .option('--voters <v>', 'generated voters', '5000')
    .option(
      '--url <url>',
      'cast against the platform running at this address (a node or a balancer); DATABASE_URL is its database, where the voters and sessions are seeded',
    )
    .option('--receipts <file>', 'append "ballotId epochMs" for every acknowledged ballot to this file')
    .option('--cpu-prof <file>', "write a V8 CPU profile of the server's thread over the casting (.cpuprofile)")
    .action(async (flags: Flags) => {
      const seconds = positiveInt(flags.seconds, 'seconds');
      const concurrency = positiveInt(flags.concurrency, 'concurrency');
      const voterCount = positiveInt(flags.voters, 'voters');
      const log = (m: string): void => {
        process.stderr.write(`${m}\n`);
      };
      const { store, drop, database } = flags.url === undefined ? await freshStore() : await platformStore();
      try {
        log(`database ${database}: seeding ${String(voterCount)} voters`);
        await seedDemoIfEmpty(store, { voters: voterCount, abroadPerMille: 22, seed: 42 });
        const key = await keyOf(store);
        await openTestPeriod(store, ELECTION, 99);
        if (process.env['DIAG_SQL']) await store.pgPool?.query(process.env['DIAG_SQL']);
        const app = flags.url === undefined ? await buildApp({ store }) : undefined;
        const url =
          app === undefined ? (flags.url ?? '').replace(/\/$/, '') : await app.listen({ port: 0, host: '127.0.0.1' });
        // The voters of the frozen mode-7 file (the demo's hybrid voters, mode 6, cannot vote online).
        const voters = await store.db
          .selectFrom('voters as d')
          .innerJoin('frozen_voters as f', (join) => join.onRef('f.nrn', '=', 'd.nrn').on('f.mode', '=', 7))
          .select(['d.nrn', 'd.constituency_code'])
          .orderBy('d.nrn')
          .execute();
        const sessions = [];
        for (const v of voters)
          sessions.push({ ...v, session: await testSession(store, { kind: 'voter', nrn: v.nrn }) });
        // The booth gives each voter's pseudonym; asked 32 at a time (2,000 connections at once
        // overflow the listen backlog and get reset).
        const booths: ((typeof sessions)[number] & { voterId: string })[] = [];
        for (let start = 0; start < sessions.length; start += 32) {
          booths.push(
            ...(await Promise.all(
              sessions.slice(start, start + 32).map(async (s) => {
                const response = await fetch(`${url}/api/voting/elections/${ELECTION}/booth`, {
                  headers: s.session.headers,
                });
                return { ...s, voterId: ((await response.json()) as { voterId: string }).voterId };
              }),
            )),
          );
        }
        const total = Math.min(seconds * 700, booths.length * 100);
        log(`encrypting ${String(total)} ballots beforehand (devices do this)`);
        const work: { headers: Record<string, string>; body: CastBody; ballotId: string }[] = [];
        for (let i = 0; i < total; i += 1) {
          const b = booths[i % booths.length];
          if (b === undefined) break;
          const ballotId = randomUUID();
          const plain =
            i % 7 === 0
              ? { kind: 'blank' as const }
              : {
                  kind: 'list' as const,
                  list: 1 + (i % 10),
                  headBox: false,
                  effectives: [1 + (i % 4)],
                  substitutes: [],
                };
          work.push({
            headers: { ...b.session.headers, 'content-type': 'application/json' },
            body: encryptForCast(
              key.group,
              key.pk,
              key.layout,
              { electionId: ELECTION, voterId: b.voterId, ballotId, constituency: b.constituency_code },
              plain,
            ).body,
            ballotId,
          });
        }
        log(`casting for ${String(seconds)} s with ${String(concurrency)} in flight`);
        const devices = await startDevices({
          origin: url,
          work: work.map((w) => ({
            path: `/api/voting/elections/${ELECTION}/ballots`,
            headers: w.headers,
            body: JSON.stringify(w.body),
            ballotId: w.ballotId,
          })),
          concurrency,
          seconds,
          receipts: flags.receipts,
        });
        const loadBefore = loadAverage();
        const walBefore = await walCounters(store);
        const pgBefore = await backendCpuMs(store);
        const pgBackgroundBefore = await backgroundCpuMs(store);
        const cpuBefore = process.cpuUsage();
        const threadBefore = process.threadCpuUsage();
        const profile = flags.cpuProf === undefined ? undefined : await startCpuProfile();
        roundTrips.count = 0;
        roundTrips.armed = true;
        const cast = await devices.run();
        roundTrips.armed = false;
        const thread = process.threadCpuUsage(threadBefore);
        const cpu = process.cpuUsage(cpuBefore);
        const pgCpu = cpuDelta(pgBefore, await backendCpuMs(store));
        const pgBackgroundCpu = cpuDelta(pgBackgroundBefore, await backgroundCpuMs(store));
        await profile?.stop(flags.cpuProf ?? '');
        const loadAfter = loadAverage();
        await app?.close();
        // Backends send their statistics at most once a second: wait for them before reading.
        await new Promise((done) => setTimeout(done, 1500));
        const walAfter = await walCounters(store);
        if (cast.firstError !== undefined) log(`first refused or failed cast: ${cast.firstError}`);
        const { latencies, errors } = cast;
        const requests = Math.max(1, latencies.length);
        const sorted = [...latencies].sort((x, y) => x - y);
        // Every accepted ballot wrote an audit entry from concurrent transactions: the chains must hold.
        const audit = await verifyAuditChain(store.db);
        const stored = await store.db
          .selectFrom('ballots')
          .select((eb) => eb.fn.countAll<string>().as('n'))
          .executeTakeFirstOrThrow();
        const perCast = (ms: number | undefined): number | null =>
          ms === undefined ? null : Number((ms / requests).toFixed(3));
        const result = {
          database,
          seconds: Number(cast.seconds.toFixed(2)),
          concurrency,
          voters: voters.length,
          ballots: latencies.length - errors,
          stored: Number(stored.n),
          errors,
          ballots_per_s: Number(((latencies.length - errors) / cast.seconds).toFixed(1)),
          p50_ms: Number(percentile(sorted, 50).toFixed(1)),
          p99_ms: Number(percentile(sorted, 99).toFixed(1)),
          max_ms: Number((sorted.at(-1) ?? 0).toFixed(1)),
          exhausted: cast.exhausted,
          audit: audit.ok
            ? `intact (${String(audit.entries)} entries)`
            : `BROKEN at entry #${audit.seq.toString()} (${audit.problem})`,
          // Load-independent costs per request: SQL round trips (PostgreSQL only), CPU of this process
          // (server, devices and V8's helper threads together), of the server's thread (its event loop:
          // one core at most), of the devices' thread, and of the PostgreSQL backends.
          round_trips_per_cast:
            store.kind === 'postgresql' && app !== undefined ? Number((roundTrips.count / requests).toFixed(2)) : null,
          node_cpu_ms_per_cast: perCast((cpu.user + cpu.system) / 1000),
          server_thread_cpu_ms_per_cast: perCast((thread.user + thread.system) / 1000),
          devices_cpu_ms_per_cast: perCast(cast.cpuMs),
          pg_cpu_ms_per_cast: perCast(pgCpu),
          // The cluster's own processes (WAL writer, checkpointer…) and its WAL: shared by every
          // database of the cluster, so exact only when nothing else uses it.
          pg_background_cpu_ms_per_cast: perCast(pgBackgroundCpu),
          per_cast: walPerCast(walBefore, walAfter, requests),
          load_average: { before: loadBefore, after: loadAfter },
        };
        process.stdout.write(`${JSON.stringify(result)}\n`);
      } finally {
        await store.close();
        await drop();
      }
    });
}
