// Builds the Fastify application: validation, errors, security headers, routes, docs, web app.
// Every dependency comes in as an argument; nothing is global (so tests build their own).
import Fastify, { type FastifyServerOptions } from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Store } from '@isoloir/store';
import type { AppInstance, RouteInfo } from './app-instance.ts';
import { defaultAccess } from './auth/access.ts';
import type { AuthOptions } from './auth/config.ts';
import { registerAuth } from './auth/hook.ts';
import { createAuthRuntime } from './auth/runtime.ts';
import type { CountingChecks } from './counting/mixing.ts';
import { handleError, handleNotFound } from './errors.ts';
import { refuseBadText } from './input-guard.ts';
import { registerMetrics } from './metrics/register.ts';
import { registerOpenApi } from './openapi.ts';
import { registerRateLimits, type RateLimitSettings } from './rate-limit/index.ts';
import { ROUTE_MODULES } from './routes/index.ts';
import { bindSecretTo, memorySecretFor, type ServerSecret } from './secrets/index.ts';
import { isAppPath, registerWeb } from './web.ts';

export interface AppOptions {
  readonly store: Store;
  /** Folder of the built web app; absent: API only. */
  readonly webRoot?: string | undefined;
  readonly logger?: FastifyServerOptions['logger'];
  readonly version?: string;
  /** Login and sessions; absent: no provider (login answers `auth.unavailable`), default lifetimes. */
  readonly auth?: AuthOptions | undefined;
  /** The count's proof checks on trustees' uploads (apps/server/src/counting); absent: uploads answer 503. */
  readonly counting?: CountingChecks | undefined;
  /** Rate limits (apps/server/src/rate-limit); `startServer` always sets them, tests choose. */
  readonly rateLimits?: RateLimitSettings | undefined;
  /** The server secret (apps/server/src/secrets); absent: a random one kept in memory for this store. */
  readonly secret?: ServerSecret | undefined;
  /** The bearer token of `GET /metrics` (apps/server/src/metrics); absent: the route answers 404. */
  readonly metricsToken?: string | undefined;
  /**
   * Addresses of the load balancers in front (ISOLOIR_TRUST_PROXY, deploy/README.md): only a request
   * arriving from one of them has its client address taken from X-Forwarded-For, so that the
   * per-address rate limits count voters, not the balancer. Absent: the peer address, as before.
   */
  readonly trustProxy?: readonly string[] | undefined;
}

/** ISOLOIR_TRUST_PROXY: addresses or CIDR ranges of the balancers, comma-separated; unset or empty: none. */
export function trustProxyFromEnv(
  env: Readonly<Record<string, string | undefined>> = process.env,
): string[] | undefined {
  const list = (env['ISOLOIR_TRUST_PROXY'] ?? '')
    .split(',')
    .map((a) => a.trim())
    .filter((a) => a !== '');
  return list.length === 0 ? undefined : list;
}

const SECURITY_HEADERS = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
  'cross-origin-opener-policy': 'same-origin',
  'content-security-policy':
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'",
} as const;

export async function buildApp(options: AppOptions): Promise<AppInstance> {
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: 1024 * 1024,
    return503OnClosing: true,
    requestIdHeader: false,
    // Never `true` (any peer could then choose its address): only the balancers listed.
    ...(options.trustProxy === undefined ? {} : { trustProxy: [...options.trustProxy] }),
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  // A secret given is bound to the store too: what runs on the store alone (preparation, the demo)
  // makes the same pseudonyms as the routes.
  if (options.secret !== undefined) bindSecretTo(options.store, options.secret);
  const secret = memorySecretFor(options.store);
  app.decorate('context', { store: options.store, counting: options.counting, secret });
  const routeTable: RouteInfo[] = [];
  app.decorate('routeTable', routeTable);
  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    // Routes of plugins (OpenAPI pages, web files) are public; an API route without a rule stays denied.
    route.config = { ...route.config, access: route.config?.access ?? defaultAccess(route.url) };
    for (const method of methods) routeTable.push({ method, url: route.url, access: route.config.access });
  });
  await registerAuth(app, createAuthRuntime(options.auth, secret));
  app.setErrorHandler(handleError);
  app.addHook('preValidation', refuseBadText);
  // While closing, answers in flight tell their client to hang up, so that their keep-alive
  // connections do not hold the shutdown open until they time out.
  let closing = false;
  app.addHook('preClose', (done) => {
    closing = true;
    done();
  });
  app.addHook('onSend', async (request, reply) => {
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) reply.header(name, value);
    if (closing) reply.header('connection', 'close');
    if (request.url.startsWith('/api/docs')) reply.removeHeader('content-security-policy');
  });

  if (options.rateLimits !== undefined) await registerRateLimits(app, options.rateLimits);
  await registerOpenApi(app, options.version ?? '0.0.0');
  registerMetrics(app, options.store, options.metricsToken);
  for (const routes of ROUTE_MODULES) await routes(app);
  const webServed = options.webRoot !== undefined && (await registerWeb(app, options.webRoot));

  app.setNotFoundHandler((request, reply) => {
    if (webServed && request.method === 'GET' && isAppPath(request.url)) return reply.sendFile('index.html');
    return handleNotFound(request, reply);
  });
  return app;
}
