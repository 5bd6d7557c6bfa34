// The client side of login: the session (with its anti-forgery token) and state-changing calls
// that carry the token in the x-csrf-token header.
import { getJson, type ApiResult, type Labels } from '../api.ts';

export const ROLES = [
  'po-admin',
  'commune-official',
  'consular-official',
  'team-a',
  'team-b',
  'trustee',
  'kiosk-operator',
  'observer',
  'president',
] as const;
export type Role = (typeof ROLES)[number];

export function isRole(value: string | undefined): value is Role {
  return (ROLES as readonly (string | undefined)[]).includes(value);
}

export interface Grant {
  readonly role: Role;
  readonly scope: string | null;
}

export type Session =
  | { readonly authenticated: false }
  | {
      readonly authenticated: true;
      readonly kind: 'voter' | 'official';
      readonly csrfToken: string;
      readonly assuranceLevel: number;
      readonly roles: readonly Grant[];
    };

export type Me =
  | {
      readonly kind: 'voter';
      readonly givenName: string;
      readonly surname: string;
      readonly category: 'belgium' | 'abroad';
      readonly country: string;
      readonly constituency: { readonly code: string; readonly label: Labels | null };
      readonly electionDay: { readonly id: string; readonly label: Labels; readonly votingDate: string };
      readonly assuranceLevel: number;
      readonly loginMethod: 'csam' | 'passkey';
    }
  | {
      readonly kind: 'official';
      readonly id: string;
      readonly givenName: string;
      readonly surname: string;
      readonly roles: readonly Grant[];
      readonly assuranceLevel: number;
    };

export function getSession(): Promise<ApiResult<Session>> {
  return getJson<Session>('/api/auth/session');
}

/** A POST, PUT or DELETE with the session's anti-forgery token. */
export async function send<T>(method: 'POST' | 'PUT' | 'DELETE', path: string, body?: unknown): Promise<ApiResult<T>> {
  const session = await getSession();
  const token = session.ok && session.value.authenticated ? session.value.csrfToken : '';
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers: {
        accept: 'application/json',
        'x-csrf-token': token,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  } catch {
    return { ok: false, code: 'network' };
  }
  const parsed: unknown = response.status === 204 ? null : await response.json().catch(() => null);
  if (response.ok) return { ok: true, value: parsed as T };
  const code =
    typeof parsed === 'object' && parsed !== null && 'code' in parsed && typeof parsed.code === 'string'
      ? parsed.code
      : 'internal';
  return { ok: false, code };
}

export async function logout(): Promise<void> {
  const result = await send<{ endSessionUrl: string | null }>('POST', '/api/auth/logout', {});
  window.location.assign(result.ok && result.value.endSessionUrl !== null ? result.value.endSessionUrl : '/');
}
