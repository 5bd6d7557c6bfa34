// The authorization hook, on every request: reads the session cookie, decides from the route's
// declared `config.access` (deny by default), and checks the anti-forgery token of every
// state-changing request made with a session.
import cookie from '@fastify/cookie';
import type { FastifyRequest } from 'fastify';
import type { AppInstance } from '../app-instance.ts';
import { AppError } from '../errors.ts';
import { decideAccess, type Caller } from './access.ts';
import { clearSessionCookie, cookieNames, isSecure } from './cookies.ts';
import type { AuthRuntime } from './runtime.ts';
import { loadSession } from './session-store.ts';
import type { CallerSession } from './session-types.ts';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
export const CSRF_HEADER = 'x-csrf-token';

export function callerOf(session: CallerSession | null): Caller {
  if (session === null) return { kind: 'anonymous' };
  return session.kind === 'voter' ? { kind: 'voter' } : { kind: 'official', roles: session.roles };
}

function isApiRequest(url: string): boolean {
  return url.startsWith('/api/') || url === '/api';
}

function checkCsrf(request: FastifyRequest, session: CallerSession | null): void {
  if (SAFE_METHODS.has(request.method)) return;
  // No state change from another site, logged in or not.
  if (request.headers['sec-fetch-site'] === 'cross-site') throw new AppError('auth.csrf');
  if (session !== null && request.headers[CSRF_HEADER] !== session.csrfToken) throw new AppError('auth.csrf');
}

export async function registerAuth(app: AppInstance, runtime: AuthRuntime): Promise<void> {
  await app.register(cookie);
  app.decorate('auth', runtime);
  app.decorateRequest('session', null);
  app.addHook('onRequest', async (request, reply) => {
    if (request.is404) return; // no route: the not-found handler answers
    const access = request.routeOptions.config.access;
    if (isApiRequest(request.url)) {
      const secure = isSecure(request, runtime.options.publicUrl);
      const token = request.cookies[cookieNames(secure).session];
      if (token !== undefined && token !== '') {
        request.session = await loadSession(app.context.store.db, token, runtime.lifetimes, runtime.now());
        if (request.session === null) clearSessionCookie(reply, secure);
      }
    }
    const decision = decideAccess(access, callerOf(request.session));
    if (decision !== 'allow') throw new AppError(decision);
    checkCsrf(request, request.session);
  });
}
