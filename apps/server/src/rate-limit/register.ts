// Registers @fastify/rate-limit on the application with the policy of ./policy.ts and the
// database-backed counters of ./database-store.ts. A refused request answers 429
// `{ code: 'rate.limited', message }` with Retry-After (the seconds left in the window).
import rateLimit from '@fastify/rate-limit';
import type { AppInstance } from '../app-instance.ts';
import { AppError } from '../errors.ts';
import { databaseRateLimitStore } from './database-store.ts';
import { bucketOf, maxFor, rateRule, type RateLimitSettings } from './policy.ts';

const WINDOW_MS = 60_000;

export async function registerRateLimits(app: AppInstance, settings: RateLimitSettings): Promise<void> {
  await app.register(rateLimit, {
    global: true,
    // Route-level onRequest hooks run after the application's: the session is known by then.
    hook: 'onRequest',
    timeWindow: WINDOW_MS,
    store: databaseRateLimitStore(app.context.store.db, { now: () => app.auth.now() }),
    allowList: (request) => rateRule(request) === undefined,
    max: (request) => maxFor(rateRule(request) ?? 'anonymous', settings),
    keyGenerator: (request) => {
      const rule = rateRule(request) ?? 'anonymous';
      return `${rule}|${bucketOf(request, rule)}`;
    },
    errorResponseBuilder: () => new AppError('rate.limited'),
    addHeadersOnExceeding: { 'x-ratelimit-limit': false, 'x-ratelimit-remaining': false, 'x-ratelimit-reset': false },
  });
}
