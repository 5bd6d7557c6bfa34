// The Fastify instance type every route module receives: zod-typed, with the app's context.
import type {
  FastifyBaseLogger,
  FastifyInstance,
  RawReplyDefaultExpression,
  RawRequestDefaultExpression,
  RawServerDefault,
} from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Store } from '@isoloir/store';
import type { RouteAccess } from './auth/access.ts';
import type { CallerSession } from './auth/session-types.ts';
import type { AuthRuntime } from './auth/runtime.ts';
import type { CountingChecks } from './counting/mixing.ts';
import type { ServerSecret } from './secrets/index.ts';

export type { RouteAccess } from './auth/access.ts';

export interface AppContext {
  readonly store: Store;
  /** The count's proof checks (the shuffle check comes from the CLI: @isoloir/verifier); absent: uploads answer 503. */
  readonly counting?: CountingChecks | undefined;
  /** The server secret kept outside the database: keyed hashes of personal data (apps/server/src/secrets). */
  readonly secret: ServerSecret;
}

export interface RouteInfo {
  readonly method: string;
  readonly url: string;
  readonly access: RouteAccess | undefined;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: RouteAccess;
  }
  interface FastifyRequest {
    /** The caller's session (voter or official), or null when anonymous. Set by the auth hook. */
    session: CallerSession | null;
  }
  interface FastifyInstance {
    context: AppContext;
    /** Login configuration, relying party and clock (apps/server/src/auth). */
    auth: AuthRuntime;
    /** Every route with who may call it, collected as routes are added (for docs and tests). */
    routeTable: RouteInfo[];
  }
}

export type AppInstance = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  ZodTypeProvider
>;
