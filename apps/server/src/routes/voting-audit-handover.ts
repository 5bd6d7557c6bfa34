// An audited ballot handed to a second device (../voting/audit-handover.ts): the voter's booth
// stores the encrypted audit data and gets an id for the QR code; any device with the link fetches
// the blob and decrypts it with the key in the link's fragment, which the server never receives.
import { z } from 'zod';
import type { AppInstance } from '../app-instance.ts';
import { voterOf } from '../auth/caller.ts';
import { voterActor } from '../secrets/pseudonyms.ts';
import { HANDOVER_MAX_BYTES, readHandover, storeHandover } from '../voting/audit-handover.ts';
import { errorSchema } from './schemas.ts';

const base64url = z.string().regex(/^[A-Za-z0-9_-]+$/);
const handover = z.strictObject({ id: z.string(), expiresAt: z.string() });
const errors = { 400: errorSchema, 401: errorSchema, 403: errorSchema, 404: errorSchema, 429: errorSchema };

export function votingAuditHandoverRoutes(app: AppInstance): void {
  app.post(
    '/api/voting/audit-handovers',
    {
      bodyLimit: Math.ceil((HANDOVER_MAX_BYTES * 4) / 3) + 1024,
      schema: {
        tags: ['voting'],
        summary:
          'Keep an audited ballot, encrypted by the booth under a key the server never sees, for 24 hours, to check it on another device',
        body: z.strictObject({
          electionId: z.string().regex(/^[a-z0-9-]{1,64}$/),
          blob: base64url.max(Math.ceil((HANDOVER_MAX_BYTES * 4) / 3)),
        }),
        response: { 201: handover, ...errors },
      },
      config: { access: 'voter' },
    },
    async (request, reply) => {
      const voter = voterOf(request);
      const stored = await storeHandover(app.context.store, {
        electionId: request.body.electionId,
        actor: voterActor(app.context.secret, voter.electionDayId, voter.nrn),
        blob: Buffer.from(request.body.blob, 'base64url'),
        now: app.auth.now(),
      });
      return reply.status(201).send({ id: stored.id, expiresAt: stored.expiresAt.toISOString() });
    },
  );

  app.get(
    '/api/voting/audit-handovers/:id',
    {
      schema: {
        tags: ['voting'],
        summary: 'An audited ballot handed over (encrypted; the key is in the link the booth showed)',
        params: z.strictObject({ id: z.string().regex(/^[A-Za-z0-9_-]{22}$/) }),
        response: {
          200: z.strictObject({ electionId: z.string(), blob: z.string(), expiresAt: z.string() }),
          ...errors,
        },
      },
      config: { access: 'public' },
    },
    async (request) => {
      const found = await readHandover(app.context.store, request.params.id, app.auth.now());
      return {
        electionId: found.electionId,
        blob: Buffer.from(found.blob).toString('base64url'),
        expiresAt: found.expiresAt.toISOString(),
      };
    },
  );
}
