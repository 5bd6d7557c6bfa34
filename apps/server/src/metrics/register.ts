// `GET /metrics` for operators (Prometheus text format) and the hooks that measure every request.
// Refused to the public: the scrape must carry `Authorization: Bearer TOKEN` with the token the
// operator configured (`ISOLOIR_METRICS_TOKEN`, passed to buildApp as `metricsToken`); without a
// configured token the route answers 404 as if it did not exist. Compared in constant time.
import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Store } from '@isoloir/store';
import type { AppInstance } from '../app-instance.ts';
import { AppError, ERROR_CODES } from '../errors.ts';
import { createMetrics } from './registry.ts';

/** The routes that cast a ballot (their outcomes are counted apart). */
const CAST_ROUTES = new Set(['/api/voting/ballots', '/api/voting/elections/:electionId/ballots', '/api/kiosk/ballots']);
const UNMATCHED = '(unmatched)';

function digest(text: string): Buffer {
  return createHash('sha256').update(text, 'utf8').digest();
}

/** True when the request carries the configured bearer token. */
export function bearerMatches(header: string | undefined, token: string): boolean {
  const match = /^Bearer ([\x21-\x7e]{1,512})$/.exec(header ?? '');
  return match?.[1] !== undefined && timingSafeEqual(digest(match[1]), digest(token));
}

function routeOf(request: FastifyRequest): string {
  return request.is404 ? UNMATCHED : (request.routeOptions.url ?? UNMATCHED);
}

/** The stable error code of an error answer, if it is one (bounded: only codes of ERROR_CODES). */
function errorCodeOf(payload: unknown): string | undefined {
  if (typeof payload !== 'string' || !payload.startsWith('{')) return undefined;
  try {
    const code = (JSON.parse(payload) as { code?: unknown }).code;
    return typeof code === 'string' && code in ERROR_CODES ? code : 'other';
  } catch {
    return undefined;
  }
}

export function registerMetrics(app: AppInstance, store: Store, token: string | undefined): void {
  const metrics = createMetrics(store);
  const outcomes = new WeakMap<FastifyRequest, string>();
  app.addHook('onSend', async (request, reply, payload) => {
    if (request.method === 'POST' && CAST_ROUTES.has(routeOf(request)))
      outcomes.set(request, reply.statusCode < 400 ? 'accepted' : (errorCodeOf(payload) ?? 'other'));
    return payload;
  });
  app.addHook('onResponse', async (request: FastifyRequest, reply: FastifyReply) => {
    const route = routeOf(request);
    metrics.requests.inc({ method: request.method, route, status: String(reply.statusCode) });
    metrics.duration.observe({ method: request.method, route }, reply.elapsedTime / 1000);
    const outcome = outcomes.get(request);
    if (outcome !== undefined) metrics.casts.inc({ route, outcome });
  });
  app.get('/metrics', { schema: { hide: true }, config: { access: 'public' } }, async (request, reply) => {
    if (token === undefined || token === '') throw new AppError('route.not-found');
    const header = request.headers.authorization;
    if (header === undefined) {
      reply.header('www-authenticate', 'Bearer realm="isoloir-metrics"');
      throw new AppError('auth.required');
    }
    if (!bearerMatches(header, token)) throw new AppError('auth.forbidden');
    return reply
      .header('content-type', metrics.registry.contentType)
      .header('cache-control', 'no-store')
      .send(await metrics.registry.metrics());
  });
}
