// What the auth hook and the auth routes share: options, the relying party, the clock.
import { DEFAULT_AUTH_OPTIONS, type AuthOptions } from './config.ts';
import { createRelyingParty, type RelyingParty } from './relying-party.ts';
import type { ServerSecret } from '../secrets/server-secret.ts';
import type { Lifetimes } from './session-store.ts';

export interface AuthRuntime {
  readonly options: AuthOptions;
  /** Undefined when no provider is configured. */
  readonly relyingParty: RelyingParty | undefined;
  readonly lifetimes: Lifetimes;
  /** The server secret: voters are named in the audit log by a keyed pseudonym (../secrets). */
  readonly secret: ServerSecret;
  now(): Date;
}

export function createAuthRuntime(given: AuthOptions | undefined, secret: ServerSecret): AuthRuntime {
  const options = given ?? DEFAULT_AUTH_OPTIONS;
  return {
    options,
    secret,
    relyingParty: options.oidc === undefined ? undefined : createRelyingParty(options.oidc),
    lifetimes: { voter: options.voterSessions, official: options.officialSessions },
    now: options.now ?? (() => new Date()),
  };
}
