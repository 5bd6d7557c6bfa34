// Passkeys for Belgians abroad (issue #18; ../passkey): what the setup accepts per mode (public, for
// the page that explains what to do without CSAM), the voter's activation and login ceremonies
// (public, rate-limited per address), and the consular post's screen: find a voter, issue an
// activation code, list, revoke (consular officials, within their post).
import type { AuthenticationResponseJSON, RegistrationResponseJSON } from '@simplewebauthn/server';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { AppInstance } from '../app-instance.ts';
import { requireScope } from '../auth/caller.ts';
import { cookieNames, isSecure, setSessionCookie } from '../auth/cookies.ts';
import { officialActor } from '../auth/login-service.ts';
import { AppError } from '../errors.ts';
import { keyedHashFrom } from '../hybrid/keyed-hash.ts';
import {
  beginActivation,
  beginPasskeyLogin,
  CEREMONY_SECONDS,
  finishActivation,
  finishPasskeyLogin,
  type CeremonyContext,
} from '../passkey/ceremony.ts';
import { issueCode, lookupVoter, postOverview, revokePasskey, type PostContext } from '../passkey/post.ts';
import { loginRules } from '../passkey/rules.ts';
import { publicBaseUrl } from './public-url.ts';
import { errorSchema } from './schemas.ts';

const postParams = z.object({ post: z.string().regex(/^[a-z0-9-]{2,40}$/) });
const nrnBody = z.strictObject({ nrn: z.string().min(11).max(20) });
const optionsSchema = z.looseObject({ challenge: z.string() });
const stamp = z.string();
const overviewSchema = z.object({
  passkeys: z.array(
    z.object({
      id: z.string(),
      givenNames: z.string(),
      surname: z.string(),
      createdAt: stamp,
      lastUsedAt: stamp.nullable(),
      revokedAt: stamp.nullable(),
    }),
  ),
  codes: z.array(
    z.object({
      id: z.string(),
      givenNames: z.string(),
      surname: z.string(),
      issuedAt: stamp,
      expiresAt: stamp,
      state: z.enum(['open', 'used', 'expired', 'revoked']),
    }),
  ),
});
const voterSchema = z.object({
  electionDayId: z.string(),
  givenNames: z.string(),
  surname: z.string(),
  birthDate: z.string(),
  modes: z.array(z.number()),
  passkeyModes: z.array(z.number()),
  hasPasskey: z.boolean(),
});
/** The browser's answer, as SimpleWebAuthn's client sends it; the library checks every field. */
const credentialBody = z.object({
  response: z.looseObject({
    id: z.string().min(1).max(1400),
    type: z.literal('public-key'),
    response: z.looseObject({}),
  }),
});

function cookieName(secure: boolean): string {
  return secure ? '__Host-isoloir-passkey' : 'isoloir-passkey';
}

function setCeremonyCookie(reply: FastifyReply, secure: boolean, token: string): void {
  reply.setCookie(cookieName(secure), token, {
    httpOnly: true,
    sameSite: 'strict',
    secure,
    path: '/',
    maxAge: CEREMONY_SECONDS,
  });
}

function clearCeremonyCookie(reply: FastifyReply, secure: boolean): void {
  reply.clearCookie(cookieName(secure), { httpOnly: true, sameSite: 'strict', secure, path: '/' });
}

function nrnOf(typed: string): string {
  const nrn = typed.replace(/[\s.-]/g, '');
  if (!/^[0-9]{11}$/.test(nrn)) throw new AppError('request.invalid', 'body.nrn');
  return nrn;
}

export function passkeyRoutes(app: AppInstance): void {
  const ceremony = (request: FastifyRequest): CeremonyContext => {
    const base = publicBaseUrl(app, request);
    return {
      store: app.context.store,
      secret: app.context.secret,
      keyedHash: keyedHashFrom(app.context.secret),
      rp: { id: new URL(base).hostname, origin: base },
      now: app.auth.now(),
    };
  };
  const atPost = (request: FastifyRequest, post: string): PostContext => {
    requireScope(request, 'consular-official', post);
    const session = request.session;
    if (session?.kind !== 'official') throw new AppError('auth.forbidden');
    return {
      secret: app.context.secret,
      keyedHash: keyedHashFrom(app.context.secret),
      actor: officialActor(session.officialId),
      postCode: post,
      now: app.auth.now(),
    };
  };

  app.get(
    '/api/passkey/rules',
    {
      schema: {
        tags: ['passkey'],
        summary: 'Per election day and remote mode: CSAM only, or CSAM or a passkey (voters abroad); with the dates',
      },
      config: { access: 'public' },
    },
    async () => loginRules(app.context.store.db),
  );

  app.post(
    '/api/passkey/activation/options',
    {
      schema: {
        tags: ['passkey'],
        summary: 'Activation, step 1: the code from the consular post; the options for creating a passkey',
        body: z.strictObject({ code: z.string().min(1).max(40) }),
        response: { 200: optionsSchema, 400: errorSchema, 403: errorSchema, 409: errorSchema },
      },
      config: { access: 'public' },
    },
    async (request, reply) => {
      const secure = isSecure(request, app.auth.options.publicUrl);
      const started = await beginActivation(ceremony(request), request.body.code);
      setCeremonyCookie(reply, secure, started.token);
      return { ...started.options };
    },
  );

  app.post(
    '/api/passkey/activation/verify',
    {
      schema: {
        tags: ['passkey'],
        summary: 'Activation, step 2: the new passkey (user verification required)',
        body: credentialBody,
        response: { 201: z.object({ activated: z.literal(true) }), 400: errorSchema, 409: errorSchema },
      },
      config: { access: 'public' },
    },
    async (request, reply) => {
      const secure = isSecure(request, app.auth.options.publicUrl);
      const token = request.cookies[cookieName(secure)];
      clearCeremonyCookie(reply, secure);
      await finishActivation(ceremony(request), token, request.body.response as unknown as RegistrationResponseJSON);
      return reply.status(201).send({ activated: true as const });
    },
  );

  app.post(
    '/api/passkey/login/options',
    {
      schema: { tags: ['passkey'], summary: 'Passkey login, step 1: a challenge', response: { 200: optionsSchema } },
      config: { access: 'public' },
    },
    async (request, reply) => {
      const secure = isSecure(request, app.auth.options.publicUrl);
      const started = await beginPasskeyLogin(ceremony(request));
      setCeremonyCookie(reply, secure, started.token);
      return { ...started.options };
    },
  );

  app.post(
    '/api/passkey/login/verify',
    {
      schema: {
        tags: ['passkey'],
        summary: 'Passkey login, step 2: the signed challenge; opens a voter session',
        body: credentialBody,
        response: { 200: z.object({ next: z.string() }), 400: errorSchema, 403: errorSchema },
      },
      config: { access: 'public' },
    },
    async (request, reply) => {
      const secure = isSecure(request, app.auth.options.publicUrl);
      const token = request.cookies[cookieName(secure)];
      clearCeremonyCookie(reply, secure);
      const session = await finishPasskeyLogin(
        ceremony(request),
        app.auth.lifetimes.voter,
        token,
        request.body.response as unknown as AuthenticationResponseJSON,
        request.cookies[cookieNames(secure).session],
      );
      setSessionCookie(reply, secure, session.token, session.expiresAt);
      return { next: '/me' };
    },
  );

  app.get(
    '/api/passkey/posts/:post',
    {
      schema: {
        tags: ['passkey'],
        summary: 'The post’s passkeys and activation codes (names, dates, states)',
        params: postParams,
        response: { 200: overviewSchema, 403: errorSchema },
      },
      config: { access: { roles: ['consular-official'] } },
    },
    async (request) => {
      const context = atPost(request, request.params.post);
      return postOverview(app.context.store.db, context.postCode, context.now);
    },
  );

  app.post(
    '/api/passkey/posts/:post/lookup',
    {
      schema: {
        tags: ['passkey'],
        summary: 'A voter registered at the post, to compare with their identity document',
        params: postParams,
        body: nrnBody,
        response: { 200: voterSchema, 400: errorSchema, 403: errorSchema, 404: errorSchema },
      },
      config: { access: { roles: ['consular-official'] } },
    },
    async (request) => {
      const context = atPost(request, request.params.post);
      const voter = await lookupVoter(app.context.store.db, context.postCode, nrnOf(request.body.nrn));
      return { ...voter, modes: [...voter.modes], passkeyModes: [...voter.passkeyModes] };
    },
  );

  app.post(
    '/api/passkey/posts/:post/codes',
    {
      schema: {
        tags: ['passkey'],
        summary: 'Issue a single-use activation code to a voter of the post (identity checked in person)',
        params: postParams,
        body: nrnBody,
        response: {
          201: z.object({ code: z.string(), expiresAt: z.string() }),
          400: errorSchema,
          403: errorSchema,
          404: errorSchema,
        },
      },
      config: { access: { roles: ['consular-official'] } },
    },
    async (request, reply) => {
      const context = atPost(request, request.params.post);
      const issued = await issueCode(app.context.store, context, nrnOf(request.body.nrn));
      return reply.status(201).send({ code: issued.code, expiresAt: issued.expiresAt.toISOString() });
    },
  );

  app.delete(
    '/api/passkey/posts/:post/passkeys/:passkeyId',
    {
      schema: {
        tags: ['passkey'],
        summary: 'Revoke a passkey of the post (the voter then needs a new code)',
        params: postParams.extend({ passkeyId: z.string().max(20) }),
        response: { 204: z.null(), 403: errorSchema, 404: errorSchema },
      },
      config: { access: { roles: ['consular-official'] } },
    },
    async (request, reply) => {
      const context = atPost(request, request.params.post);
      await revokePasskey(app.context.store, context, request.params.passkeyId);
      return reply.status(204).send(null);
    },
  );
}
