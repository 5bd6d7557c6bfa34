// `isoloir bench reception [--envelopes N] [--concurrency C] [--tray T]`: Team A's reception of hybrid
// envelopes (mode 6, issue #16) through the HTTP API, as a barcode scanner at the main office sends
// them: N envelopes of one constituency (Liège), each K-code scanned once, C requests in flight; one
// envelope a request (`POST …/hybrid-envelopes`, T = 1), or trays of T (`POST …/hybrid-envelopes/tray`,
// a scanner reading a tray: each envelope still its own transaction, decision and audit entry). The database
// is fresh (PostgreSQL when DATABASE_URL is set, else in-memory PGlite), seeded with the demo; the
// mode-6 voters needed are copies of a demo hybrid voter of Liège under generated national register
// numbers (BENCH-ONLY rows added to the frozen file; the published hash no longer matches them), their
// K-codes issued in batches by the bulk path. Each answer is a committed decision with its audit entry
// and the voter's K-code moved. A benchmark, not a test: progress on stderr, one JSON object as the
// last stdout line (envelopes per second, p50/p99/max latency, SQL round trips per envelope on
// PostgreSQL). Acceptance (issue #16): 50,000 envelopes in under 2 minutes.
import { randomBytes } from 'node:crypto';
import type { Command } from 'commander';
import pg from 'pg';
import { makeNrn } from '@isoloir/electoral';
import { buildApp, DEFAULT_RATE_LIMITS, DEMO_DAY_ID, seedDemoIfEmpty } from '@isoloir/server';
import { seedDevOfficials, testSession } from '@isoloir/server/testing';
import {
  hybridVoterNrns,
  hybridVoters,
  issueKcodes,
  keyedHashOf,
  openTestHybridPeriod,
  TRAY_MAX,
} from '@isoloir/server/hybrid';
import { openStore, verifyAuditChain, type Store } from '@isoloir/store';
import { sql } from 'kysely';
import { readFileSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import { benchCommand } from './bench.ts';
import { backendCpuMs, cpuDelta } from './bench-cast.ts';

const OFFICE = 'liege';

function positiveInt(value: string, name: string): number {
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n < 1) throw new Error(`--${name} must be a positive integer`);
  return n;
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length - 1) * p))] ?? 0;
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

// SQL round trips: every query a pg client sends (BEGIN and COMMIT included), counted while armed.
const roundTrips = { armed: false, count: 0 };
const clientQuery = (pg.Client.prototype as unknown as { query: (...args: unknown[]) => unknown }).query;
(pg.Client.prototype as unknown as { query: (...args: unknown[]) => unknown }).query = function query(
  this: pg.Client,
  ...args: unknown[]
) {
  if (roundTrips.armed) roundTrips.count += 1;
  return clientQuery.apply(this, args);
};

/** `n` generated national register numbers, none of the demo's (the demo's voters are born 1930–2009; these 1901–1910). */
function benchNrns(n: number): string[] {
  const out: string[] = [];
  for (let i = 0; out.length < n; i++) {
    const r = makeNrn({
      year: 1901 + (Math.floor(i / 997 / 28) % 10),
      month: 1 + (Math.floor(i / 997 / 28 / 10) % 12),
      day: 1 + (Math.floor(i / 997) % 28),
      sequence: 1 + (i % 997),
    });
    if (r.ok) out.push(r.value);
  }
  return out;
}

/** Copies of one frozen mode-6 voter of `OFFICE` under the generated numbers (BENCH-ONLY). */
async function addHybridVoters(store: Store, template: string, nrns: readonly string[]): Promise<void> {
  for (let i = 0; i < nrns.length; i += 5000) {
    const batch = nrns.slice(i, i + 5000);
    await store.db.transaction().execute(async (trx) => {
      await sql`
        insert into consolidated_voters
          (consolidation_id, nrn, category, source, commune_nis, post_code, surname, given_names, birth_date, sex,
           language, address, mode, kiosk_post, status)
        select c.consolidation_id, n.nrn, c.category, c.source, c.commune_nis, c.post_code, 'BENCH-ONLY', c.given_names,
               c.birth_date, c.sex, c.language, c.address, c.mode, c.kiosk_post, c.status
          from consolidated_voters c
          join frozen_voters f on f.consolidation_id = c.consolidation_id and f.nrn = c.nrn
         cross join unnest(${batch}::text[]) as n(nrn)
         where f.election_day_id = ${DEMO_DAY_ID} and f.mode = 6 and f.nrn = ${template}`.execute(trx);
      await sql`
        insert into frozen_voters
          (election_day_id, consolidation_id, nrn, mode, category, commune_nis, post_code, kiosk_post, country, language, birth_date)
        select f.election_day_id, f.consolidation_id, n.nrn, f.mode, f.category, f.commune_nis, f.post_code, f.kiosk_post,
               f.country, f.language, f.birth_date
          from frozen_voters f cross join unnest(${batch}::text[]) as n(nrn)
         where f.election_day_id = ${DEMO_DAY_ID} and f.mode = 6 and f.nrn = ${template}`.execute(trx);
      await sql`
        insert into frozen_voter_places (election_day_id, nrn, mode, election_id, choices)
        select p.election_day_id, n.nrn, p.mode, p.election_id, p.choices
          from frozen_voter_places p cross join unnest(${batch}::text[]) as n(nrn)
         where p.election_day_id = ${DEMO_DAY_ID} and p.mode = 6 and p.nrn = ${template}`.execute(trx);
    });
  }
}

// The scanners' loop, run in a worker thread (plain JavaScript, evaluated): C requests in flight, each
// taking the next code (or the next tray of codes) until none is left.
const SCANNERS = `
const { parentPort, workerData } = require('node:worker_threads');
const { target, headers, codes, concurrency, tray } = workerData;
const latencies = [];
const outcomes = {};
let next = 0;
let received = 0;
const count = (key, n) => { outcomes[key] = (outcomes[key] ?? 0) + n; };
async function scanner() {
  for (;;) {
    const batch = codes.slice(next, next + tray);
    next += tray;
    if (batch.length === 0) return;
    const t = performance.now();
    const response = tray === 1
      ? await fetch(target, { method: 'POST', headers, body: JSON.stringify({ code: batch[0] }) })
      : await fetch(target + '/tray', { method: 'POST', headers, body: JSON.stringify({ codes: batch }) });
    const body = await response.json();
    latencies.push(performance.now() - t);
    const answers = response.status !== 200 ? [] : tray === 1 ? [body] : (body.envelopes ?? []);
    if (answers.length !== batch.length)
      count(String(response.status) + ' ' + (body.code ?? body.stopped?.code ?? 'cut short'), batch.length - answers.length);
    for (const a of answers) count(a.outcome === 'refused' ? 'refused ' + a.code : (a.outcome ?? '?'), 1);
    received += batch.length;
    if (Math.floor(received / 5000) !== Math.floor((received - batch.length) / 5000))
      parentPort.postMessage({ progress: received });
  }
}
Promise.all(Array.from({ length: concurrency }, scanner)).then(
  () => parentPort.postMessage({ latencies, outcomes }),
  (error) => parentPort.postMessage({ error: String(error) }),
);
`;

function scanners(input: {
  target: string;
  headers: Record<string, string>;
  codes: readonly string[];
  concurrency: number;
  tray: number;
  log: (m: string) => void;
}): Promise<{ latencies: number[]; outcomes: Record<string, number> }> {
  const { log, ...workerData } = input;
  return new Promise((resolve, reject) => {
    const worker = new Worker(SCANNERS, { eval: true, workerData });
    worker.on(
      'message',
      (m: { progress?: number; error?: string; latencies?: number[]; outcomes?: Record<string, number> }) => {
        if (m.progress !== undefined) log(`received ${String(m.progress)}/${String(input.codes.length)}`);
        else if (m.error !== undefined) reject(new Error(m.error));
        else resolve({ latencies: m.latencies ?? [], outcomes: m.outcomes ?? {} });
        if (m.progress === undefined) void worker.terminate();
      },
    );
    worker.on('error', reject);
  });
}

export async function benchReception(
  envelopes: number,
  concurrency: number,
  tray = 1,
): Promise<Record<string, unknown>> {
  const log = (m: string): void => {
    process.stderr.write(`${m}\n`);
  };
  const { store, drop, database } = await freshStore();
  try {
    log(`database ${database}: seeding the demo`);
    await seedDemoIfEmpty(store, { voters: 2000, abroadPerMille: 60, seed: 2029 });
    await seedDevOfficials(store);
    await openTestHybridPeriod(store, DEMO_DAY_ID);
    const demo = await hybridVoterNrns(store, DEMO_DAY_ID);
    const voters = await hybridVoters(store.db, DEMO_DAY_ID, demo, new Date());
    const template = demo.find((n) => voters.get(n)?.elections[0]?.constituencyCode === OFFICE);
    if (template === undefined) throw new Error(`the demo has no hybrid voter in ${OFFICE}`);
    const nrns = benchNrns(envelopes);
    log(`adding ${String(envelopes)} hybrid voters of ${OFFICE} (BENCH-ONLY copies)`);
    await addHybridVoters(store, template, nrns);
    log('issuing their K-codes (bulk path, 1,000 a transaction)');
    const keyedHash = keyedHashOf(store);
    const codes: string[] = [];
    for (let i = 0; i < nrns.length; i += 1000) {
      for (const k of await issueKcodes(store, keyedHash, DEMO_DAY_ID, nrns.slice(i, i + 1000), new Date()))
        if ('code' in k) codes.push(k.code);
      if ((i / 1000) % 10 === 9) log(`K-codes: ${String(codes.length)}/${String(envelopes)}`);
    }
    // The rate limits of a started server (`startServer`): an official's requests are not counted,
    // so a scanner's requests cost no write to the limits' table.
    const app = await buildApp({ store, rateLimits: DEFAULT_RATE_LIMITS });
    const url = await app.listen({ port: 0, host: '127.0.0.1' });
    const teamA = await testSession(store, { kind: 'official', officialId: 'dev-team-a-liege' });
    const headers = { ...teamA.headers, 'content-type': 'application/json' };
    const target = `${url}/api/counting/identities/${DEMO_DAY_ID}/constituencies/${OFFICE}/hybrid-envelopes`;
    log(
      tray === 1
        ? `receiving ${String(envelopes)} envelopes over HTTP, one a request, ${String(concurrency)} in flight`
        : `receiving ${String(envelopes)} envelopes over HTTP in trays of ${String(tray)} (…/hybrid-envelopes/tray), ${String(concurrency)} trays in flight`,
    );
    const loadBefore = readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).map(Number);
    const pgBefore = await backendCpuMs(store);
    const cpuBefore = process.cpuUsage();
    roundTrips.count = 0;
    roundTrips.armed = true;
    const started = performance.now();
    // The load generator (the scanners' HTTP clients) runs in a worker thread: its work does not
    // wait in the server's event loop, as on a real main office where the scanners are other
    // machines. Still on this machine: its CPU counts in nodeCpuMsPerEnvelope (the whole process).
    const { latencies, outcomes } = await scanners({ target, headers, codes, concurrency, tray, log });
    const seconds = (performance.now() - started) / 1000;
    roundTrips.armed = false;
    const cpu = process.cpuUsage(cpuBefore);
    const pgCpu = cpuDelta(pgBefore, await backendCpuMs(store));
    const loadAfter = readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).map(Number);
    await app.close();
    latencies.sort((a, b) => a - b);
    const chain = await verifyAuditChain(store.db);
    const ms = (x: number): number => Math.round(x * 10) / 10;
    return {
      database,
      envelopes,
      concurrency,
      // What was measured: one envelope a request, or trays of `tray` (latencies are then per tray).
      endpoint: tray === 1 ? 'POST …/hybrid-envelopes' : `POST …/hybrid-envelopes/tray (${String(tray)} a tray)`,
      latencyPer: tray === 1 ? 'envelope' : 'tray',
      seconds: Math.round(seconds * 10) / 10,
      envelopesPerSecond: Math.round((envelopes / seconds) * 10) / 10,
      p50Ms: ms(percentile(latencies, 0.5)),
      p99Ms: ms(percentile(latencies, 0.99)),
      maxMs: ms(percentile(latencies, 1)),
      outcomes,
      sqlRoundTripsPerEnvelope: database === 'postgresql' ? Math.round((roundTrips.count / envelopes) * 10) / 10 : null,
      // CPU per envelope, much less sensitive to other load than the rate: this process (server and
      // load generator together) and the PostgreSQL backends of the bench database.
      nodeCpuMsPerEnvelope: Math.round(((cpu.user + cpu.system) / 1000 / envelopes) * 1000) / 1000,
      pgCpuMsPerEnvelope: pgCpu === undefined ? null : Math.round((pgCpu / envelopes) * 1000) / 1000,
      loadAverage: { before: loadBefore, after: loadAfter },
      auditChainOk: chain.ok,
      acceptance50kUnder120s: Math.round((50_000 / (envelopes / seconds)) * 10) / 10 < 120,
    };
  } finally {
    await store.close();
    await drop();
  }
}

export function registerBenchReception(program: Command): void {
  benchCommand(program)
    .command('reception')
    .description(
      'Hybrid envelopes (mode 6) received by Team A over HTTP: envelopes per second and latency percentiles (50,000 in under 2 minutes)',
    )
    .option('--envelopes <n>', 'envelopes of one constituency (each K-code scanned once)', '50000')
    .option('--concurrency <c>', 'requests in flight (scanners)', '16')
    .option(
      '--tray <n>',
      'envelopes a request: 1 = the single route, more = …/hybrid-envelopes/tray (a scanner reading a tray)',
      '1',
    )
    .action(async (flags: { envelopes: string; concurrency: string; tray: string }) => {
      const tray = positiveInt(flags.tray, 'tray');
      if (tray > TRAY_MAX) throw new Error(`--tray must be at most ${String(TRAY_MAX)}`);
      const figures = await benchReception(
        positiveInt(flags.envelopes, 'envelopes'),
        positiveInt(flags.concurrency, 'concurrency'),
        tray,
      );
      process.stdout.write(`${JSON.stringify(figures)}\n`);
    });
}
