// Configuration of login: the OpenID Connect provider (CSAM/FAS or the development provider),
// session lifetimes and the officials' minimum assurance level. Read from the environment by
// `authConfigFromEnv`; documented in apps/server/README.md.
import { readFileSync } from 'node:fs';

export const FAS_LEVEL_PREFIX = 'urn:be:fedict:iam:fas:Level';
export const DEFAULT_ACR_VALUES = `${FAS_LEVEL_PREFIX}450`;
export const VOTER_SCOPES = 'openid profile egovnrn';
export const OFFICIAL_SCOPES = 'openid profile egovnrn roles';

export type ClientAuth =
  | { readonly kind: 'client-secret-basic'; readonly secret: string }
  | { readonly kind: 'client-secret-post'; readonly secret: string }
  | { readonly kind: 'private-key-jwt'; readonly privateKeyPem: string; readonly keyId?: string | undefined };

export interface OidcConfig {
  /** The issuer identifier; its discovery document is read at the first login. */
  readonly issuer: string;
  readonly clientId: string;
  readonly clientAuth: ClientAuth;
  /** Sent as `acr_values`; the level actually reached is still checked in the ID token. */
  readonly acrValues: string;
  readonly voterScopes: string;
  readonly officialScopes: string;
}

export interface SessionLifetimes {
  /** Minutes without a request after which a session ends. */
  readonly idleMinutes: number;
  /** Minutes after login after which a session ends, however busy. */
  readonly absoluteMinutes: number;
}

export interface AuthOptions {
  /** Absent: login answers `auth.unavailable` (the API still authorizes every request). */
  readonly oidc?: OidcConfig | undefined;
  /** The address users reach isoloir at (for the callback URL and Secure cookies); else each request's own. */
  readonly publicUrl?: string | undefined;
  /** The lowest level an official may log in with (voters: their election day's policy). */
  readonly officialMinimumLevel: number;
  readonly voterSessions: SessionLifetimes;
  readonly officialSessions: SessionLifetimes;
  /** The clock (tests move it). */
  readonly now?: (() => Date) | undefined;
}

export const DEFAULT_AUTH_OPTIONS: AuthOptions = {
  officialMinimumLevel: 450,
  voterSessions: { idleMinutes: 15, absoluteMinutes: 60 },
  officialSessions: { idleMinutes: 30, absoluteMinutes: 10 * 60 },
};

type Env = Readonly<Record<string, string | undefined>>;

function positiveInt(env: Env, name: string, fallback: number): number {
  const text = env[name];
  if (text === undefined || text === '') return fallback;
  if (!/^\d+$/.test(text) || Number(text) <= 0) throw new Error(`${name} must be a positive whole number`);
  return Number(text);
}

function clientAuthFromEnv(env: Env): ClientAuth {
  const keyFile = env['ISOLOIR_OIDC_PRIVATE_KEY_FILE'];
  if (keyFile !== undefined && keyFile !== '')
    return {
      kind: 'private-key-jwt',
      privateKeyPem: readFileSync(keyFile, 'utf8'),
      keyId: env['ISOLOIR_OIDC_PRIVATE_KEY_ID'],
    };
  const secret = env['ISOLOIR_OIDC_CLIENT_SECRET'];
  if (secret === undefined || secret === '')
    throw new Error('ISOLOIR_OIDC_ISSUER is set: set ISOLOIR_OIDC_CLIENT_SECRET or ISOLOIR_OIDC_PRIVATE_KEY_FILE too');
  return env['ISOLOIR_OIDC_CLIENT_AUTH'] === 'client_secret_post'
    ? { kind: 'client-secret-post', secret }
    : { kind: 'client-secret-basic', secret };
}

/**
 * The provider from ISOLOIR_OIDC_*; `undefined` when no issuer is configured (then `isoloir start`
 * runs the development identity provider, except with NODE_ENV=production where it refuses).
 */
export function oidcConfigFromEnv(env: Env = process.env): OidcConfig | undefined {
  const issuer = env['ISOLOIR_OIDC_ISSUER'];
  if (issuer === undefined || issuer === '') return undefined;
  const clientId = env['ISOLOIR_OIDC_CLIENT_ID'];
  if (clientId === undefined || clientId === '')
    throw new Error('ISOLOIR_OIDC_ISSUER is set: set ISOLOIR_OIDC_CLIENT_ID too');
  return {
    issuer,
    clientId,
    clientAuth: clientAuthFromEnv(env),
    acrValues: env['ISOLOIR_OIDC_ACR_VALUES'] ?? DEFAULT_ACR_VALUES,
    voterScopes: env['ISOLOIR_OIDC_SCOPES'] ?? VOTER_SCOPES,
    officialScopes: env['ISOLOIR_OIDC_OFFICIAL_SCOPES'] ?? OFFICIAL_SCOPES,
  };
}

export function authOptionsFromEnv(env: Env = process.env): Omit<AuthOptions, 'oidc'> {
  return {
    publicUrl: env['ISOLOIR_PUBLIC_URL'] === '' ? undefined : env['ISOLOIR_PUBLIC_URL'],
    officialMinimumLevel: positiveInt(env, 'ISOLOIR_OFFICIAL_MIN_LEVEL', DEFAULT_AUTH_OPTIONS.officialMinimumLevel),
    voterSessions: {
      idleMinutes: positiveInt(
        env,
        'ISOLOIR_VOTER_SESSION_IDLE_MINUTES',
        DEFAULT_AUTH_OPTIONS.voterSessions.idleMinutes,
      ),
      absoluteMinutes: positiveInt(
        env,
        'ISOLOIR_VOTER_SESSION_MAX_MINUTES',
        DEFAULT_AUTH_OPTIONS.voterSessions.absoluteMinutes,
      ),
    },
    officialSessions: {
      idleMinutes: positiveInt(
        env,
        'ISOLOIR_OFFICIAL_SESSION_IDLE_MINUTES',
        DEFAULT_AUTH_OPTIONS.officialSessions.idleMinutes,
      ),
      absoluteMinutes: positiveInt(
        env,
        'ISOLOIR_OFFICIAL_SESSION_MAX_MINUTES',
        DEFAULT_AUTH_OPTIONS.officialSessions.absoluteMinutes,
      ),
    },
  };
}
