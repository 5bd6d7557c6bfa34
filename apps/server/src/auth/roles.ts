// The officials' roles and what each is scoped to. Pure: no I/O.
import type { OfficialRole } from '@isoloir/store';

export type Role = OfficialRole;

/** What a role's scope names: nothing, a commune (NIS code), a consular post, a constituency. */
export type ScopeKind = 'none' | 'commune' | 'post' | 'constituency';

export const ROLE_SCOPES = {
  'po-admin': 'none',
  'commune-official': 'commune',
  'consular-official': 'post',
  'team-a': 'constituency',
  'team-b': 'constituency',
  trustee: 'none',
  'kiosk-operator': 'post',
  observer: 'none',
  /** The president of a constituency main office: runs its split and count (0008). */
  president: 'constituency',
} as const satisfies Record<Role, ScopeKind>;

export const ROLES = Object.keys(ROLE_SCOPES) as Role[];

export function isRole(value: string): value is Role {
  return Object.hasOwn(ROLE_SCOPES, value);
}

export interface RoleGrant {
  readonly role: Role;
  /** null for the roles without a scope. */
  readonly scope: string | null;
}

export type GrantError = 'role.scope-missing' | 'role.scope-unexpected' | 'role.scope-invalid';

const SCOPE_PATTERNS: Readonly<Record<Exclude<ScopeKind, 'none'>, RegExp>> = {
  commune: /^[0-9]{5}$/,
  post: /^[a-z0-9-]{1,64}$/,
  constituency: /^[a-z0-9-]{1,64}$/,
};

/** Checks that a scope fits its role's kind; returns the error code or undefined. */
export function grantError(grant: RoleGrant): GrantError | undefined {
  const kind: ScopeKind = ROLE_SCOPES[grant.role];
  if (kind === 'none') return grant.scope === null ? undefined : 'role.scope-unexpected';
  if (grant.scope === null) return 'role.scope-missing';
  return SCOPE_PATTERNS[kind].test(grant.scope) ? undefined : 'role.scope-invalid';
}

/** The other team of a team role (Team A ↔ Team B); undefined for any other role. */
export function teamOpposite(role: Role): 'team-a' | 'team-b' | undefined {
  return role === 'team-a' ? 'team-b' : role === 'team-b' ? 'team-a' : undefined;
}

/**
 * Team A and Team B of one constituency are never the same person (four-eyes rule): Team A alone
 * sees identities, Team B alone the ballots. Here: the roles held now; the whole election day's
 * history is checked by ./grants.ts.
 */
export function conflictsWith(held: readonly RoleGrant[], grant: RoleGrant): boolean {
  const other = teamOpposite(grant.role);
  return other !== undefined && held.some((h) => h.role === other && h.scope === grant.scope);
}
