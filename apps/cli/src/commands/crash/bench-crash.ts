// `isoloir bench crash --kills N [--pg-immediate M]`: the crash drill (issue #19). Prepares a
// database as `bench cast` does (the demo election seeded, a test key, the online period open,
// voter sessions), starts the real server as a child process (./server-child.ts: `startServer`,
// rate limits included), casts ballots at it from many voters, and at random moments kills it with
// SIGKILL and starts it again — and, with --pg-immediate, also stops PostgreSQL with
// `pg_ctl stop -m immediate` and starts it again under the running server. At the end every
// acknowledged receipt (a 200/201 answer) must be a stored ballot, the audit chains must hold and
// match the audit heads the server published. PostgreSQL when DATABASE_URL is set (a fresh database
// on it; --pg-immediate starts a cluster of its own instead, never stopping a shared one), else
// PGlite in a folder. Progress on stderr; the last stdout line is one JSON object.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { chmodSync, createWriteStream, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Command } from 'commander';
import pg from 'pg';
import { seedDemoIfEmpty } from '@isoloir/server';
import { testSession } from '@isoloir/server/testing';
import { encryptForCast, openTestPeriod, publishTestKey } from '@isoloir/server/voting';
import { checkAuditAgainstHeads, openStore, verifyAuditChain, type Store } from '@isoloir/store';
import { benchCommand } from '../bench.ts';
import { startPostgresCluster, type PostgresCluster } from './postgres-cluster.ts';

const ELECTION = 'demo-2029-chamber';
const CHILD = new URL('./server-child.ts', import.meta.url).pathname;
const READY_TIMEOUT_MS = 180_000;

interface Flags {
  readonly kills: string;
  readonly pgImmediate: string;
  readonly voters: string;
  readonly concurrency: string;
  readonly keep: boolean;
}

function count(value: string, name: string, min: number): number {
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n < min) throw new Error(`--${name} must be a whole number ≥ ${String(min)}`);
  return n;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => {
        resolve(port);
      });
    });
  });
}

async function freshDatabase(adminUrl: string): Promise<string> {
  const name = `isoloir_crash_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

async function dropDatabase(adminUrl: string, url: string): Promise<void> {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`drop database if exists ${new URL(url).pathname.slice(1)} with (force)`);
  await admin.end();
}

/** The server child: started, waited for, killed. Its output goes to `logFile`. */
class ServerChild {
  private child: ChildProcess | undefined;
  private exited: Promise<void> = Promise.resolve();
  private readonly port: number;
  private readonly dataDir: string;
  private readonly databaseUrl: string | undefined;
  private readonly logFile: string;
  constructor(port: number, dataDir: string, databaseUrl: string | undefined, logFile: string) {
    this.port = port;
    this.dataDir = dataDir;
    this.databaseUrl = databaseUrl;
    this.logFile = logFile;
  }

  get url(): string {
    return `http://127.0.0.1:${String(this.port)}`;
  }

  get running(): boolean {
    return this.child !== undefined && this.child.exitCode === null && this.child.signalCode === null;
  }

  start(): void {
    const log = createWriteStream(this.logFile, { flags: 'a' });
    const child = spawn(process.execPath, [CHILD, String(this.port), this.dataDir], {
      env: { ...process.env, DATABASE_URL: this.databaseUrl ?? '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout.pipe(log);
    child.stderr.pipe(log);
    this.exited = new Promise((resolve) => {
      child.once('exit', () => {
        resolve();
      });
    });
    this.child = child;
  }

  /** Resolves true once /ready answers 200; false if the child exits first or the timeout passes. */
  async ready(timeoutMs = READY_TIMEOUT_MS): Promise<boolean> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline && this.running) {
      try {
        const response = await fetch(`${this.url}/ready`, { signal: AbortSignal.timeout(2000) });
        await response.arrayBuffer();
        if (response.status === 200) return true;
      } catch {
        // not listening yet
      }
      await sleep(200);
    }
    return false;
  }

  async kill(signal: NodeJS.Signals): Promise<void> {
    if (this.running) this.child?.kill(signal);
    await this.exited;
  }
}

interface Voter {
  readonly headers: Record<string, string>;
  readonly constituency: string;
  voterId: string;
}

interface Tally {
  acknowledged: { trackingCode: string; ballotId: string }[];
  rateLimited: number;
  unavailable: number;
  refused: number;
  connectionErrors: number;
}

export function registerBenchCrash(program: Command): void {
  benchCommand(program)
    .command('crash')
    .description(
      'Crash drill: the server killed (SIGKILL) N times under cast load and restarted, PostgreSQL optionally stopped with -m immediate; every acknowledged ballot must be stored',
    )
    .option('--kills <n>', 'SIGKILLs of the server under load', '20')
    .option(
      '--pg-immediate <m>',
      'also stop PostgreSQL M times with pg_ctl stop -m immediate (a cluster of its own)',
      '0',
    )
    .option('--voters <v>', 'voters casting (each at most 20 ballots a minute: the rate limit)', '600')
    .option('--concurrency <c>', 'ballots in flight', '8')
    .option('--keep', 'keep the work folder (database, server log)', false)
    .action(async (flags: Flags) => {
      const kills = count(flags.kills, 'kills', 0);
      const pgStops = count(flags.pgImmediate, 'pg-immediate', 0);
      const voterCount = count(flags.voters, 'voters', 1);
      const concurrency = count(flags.concurrency, 'concurrency', 1);
      const log = (m: string): void => {
        process.stderr.write(`${m}\n`);
      };
      const work = mkdtempSync(join(tmpdir(), 'isoloir-crash-'));
      const dataDir = join(work, 'data');
      let cluster: PostgresCluster | undefined;
      let adminUrl = process.env['DATABASE_URL'] === '' ? undefined : process.env['DATABASE_URL'];
      if (pgStops > 0) {
        // Its own folder, which the `postgres` user can enter (the work folder is private).
        const pgParent = mkdtempSync(join(tmpdir(), 'isoloir-crash-pg-'));
        chmodSync(pgParent, 0o755);
        cluster = startPostgresCluster(await freePort(), join(pgParent, 'pg'));
        adminUrl = cluster.url;
      }
      const databaseUrl = adminUrl === undefined ? undefined : await freshDatabase(adminUrl);
      const database = databaseUrl === undefined ? 'pglite' : 'postgresql';
      let server: ServerChild | undefined;
      try {
        // The preparation `bench cast` uses: demo election, a test key, the online period open, sessions.
        log(`database ${database} (work folder ${work}): seeding ${String(voterCount)} voters`);
        let store: Store = await openStore({ url: databaseUrl, dataDir });
        await seedDemoIfEmpty(store, { voters: voterCount, abroadPerMille: 22, seed: 42 });
        const key = await publishTestKey(store, ELECTION);
        await openTestPeriod(store, ELECTION, 99);
        const rows = await store.db.selectFrom('voters').select(['nrn', 'constituency_code']).orderBy('nrn').execute();
        const voters: Voter[] = [];
        for (const v of rows) {
          const session = await testSession(store, { kind: 'voter', nrn: v.nrn });
          voters.push({
            headers: { ...session.headers, 'content-type': 'application/json' },
            constituency: v.constituency_code,
            voterId: '',
          });
        }
        await store.close();

        server = new ServerChild(await freePort(), dataDir, databaseUrl, join(work, 'server.log'));
        const restartMs: number[] = [];
        let failedRestarts = 0;
        const startAndWait = async (): Promise<boolean> => {
          for (let attempt = 0; attempt < 3; attempt += 1) {
            const t0 = performance.now();
            server?.start();
            if (await server?.ready()) {
              restartMs.push(performance.now() - t0);
              return true;
            }
            failedRestarts += 1;
            log(`restart failed (see ${join(work, 'server.log')})`);
            await server?.kill('SIGKILL');
          }
          return false;
        };
        if (!(await startAndWait())) throw new Error('the server does not start');
        restartMs.length = 0; // the first start is not a restart
        failedRestarts = 0;
        // Each voter's pseudonym, from the booth, as a device gets it.
        for (let start = 0; start < voters.length; start += 32)
          await Promise.all(
            voters.slice(start, start + 32).map(async (v) => {
              // Asked again on a refusal (a server under load may answer 503): at most 5 times.
              for (let attempt = 1; ; attempt += 1) {
                const response = await fetch(`${server?.url ?? ''}/api/voting/elections/${ELECTION}/booth`, {
                  headers: v.headers,
                });
                const booth = (await response.json()) as { voterId?: string; code?: string; message?: string };
                if (booth.voterId !== undefined) {
                  v.voterId = booth.voterId;
                  return;
                }
                // A voter of another mode (hybrid, a polling station): not one of this drill's voters.
                if (response.status === 403) return;
                if (attempt === 5)
                  throw new Error(
                    `the booth answered ${String(response.status)}: ${booth.code ?? ''} ${booth.message ?? ''}`,
                  );
                await sleep(1000);
              }
            }),
          );

        const casting = voters.filter((v) => v.voterId !== '');
        voters.length = 0;
        voters.push(...casting);
        const tally: Tally = { acknowledged: [], rateLimited: 0, unavailable: 0, refused: 0, connectionErrors: 0 };
        let stopping = false;
        let next = 0;
        // A device whose request failed (connection lost, 503) sends the same ballot again (same
        // ballotId: an idempotent retry, answered 200 with the same receipt if it had been stored).
        const worker = async (): Promise<void> => {
          let pending: { voter: Voter; body: string } | undefined;
          while (!stopping) {
            if (pending === undefined) {
              const voter = voters[next % voters.length];
              next += 1;
              if (voter === undefined) break;
              const n = next;
              const plain =
                n % 7 === 0
                  ? { kind: 'blank' as const }
                  : {
                      kind: 'list' as const,
                      list: 1 + (n % 10),
                      headBox: false,
                      effectives: [1 + (n % 4)],
                      substitutes: [],
                    };
              const ballot = {
                electionId: ELECTION,
                voterId: voter.voterId,
                ballotId: randomUUID(),
                constituency: voter.constituency,
              };
              pending = {
                voter,
                body: JSON.stringify(encryptForCast(key.group, key.pk, key.layout, ballot, plain).body),
              };
            }
            try {
              const response = await fetch(`${server?.url ?? ''}/api/voting/elections/${ELECTION}/ballots`, {
                method: 'POST',
                headers: pending.voter.headers,
                body: pending.body,
                signal: AbortSignal.timeout(30_000),
              });
              const text = await response.text();
              if (response.status === 201 || response.status === 200) {
                const receipt = JSON.parse(text) as { trackingCode: string; ballotId: string };
                tally.acknowledged.push({ trackingCode: receipt.trackingCode, ballotId: receipt.ballotId });
                pending = undefined;
              } else if (response.status === 503) {
                tally.unavailable += 1;
                await sleep(200);
              } else {
                if (response.status === 429) tally.rateLimited += 1;
                else {
                  if (tally.refused < 3) log(`cast answered ${String(response.status)}: ${text.slice(0, 200)}`);
                  tally.refused += 1;
                }
                pending = undefined;
              }
            } catch {
              // The server was killed with the request in flight: not acknowledged; sent again.
              tally.connectionErrors += 1;
              await sleep(200);
            }
          }
        };
        const workers = Array.from({ length: concurrency }, worker);

        // The drill: events in random order, each after 1–3 s of load.
        const events = [...Array<'kill'>(kills).fill('kill'), ...Array<'pg'>(pgStops).fill('pg')].sort(
          () => Math.random() - 0.5,
        );
        let failedRecoveries = 0;
        let serverExitsOnPgStop = 0;
        for (const [i, event] of events.entries()) {
          await sleep(1000 + Math.random() * 2000);
          if (event === 'kill') {
            await server.kill('SIGKILL');
            log(
              `${String(i + 1)}/${String(events.length)}: server killed (SIGKILL), ${String(tally.acknowledged.length)} acknowledged so far`,
            );
            if (!(await startAndWait())) break;
          } else {
            cluster?.stopImmediately();
            log(`${String(i + 1)}/${String(events.length)}: PostgreSQL stopped (-m immediate)`);
            await sleep(500 + Math.random() * 1500);
            cluster?.start();
            if (!(await server.ready(60_000))) {
              if (!server.running) serverExitsOnPgStop += 1;
              failedRecoveries += 1;
              log('the server did not recover from the PostgreSQL stop: restarting it');
              await server.kill('SIGKILL');
              if (!(await startAndWait())) break;
            }
          }
        }
        await sleep(1000);
        stopping = true;
        await Promise.all(workers);
        let headsDoc: { checkpoints: { seq: number; shards: never[] }[] } | undefined;
        try {
          headsDoc = (await (await fetch(`${server.url}/api/audit/heads`)).json()) as typeof headsDoc;
        } catch {
          headsDoc = undefined;
        }
        await server.kill('SIGTERM');

        // Every acknowledged receipt against what is stored.
        store = await openStore({ url: databaseUrl, dataDir });
        let found = 0;
        const codes = tally.acknowledged.map((a) => a.trackingCode);
        for (let start = 0; start < codes.length; start += 1000) {
          const chunk = codes.slice(start, start + 1000);
          const stored = await store.db
            .selectFrom('ballots')
            .select('tracking_code')
            .where('election_id', '=', ELECTION)
            .where('tracking_code', 'in', chunk)
            .execute();
          found += new Set(stored.map((s) => s.tracking_code)).size;
        }
        const audit = await verifyAuditChain(store.db);
        const anchored =
          headsDoc === undefined
            ? undefined
            : await checkAuditAgainstHeads(
                store.db,
                headsDoc.checkpoints.map((c) => ({ checkpoint: c.seq, shards: c.shards })),
              );
        await store.close();
        const sorted = [...restartMs].sort((a, b) => a - b);
        const result = {
          database,
          kills,
          acknowledged: codes.length,
          lost: codes.length - found,
          failed_restarts: failedRestarts,
          pg_stops: pgStops,
          failed_recoveries: failedRecoveries,
          server_exits_on_pg_stop: serverExitsOnPgStop,
          voters: voters.length,
          rate_limited: tally.rateLimited,
          unavailable_503: tally.unavailable,
          refused: tally.refused,
          connection_errors: tally.connectionErrors,
          restart_ms_median: Math.round(sorted[Math.floor(sorted.length / 2)] ?? 0),
          restart_ms_max: Math.round(sorted.at(-1) ?? 0),
          audit: audit.ok ? `intact (${String(audit.entries)} entries)` : `BROKEN (${audit.problem})`,
          audit_heads:
            anchored === undefined
              ? 'not read'
              : anchored.length === 0
                ? `match (${String(headsDoc?.checkpoints.length ?? 0)} checkpoints)`
                : `${String(anchored.length)} problems`,
          load_average: readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).map(Number),
        };
        process.stdout.write(`${JSON.stringify(result)}\n`);
        if (result.lost > 0 || failedRestarts > 0) process.exitCode = 1;
      } finally {
        await server?.kill('SIGKILL');
        if (databaseUrl !== undefined && adminUrl !== undefined && cluster === undefined)
          await dropDatabase(adminUrl, databaseUrl).catch(() => undefined);
        cluster?.destroy();
        if (!flags.keep) rmSync(work, { recursive: true, force: true });
      }
    });
}
