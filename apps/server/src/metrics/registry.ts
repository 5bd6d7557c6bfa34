// The operators' metrics (Prometheus text format, prom-client), one registry per application (no
// global state: tests build several apps). Labels never carry voter data: a route is its pattern
// (`/api/voting/elections/:electionId/ballots`), never the URL; a cast outcome is a stable error
// code from ERROR_CODES or `accepted`. Database and audit gauges are read at scrape time.
import { Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { Store } from '@isoloir/store';
import { sql } from 'kysely';

export interface Metrics {
  readonly registry: Registry;
  readonly requests: Counter<'method' | 'route' | 'status'>;
  readonly duration: Histogram<'method' | 'route'>;
  readonly casts: Counter<'route' | 'outcome'>;
}

/** Request latency buckets, seconds: a cast takes tens of milliseconds; a PV or record download, seconds. */
const BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

export function createMetrics(store: Store): Metrics {
  const registry = new Registry();
  const requests = new Counter({
    name: 'isoloir_http_requests_total',
    help: 'HTTP requests answered, by method, route pattern and status code.',
    labelNames: ['method', 'route', 'status'] as const,
    registers: [registry],
  });
  const duration = new Histogram({
    name: 'isoloir_http_request_duration_seconds',
    help: 'Time to answer an HTTP request, by method and route pattern.',
    labelNames: ['method', 'route'] as const,
    buckets: BUCKETS,
    registers: [registry],
  });
  const casts = new Counter({
    name: 'isoloir_cast_outcomes_total',
    help: 'Ballot casts answered, by cast route and outcome (accepted, or the stable error code).',
    labelNames: ['route', 'outcome'] as const,
    registers: [registry],
  });
  new Gauge({
    name: 'isoloir_database_up',
    help: '1 when the database answered a trivial query during this scrape, else 0.',
    registers: [registry],
    async collect() {
      this.set(await databaseUp(store));
    },
  });
  new Gauge({
    name: 'isoloir_database_pool_connections',
    help: 'PostgreSQL pool connections by state (total, idle, waiting clients); absent on PGlite.',
    labelNames: ['state'] as const,
    registers: [registry],
    collect() {
      const pool = store.pgPool;
      if (pool === undefined) return;
      this.set({ state: 'total' }, pool.totalCount);
      this.set({ state: 'idle' }, pool.idleCount);
      this.set({ state: 'waiting' }, pool.waitingCount);
    },
  });
  new Gauge({
    name: 'isoloir_audit_checkpoints',
    help: 'Signed checkpoints of the audit chains published so far.',
    registers: [registry],
    async collect() {
      this.set((await auditFigures(store))?.checkpoints ?? 0);
    },
  });
  new Gauge({
    name: 'isoloir_audit_chain_heads',
    help: 'Audit chains whose head the latest signed checkpoint carries.',
    registers: [registry],
    async collect() {
      this.set((await auditFigures(store))?.heads ?? 0);
    },
  });
  return { registry, requests, duration, casts };
}

async function databaseUp(store: Store): Promise<number> {
  try {
    await sql`select 1`.execute(store.db);
    return 1;
  } catch {
    return 0;
  }
}

async function auditFigures(store: Store): Promise<{ checkpoints: number; heads: number } | null> {
  try {
    const count = await store.db
      .selectFrom('audit_checkpoints')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirst();
    const last = await store.db
      .selectFrom('audit_checkpoints')
      .select('shards')
      .orderBy('seq', 'desc')
      .limit(1)
      .executeTakeFirst();
    return { checkpoints: Number(count?.n ?? 0), heads: last?.shards.length ?? 0 };
  } catch {
    return null;
  }
}
