// Login and logout. `/api/auth/login` and `/api/auth/callback` are browser navigations: they answer
// with redirects (a refusal goes to the translated page /login/refused?code=…), never with JSON.
import { z } from 'zod';
import type { AppInstance } from '../app-instance.ts';
import { officialOf } from '../auth/caller.ts';
import {
  clearLoginCookie,
  clearSessionCookie,
  cookieNames,
  isSecure,
  setLoginCookie,
  setSessionCookie,
} from '../auth/cookies.ts';
import { beginLogin, completeLogin, endSession, officialActor, voterActor } from '../auth/login-service.ts';
import { LoginError } from '../auth/relying-party.ts';
import { idTokenOf } from '../auth/session-store.ts';
import { publicBaseUrl } from './public-url.ts';
import { errorSchema } from './schemas.ts';

const sessionSchema = z.discriminatedUnion('authenticated', [
  z.object({ authenticated: z.literal(false) }),
  z.object({
    authenticated: z.literal(true),
    kind: z.enum(['voter', 'official']),
    csrfToken: z.string(),
    assuranceLevel: z.number().int(),
    expiresAt: z.string(),
    roles: z.array(z.object({ role: z.string(), scope: z.string().nullable() })),
  }),
]);

/** Set when a login starts on a kiosk: the callback sends the voter back to the kiosk. */
const KIOSK_RETURN = 'isoloir-kiosk-return';

export function authRoutes(app: AppInstance): void {
  app.get(
    '/api/auth/login',
    {
      schema: {
        tags: ['auth'],
        summary: 'Start a login with CSAM/FAS (a redirect to the identity provider)',
        querystring: z.object({
          as: z.enum(['voter', 'official']).default('voter'),
          /** `login`: the provider authenticates again (after a refused login, not the same session). */
          prompt: z.enum(['login']).optional(),
          /** `kiosk`: the voter logs in on a kiosk (mode 8) and comes back to it, not to /me. */
          then: z.enum(['kiosk']).optional(),
        }),
      },
      config: { access: 'public' },
    },
    async (request, reply) => {
      const secure = isSecure(request, app.auth.options.publicUrl);
      try {
        const login = await beginLogin(
          app.auth,
          app.context.store.db,
          request.query.as,
          `${publicBaseUrl(app, request)}/api/auth/callback`,
          request.query.prompt === 'login',
        );
        setLoginCookie(reply, secure, login.token, login.maxAgeSeconds);
        if (request.query.then === 'kiosk')
          reply.setCookie(KIOSK_RETURN, '1', {
            httpOnly: true,
            sameSite: 'lax',
            secure,
            path: '/',
            maxAge: login.maxAgeSeconds,
          });
        return await reply.redirect(login.url.href, 302);
      } catch (error) {
        if (!(error instanceof LoginError)) throw error;
        request.log.warn({ err: error.cause }, 'login could not start');
        return reply.redirect(`/login/refused?code=${error.code}`, 302);
      }
    },
  );

  app.get(
    '/api/auth/callback',
    {
      schema: { tags: ['auth'], summary: 'Where the identity provider sends the browser back (a redirect)' },
      config: { access: 'public' },
    },
    async (request, reply) => {
      const secure = isSecure(request, app.auth.options.publicUrl);
      const names = cookieNames(secure);
      const outcome = await completeLogin(app.auth, app.context.store.db, {
        callbackUrl: new URL(request.url, publicBaseUrl(app, request)),
        loginToken: request.cookies[names.login],
        previousSessionToken: request.cookies[names.session],
      });
      clearLoginCookie(reply, secure);
      const toKiosk = request.cookies[KIOSK_RETURN] === '1';
      if (toKiosk) reply.clearCookie(KIOSK_RETURN, { httpOnly: true, sameSite: 'lax', secure, path: '/' });
      if (!outcome.ok) {
        request.log.info({ code: outcome.code }, 'login refused');
        return reply.redirect(toKiosk ? `/kiosk?refused=${outcome.code}` : `/login/refused?code=${outcome.code}`, 302);
      }
      setSessionCookie(reply, secure, outcome.token, outcome.expiresAt);
      if (toKiosk && outcome.audience === 'voter') return reply.redirect('/kiosk', 302);
      return reply.redirect(outcome.audience === 'official' ? '/official' : '/me', 302);
    },
  );

  app.get(
    '/api/auth/session',
    {
      schema: {
        tags: ['auth'],
        summary: 'The current session, with its anti-forgery token',
        response: { 200: sessionSchema },
      },
      config: { access: 'public' },
    },
    (request) => {
      const session = request.session;
      if (session === null) return { authenticated: false as const };
      return {
        authenticated: true as const,
        kind: session.kind,
        csrfToken: session.csrfToken,
        assuranceLevel: session.assuranceLevel,
        expiresAt: session.expiresAt.toISOString(),
        roles:
          session.kind === 'official' ? session.roles.map((grant) => ({ role: grant.role, scope: grant.scope })) : [],
      };
    },
  );

  app.post(
    '/api/auth/logout',
    {
      schema: {
        tags: ['auth'],
        summary: 'End the session (send the x-csrf-token header); then visit endSessionUrl to end the provider’s',
        response: { 200: z.object({ endSessionUrl: z.string().nullable() }), 401: errorSchema, 403: errorSchema },
      },
      config: { access: 'authenticated' },
    },
    async (request, reply) => {
      const session = request.session;
      if (session === null) throw new Error('unreachable: the hook lets only sessions through');
      const secure = isSecure(request, app.auth.options.publicUrl);
      const actor =
        session.kind === 'voter'
          ? voterActor(app.context.secret, session.electionDayId, session.nrn)
          : officialActor(officialOf(request).officialId);
      const idToken = await idTokenOf(app.context.store.db, session.id);
      await endSession(app.auth, app.context.store.db, session.id, actor);
      clearSessionCookie(reply, secure);
      const endSessionUrl =
        (await app.auth.relyingParty?.endSessionUrl(idToken, `${publicBaseUrl(app, request)}/`)) ?? null;
      return { endSessionUrl };
    },
  );
}
