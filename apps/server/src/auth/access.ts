// Who may call a route: the declarative rule every route carries in `config.access`, and the pure
// decision the authorization hook takes from it. A route without a rule is refused to everybody.
import type { Role, RoleGrant } from './roles.ts';

/**
 * - `'public'`: anybody, logged in or not;
 * - `'voter'`: a logged-in voter (who sees only their own data);
 * - `'authenticated'`: any logged-in voter or official;
 * - `{ roles: [...] }`: an official holding at least one of these roles (any scope; the handler
 *   checks the scope with `requireScope`).
 */
export type RouteAccess = 'public' | 'voter' | 'authenticated' | { readonly roles: readonly Role[] };

/** Who is calling, as the authorization hook sees it. */
export type Caller =
  | { readonly kind: 'anonymous' }
  | { readonly kind: 'voter' }
  | { readonly kind: 'official'; readonly roles: readonly RoleGrant[] };

export type AccessDecision = 'allow' | 'auth.required' | 'auth.forbidden';

export function decideAccess(access: RouteAccess | undefined, caller: Caller): AccessDecision {
  if (access === undefined) return 'auth.forbidden'; // deny by default
  if (access === 'public') return 'allow';
  if (caller.kind === 'anonymous') return 'auth.required';
  if (access === 'authenticated') return 'allow';
  if (access === 'voter') return caller.kind === 'voter' ? 'allow' : 'auth.forbidden';
  if (caller.kind !== 'official') return 'auth.forbidden';
  return caller.roles.some((grant) => access.roles.includes(grant.role)) ? 'allow' : 'auth.forbidden';
}

/** Routes that plugins add (the OpenAPI pages, the web app's files) are public; API routes must say. */
export function defaultAccess(url: string): RouteAccess | undefined {
  if (url === '/api/docs' || url.startsWith('/api/docs/')) return 'public';
  if (url === '/api' || url.startsWith('/api/') || url === '/health' || url === '/ready') return undefined;
  return 'public';
}

export function describeAccess(access: RouteAccess | undefined): string {
  if (access === undefined) return 'nobody (no rule)';
  return typeof access === 'string' ? access : access.roles.join(' | ');
}
