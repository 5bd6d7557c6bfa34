// Whether an error means the database cannot be reached right now (down, restarting, refusing
// connections, or the connection dropped mid-request), as opposed to a fault of the request or of
// the code. Such a request is answered 503 with Retry-After: the client, or the load balancer,
// tries again, and no ballot is acknowledged that was not committed.

// Network errors of the socket, and node-postgres' pool timeout.
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
  'ENOTFOUND',
]);

// SQLSTATE classes and codes of PostgreSQL that mean "not now": connection exceptions (08),
// shutdown and start-up (57P01–57P03), too many connections (53300).
const UNAVAILABLE_SQLSTATES = new Set(['57P01', '57P02', '57P03', '53300']);

const POOL_MESSAGES = [
  /timeout exceeded when trying to connect/i,
  /Connection terminated/i,
  /connection is not queryable/i,
  /Cannot use a pool after calling end/i,
];

function one(error: object): boolean {
  const code = (error as { code?: unknown }).code;
  if (
    typeof code === 'string' &&
    (NETWORK_CODES.has(code) || UNAVAILABLE_SQLSTATES.has(code) || /^08[0-9A-Z]{3}$/.test(code))
  )
    return true;
  const message = (error as { message?: unknown }).message;
  return typeof message === 'string' && POOL_MESSAGES.some((pattern) => pattern.test(message));
}

export function isDatabaseUnavailable(error: unknown): boolean {
  // Follow `cause` and AggregateError's `errors` (a refused connection to localhost tries IPv4 and IPv6).
  const seen = new Set<unknown>();
  const pending: unknown[] = [error];
  while (pending.length > 0) {
    const next = pending.pop();
    if (next === null || typeof next !== 'object' || seen.has(next)) continue;
    seen.add(next);
    if (one(next)) return true;
    pending.push((next as { cause?: unknown }).cause);
    const inner = (next as { errors?: unknown }).errors;
    if (Array.isArray(inner)) pending.push(...(inner as unknown[]));
  }
  return false;
}
