// The Fastify instance type every route module receives: zod-typed, with the app's context.
import type { FastifyBaseLogger, FastifyInstance, RawReplyDefaultExpression, RawRequestDefaultExpression, RawServerDefault } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Store } from '@isoloir/store';

export interface AppContext {
  readonly store: Store;
}

export interface RouteInfo {
  readonly method: string;
  readonly url: string;
  readonly access: RouteAccess | undefined;
}

/** Who may call a route. Every route declares it; later roles extend this union. */
export type RouteAccess = 'public';

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: RouteAccess;
  }
  interface FastifyInstance {
    context: AppContext;
    /** Every route with who may call it, collected as routes are added (for docs and tests). */
    routeTable: RouteInfo[];
  }
}

export type AppInstance = FastifyInstance<RawServerDefault, RawRequestDefaultExpression, RawReplyDefaultExpression, FastifyBaseLogger, ZodTypeProvider>;
