// What the auth hook and the auth routes share: options, the relying party, the clock.
import { DEFAULT_AUTH_OPTIONS, type AuthOptions } from './config.ts';
import { createRelyingParty, type RelyingParty } from './relying-party.ts';
import type { Lifetimes } from './session-store.ts';

export interface AuthRuntime {
  readonly options: AuthOptions;
  /** Undefined when no provider is configured. */
  readonly relyingParty: RelyingParty | undefined;
  readonly lifetimes: Lifetimes;
  now(): Date;
}

export function createAuthRuntime(options: AuthOptions = DEFAULT_AUTH_OPTIONS): AuthRuntime {
  return {
    options,
    relyingParty: options.oidc === undefined ? undefined : createRelyingParty(options.oidc),
    lifetimes: { voter: options.voterSessions, official: options.officialSessions },
    now: options.now ?? (() => new Date()),
  };
}
