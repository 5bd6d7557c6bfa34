// Kiosks at the consular posts (mode 8, issue #17; ../kiosk): the post's operator screen (issue an
// enrolment code, list the post's kiosks with their queues, revoke one; kiosk operators within
// their post) and the kiosk's own calls (enrol with a code, heartbeat; public, the kiosk signs).
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { AppInstance } from '../app-instance.ts';
import { requireScope } from '../auth/caller.ts';
import { officialActor } from '../auth/login-service.ts';
import { AppError } from '../errors.ts';
import { heartbeat } from '../kiosk/device.ts';
import { enrolKiosk, issueEnrolmentCode, listKiosks, revokeKiosk, type OperatorContext } from '../kiosk/enrolment.ts';
import { errorSchema } from './schemas.ts';

const postParams = z.object({ post: z.string().regex(/^[a-z0-9-]{2,40}$/) });
const kioskId = z.string().regex(/^[0-9a-f]{32}$/);
const signature = z
  .string()
  .regex(/^[A-Za-z0-9_-]{86}$/)
  .optional();
const operator = { roles: ['kiosk-operator'] } as const;
const errors = { 400: errorSchema, 403: errorSchema, 404: errorSchema, 409: errorSchema };

export function kioskRoutes(app: AppInstance): void {
  const atPost = (request: FastifyRequest, post: string): OperatorContext => {
    requireScope(request, 'kiosk-operator', post);
    const session = request.session;
    if (session?.kind !== 'official') throw new AppError('auth.forbidden');
    return { actor: officialActor(session.officialId), postCode: post, now: app.auth.now() };
  };

  app.post(
    '/api/kiosk/posts/:post/codes',
    {
      schema: {
        tags: ['kiosk'],
        summary: 'A single-use code that enrols one kiosk at the post (shown once, valid one day)',
        params: postParams,
        response: { 201: z.object({ code: z.string(), expiresAt: z.string() }), ...errors },
      },
      config: { access: operator },
    },
    async (request, reply) => {
      const issued = await issueEnrolmentCode(app.context.store, atPost(request, request.params.post));
      return reply.status(201).send({ code: issued.code, expiresAt: issued.expiresAt.toISOString() });
    },
  );

  app.get(
    '/api/kiosk/posts/:post/kiosks',
    {
      schema: {
        tags: ['kiosk'],
        summary: 'The kiosks of the post, with the sealed ballots each held at its last heartbeat',
        params: postParams,
      },
      config: { access: operator },
    },
    async (request) => {
      atPost(request, request.params.post);
      return { kiosks: await listKiosks(app.context.store.db, request.params.post) };
    },
  );

  app.post(
    '/api/kiosk/posts/:post/kiosks/:kioskId/revoke',
    {
      schema: {
        tags: ['kiosk'],
        summary: 'Revoke a kiosk of the post (final): it can no longer open visits nor send ballots',
        params: postParams.extend({ kioskId }),
        response: { 204: z.null(), ...errors },
      },
      config: { access: operator },
    },
    async (request, reply) => {
      await revokeKiosk(app.context.store, atPost(request, request.params.post), request.params.kioskId);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/kiosk/enrol',
    {
      schema: {
        tags: ['kiosk'],
        summary: 'The kiosk enrols itself: the operator’s code and the public key (SPKI, base64url) of its P-256 key',
        body: z.strictObject({
          code: z.string().min(1).max(40),
          publicKey: z.string().min(80).max(200),
          label: z.string().trim().min(1).max(80),
        }),
        response: { 201: z.object({ kioskId, post: z.string(), label: z.string() }), ...errors },
      },
      config: { access: 'public' },
    },
    async (request, reply) => reply.status(201).send(await enrolKiosk(app.context.store, request.body, app.auth.now())),
  );

  app.post(
    '/api/kiosk/heartbeat',
    {
      schema: {
        tags: ['kiosk'],
        summary: 'The kiosk reports the sealed ballots waiting on it (signed)',
        body: z.strictObject({
          kioskId,
          at: z.string().max(40),
          queued: z.number().int().min(0).max(100_000),
          signature,
        }),
        response: { 200: z.object({ post: z.string() }), ...errors },
      },
      config: { access: 'public' },
    },
    async (request) => heartbeat(app.context.store, { ...request.body, purpose: 'heartbeat' }, app.auth.now()),
  );
}
