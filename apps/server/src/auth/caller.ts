// For handlers: who is calling, and scope checks that answer 403 `auth.forbidden`.
import type { FastifyRequest } from 'fastify';
import { AppError } from '../errors.ts';
import type { Role } from './roles.ts';
import type { OfficialSession, VoterSession } from './session-types.ts';

/** The calling voter; 401/403 otherwise (routes with access `'voter'` always have one). */
export function voterOf(request: FastifyRequest): VoterSession {
  const session = request.session;
  if (session === null) throw new AppError('auth.required');
  if (session.kind !== 'voter') throw new AppError('auth.forbidden');
  return session;
}

/** The calling official; 401/403 otherwise. */
export function officialOf(request: FastifyRequest): OfficialSession {
  const session = request.session;
  if (session === null) throw new AppError('auth.required');
  if (session.kind !== 'official') throw new AppError('auth.forbidden');
  return session;
}

/** The scopes the caller holds `role` in (empty when none; null entries for unscoped roles). */
export function scopesOf(request: FastifyRequest, role: Role): (string | null)[] {
  const session = request.session;
  if (session?.kind !== 'official') return [];
  return session.roles.filter((grant) => grant.role === role).map((grant) => grant.scope);
}

export function hasScope(request: FastifyRequest, role: Role, scope: string | null): boolean {
  return scopesOf(request, role).includes(scope);
}

/**
 * Throws 403 `auth.forbidden` unless the caller holds one of `roles` for `scope`
 * (e.g. `requireScope(request, ['commune-official'], '62063')`). Unscoped roles (po-admin,
 * trustee, observer) pass with any scope when listed.
 */
export function requireScope(request: FastifyRequest, roles: Role | readonly Role[], scope: string): void {
  const official = officialOf(request);
  const wanted: readonly Role[] = typeof roles === 'string' ? [roles] : roles;
  const allowed = official.roles.some(
    (grant) => wanted.includes(grant.role) && (grant.scope === null || grant.scope === scope),
  );
  if (!allowed) throw new AppError('auth.forbidden');
}
