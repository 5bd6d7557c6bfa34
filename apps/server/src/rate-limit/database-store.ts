// The counters of @fastify/rate-limit kept in the database (table rate_limits, migration 0014),
// so that a limit holds across every API node of the election, not per process. Fixed windows,
// as the plugin's Redis store: the first hit of a bucket opens a window of `timeWindow` ms, every
// hit in it counts, the first hit after it opens a new one. One upsert per counted request.
import type { FastifyRateLimitStore } from '@fastify/rate-limit';
import { sql, type Kysely } from 'kysely';
import type { Schema } from '@isoloir/store';

type Callback = (error: Error | null, result?: { current: number; ttl: number }) => void;

/** Expired rows are deleted once every this many counted requests (per node). */
const PURGE_EVERY = 500;

export interface Clock {
  now(): Date;
}

export class DatabaseRateLimitStore implements FastifyRateLimitStore {
  private readonly db: Kysely<Schema>;
  private readonly prefix: string;
  private readonly clock: Clock;
  private counted = 0;

  constructor(db: Kysely<Schema>, prefix: string, clock: Clock) {
    this.db = db;
    this.prefix = prefix;
    this.clock = clock;
  }

  incr(key: string, callback: Callback, timeWindow: number): void {
    this.hit(`${this.prefix}${key}`, timeWindow).then(
      (result) => {
        callback(null, result);
      },
      (error: unknown) => {
        callback(error instanceof Error ? error : new Error(String(error)));
      },
    );
  }

  /** A store per route: the route's path is part of every bucket, so limits count per route. */
  child(routeOptions: { path?: string; url?: string; method?: string | string[] }): DatabaseRateLimitStore {
    const method = Array.isArray(routeOptions.method) ? routeOptions.method.join(',') : (routeOptions.method ?? '');
    return new DatabaseRateLimitStore(this.db, `${method} ${routeOptions.url ?? routeOptions.path ?? ''}|`, this.clock);
  }

  private async hit(bucket: string, windowMs: number): Promise<{ current: number; ttl: number }> {
    const now = this.clock.now();
    const fresh = new Date(now.getTime() + windowMs);
    const row = await this.db
      .insertInto('rate_limits')
      .values({ bucket, hits: 1, resets_at: fresh })
      .onConflict((oc) =>
        oc.column('bucket').doUpdateSet({
          hits: sql<number>`case when rate_limits.resets_at <= ${now} then 1 else rate_limits.hits + 1 end`,
          resets_at: sql<Date>`case when rate_limits.resets_at <= ${now} then ${fresh} else rate_limits.resets_at end`,
        }),
      )
      .returning(['hits', 'resets_at'])
      .executeTakeFirstOrThrow();
    this.counted += 1;
    if (this.counted % PURGE_EVERY === 0)
      await this.db.deleteFrom('rate_limits').where('resets_at', '<=', now).execute();
    return { current: row.hits, ttl: Math.max(0, new Date(row.resets_at).getTime() - now.getTime()) };
  }
}

/** The constructor the plugin's `store` option takes, bound to a database. */
export function databaseRateLimitStore(db: Kysely<Schema>, clock: Clock): new () => DatabaseRateLimitStore {
  return class extends DatabaseRateLimitStore {
    constructor() {
      super(db, 'global|', clock);
    }
  };
}
