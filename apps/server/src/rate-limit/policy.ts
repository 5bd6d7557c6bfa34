// Who may ask how often. Per address: login starts and callbacks, tracking-code (and K-code)
// lookups, and every other anonymous API request; per session: casting, and a voter's other
// requests. Officials' workspaces (logged in at Level 450+, with a role) and the load balancer's
// probes are not limited; the web app's static files are not limited either (cached, cheap).
import type { FastifyRequest } from 'fastify';

export interface RateLimitSettings {
  /** Login starts and callbacks, per address and minute. */
  readonly loginsPerMinute: number;
  /** Tracking-code and K-code lookups, per address and minute. */
  readonly lookupsPerMinute: number;
  /** Ballots sent (and audited ballots handed to another device), per session and minute. */
  readonly castsPerMinute: number;
  /** Any other API request of a voter, per session and minute. */
  readonly voterRequestsPerMinute: number;
  /** Any other anonymous API request, per address and minute. */
  readonly anonymousPerMinute: number;
  /** Passkey activation and login steps (an activation code typed), per address and minute (default 10). */
  readonly passkeyPerMinute?: number | undefined;
}

const DEFAULT_PASSKEY_PER_MINUTE = 10;

export const DEFAULT_RATE_LIMITS: RateLimitSettings = {
  loginsPerMinute: 30,
  lookupsPerMinute: 60,
  castsPerMinute: 20,
  voterRequestsPerMinute: 600,
  anonymousPerMinute: 600,
  passkeyPerMinute: 10,
};

export type RateRule = 'login' | 'lookup' | 'cast' | 'voter' | 'anonymous' | 'passkey';

const LOGIN_ROUTES = new Set(['/api/auth/login', '/api/auth/callback']);
const LOOKUP_ROUTES = new Set([
  '/api/voting/tracking/:trackingCode',
  '/api/hybrid/status',
  '/api/voting/audit-handovers/:id',
]);
const CAST_ROUTES = new Set([
  '/api/voting/ballots',
  '/api/voting/elections/:electionId/ballots',
  '/api/voting/audit-handovers',
]);
const PASSKEY_ROUTES = new Set([
  '/api/passkey/activation/options',
  '/api/passkey/activation/verify',
  '/api/passkey/login/options',
  '/api/passkey/login/verify',
  // A kiosk's enrolment code is guessed no faster than a passkey activation code.
  '/api/kiosk/enrol',
]);
const UNLIMITED_ROUTES = new Set(['/health', '/ready']);

/** The rule that applies to this request; `undefined`: not limited. */
export function rateRule(request: FastifyRequest): RateRule | undefined {
  const route = request.routeOptions.url ?? '';
  if (UNLIMITED_ROUTES.has(route) || !(route === '/api' || route.startsWith('/api/'))) return undefined;
  if (LOGIN_ROUTES.has(route)) return 'login';
  if (LOOKUP_ROUTES.has(route)) return 'lookup';
  if (PASSKEY_ROUTES.has(route)) return 'passkey';
  const session = request.session;
  if (session?.kind === 'official') return undefined;
  if (CAST_ROUTES.has(route)) return 'cast';
  return session?.kind === 'voter' ? 'voter' : 'anonymous';
}

export function maxFor(rule: RateRule, settings: RateLimitSettings): number {
  switch (rule) {
    case 'login':
      return settings.loginsPerMinute;
    case 'lookup':
      return settings.lookupsPerMinute;
    case 'cast':
      return settings.castsPerMinute;
    case 'voter':
      return settings.voterRequestsPerMinute;
    case 'anonymous':
      return settings.anonymousPerMinute;
    case 'passkey':
      return settings.passkeyPerMinute ?? DEFAULT_PASSKEY_PER_MINUTE;
  }
}

/** The bucket: the session for casting and a voter's requests, else the address. */
export function bucketOf(request: FastifyRequest, rule: RateRule): string {
  const session = request.session;
  if ((rule === 'cast' || rule === 'voter') && session !== null) return `session:${session.id}`;
  return `address:${request.ip}`;
}
