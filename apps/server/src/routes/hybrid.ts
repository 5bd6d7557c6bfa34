// Hybrid voting (mode 6): the voter's print kit and own K-code status (logged in), and the status
// by K-code for anyone who holds the code (no login; rate-limited per address as a lookup, answered
// no sooner than a fixed floor so that the time says nothing about whether the code exists).
import { setTimeout as sleep } from 'node:timers/promises';
import { z } from 'zod';
import type { AppInstance } from '../app-instance.ts';
import { voterOf } from '../auth/caller.ts';
import { AppError } from '../errors.ts';
import { checkTypedKcode, kcodeStatus, voterKcode } from '../hybrid/kcodes.ts';
import { keyedHashFrom } from '../hybrid/keyed-hash.ts';
import { hybridVoter, mayPrint, prepareKit, printKit } from '../hybrid/kit-service.ts';
import { errorSchema } from './schemas.ts';
import { publicBaseUrl } from './public-url.ts';

/** Every status answer takes at least this long (ms): the lookup is far quicker, so existing and unknown codes answer alike. */
export const STATUS_FLOOR_MS = 150;

const labels = z.object({ fr: z.string(), nl: z.string(), de: z.string(), en: z.string() });
const statusSchema = z.object({
  status: z.enum(['unknown', 'issued', 'voided', 'received', 'cancelled', 'counted']),
  reason: z.string().nullable(),
  updatedAt: z.string().nullable(),
  electionDayId: z.string().nullable(),
});

export function hybridRoutes(app: AppInstance): void {
  const { store } = app.context;
  const keyedHash = keyedHashFrom(app.context.secret);

  app.get(
    '/api/hybrid/me',
    {
      schema: {
        tags: ['hybrid'],
        summary: 'My hybrid vote: whether I may print a kit now, my elections, my K-code’s status',
        response: {
          200: z.object({
            registered: z.boolean(),
            mayPrint: z.boolean(),
            refusal: z.string().nullable(),
            period: z
              .object({
                opens: z.string(),
                closes: z.string(),
                opensAt: z.string(),
                closesAt: z.string(),
                state: z.string(),
              })
              .nullable(),
            elections: z.array(
              z.object({
                electionId: z.string(),
                label: labels,
                constituency: z.object({ code: z.string(), label: labels }),
              }),
            ),
            kcode: statusSchema.extend({ issuedAt: z.string() }).nullable(),
          }),
        },
      },
      config: { access: 'voter' },
    },
    async (request) => {
      const session = voterOf(request);
      const voter = await hybridVoter(store.db, session.electionDayId, session.nrn, app.auth.now());
      let refusal: string | null = null;
      try {
        // The voter reads this page before asking for their kit: its shared pages are drawn meanwhile.
        void prepareKit(store, mayPrint(voter), `${publicBaseUrl(app, request)}/hybrid/status`);
      } catch (e) {
        if (!(e instanceof AppError)) throw e;
        refusal = e.code;
      }
      return {
        registered: voter !== undefined,
        mayPrint: refusal === null,
        refusal,
        period: voter?.period ?? null,
        elections: (voter?.elections ?? []).map((e) => ({
          electionId: e.electionId,
          label: e.label,
          constituency: { code: e.constituencyCode, label: e.constituencyLabel },
        })),
        kcode: voter === undefined ? null : ((await voterKcode(store.db, session.electionDayId, session.nrn)) ?? null),
      };
    },
  );

  app.post(
    '/api/hybrid/kit',
    {
      schema: {
        tags: ['hybrid'],
        summary:
          'Print my kit (PDF): blank ballots, envelope labels with a new K-code, instructions. A new kit voids the previous K-code.',
        response: { 200: z.unknown(), 403: errorSchema, 409: errorSchema },
      },
      config: { access: 'voter' },
    },
    async (request, reply) => {
      const session = voterOf(request);
      const { pdf } = await printKit(
        store,
        keyedHash,
        session.electionDayId,
        session.nrn,
        app.auth.now(),
        `${publicBaseUrl(app, request)}/hybrid/status`,
      );
      return reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', 'attachment; filename="isoloir-hybrid-kit.pdf"')
        .header('cache-control', 'no-store')
        .send(Buffer.from(pdf));
    },
  );

  app.post(
    '/api/hybrid/status',
    {
      schema: {
        tags: ['hybrid'],
        summary:
          'The status of a hybrid vote by its K-code, without login: unknown, issued (not received yet), voided, received, cancelled (reason), counted, and the time of the last update',
        body: z.strictObject({ code: z.string().max(64) }),
        response: { 200: statusSchema, 400: errorSchema, 429: errorSchema },
      },
      config: { access: 'public' },
    },
    async (request, reply) => {
      const started = performance.now();
      const code = checkTypedKcode(request.body.code); // a typing error is refused before any lookup
      const view = await kcodeStatus(store.db, keyedHash, code);
      const wait = STATUS_FLOOR_MS - (performance.now() - started);
      if (wait > 0) await sleep(wait);
      return reply.header('cache-control', 'no-store').send(view);
    },
  );
}
