// Voting at a kiosk (mode 8, issue #17; ../kiosk): the logged-in voter's visit, opened by the kiosk
// (signed), and the kiosk's cast of the voter's sealed ballots (signed; no voter session needed, so a
// ballot sealed during a network cut is forwarded after the voter left). Refusals: stable codes.
import { z } from 'zod';
import type { AppInstance } from '../app-instance.ts';
import { voterOf } from '../auth/caller.ts';
import { checkSignedRequest } from '../kiosk/device.ts';
import { castAtKiosk } from '../kiosk/kiosk-cast.ts';
import { openVisit } from '../kiosk/visit.ts';
import { votingService } from '../voting/service.ts';
import { castManySchema } from '../voting/wire.ts';
import { errorSchema } from './schemas.ts';
import { receiptsSchema } from './voting-schemas.ts';

const kioskId = z.string().regex(/^[0-9a-f]{32}$/);
const signature = z
  .string()
  .regex(/^[A-Za-z0-9_-]{86}$/)
  .optional();
const errors = { 400: errorSchema, 401: errorSchema, 403: errorSchema, 409: errorSchema };

export function kioskVotingRoutes(app: AppInstance): void {
  const service = votingService(app.context.store);

  app.post(
    '/api/kiosk/visits',
    {
      schema: {
        tags: ['kiosk'],
        summary: 'The logged-in voter starts voting at this kiosk (signed by the kiosk); refused after a kiosk vote',
        body: z.strictObject({ kioskId, at: z.string().max(40), signature }),
        response: {
          201: z.object({ visit: z.string(), electionDayId: z.string(), expiresAt: z.string() }),
          ...errors,
        },
      },
      config: { access: 'voter' },
    },
    async (request, reply) => {
      const now = app.auth.now();
      const voter = voterOf(request);
      const kiosk = await checkSignedRequest(app.context.store.db, { ...request.body, purpose: 'visit' }, now);
      return reply.status(201).send(await openVisit(app.context.store, app.context.secret, kiosk, voter, now));
    },
  );

  app.post(
    '/api/kiosk/ballots',
    {
      bodyLimit: 10 * 64 * 1024,
      schema: {
        tags: ['kiosk'],
        summary:
          'The kiosk casts a visit’s sealed ballots (signed); the same request again returns the same receipts, nothing new stored',
        body: castManySchema.extend({ kioskId, visit: z.string().regex(/^[A-Za-z0-9_-]{43}$/), signature }),
        response: { 200: receiptsSchema, 201: receiptsSchema, ...errors },
      },
      config: { access: 'public' },
    },
    async (request, reply) => {
      const { kioskId: id, visit, signature: signed, ballots } = request.body;
      const result = await castAtKiosk(
        service,
        app.context.store,
        app.context.secret,
        {
          kioskId: id,
          visit,
          signature: signed,
          ballots: ballots.map(({ electionId, ...body }) => ({ electionId, body })),
        },
        app.auth.now(),
      );
      return reply.status(result.replayed ? 200 : 201).send({ receipts: [...result.receipts] });
    },
  );
}
