// Team A's reception of hybrid envelopes (mode 6, issue #16): identities only, never a vote. The
// K-code of each outer envelope is scanned (a barcode scanner types it and ends with Enter) or typed;
// the answer says at once what to do with the envelope. Team A members act only in their constituency
// (its main office).
import type { FastifyError } from 'fastify';
import { z } from 'zod';
import type { AppInstance } from '../app-instance.ts';
import { checkTypedKcode } from '../hybrid/kcodes.ts';
import { keyedHashFrom } from '../hybrid/keyed-hash.ts';
import { receiveEnvelope, receptionSummary, TRAY_MAX, type EnvelopeReceipt } from '../hybrid/reception.ts';
import { SET_ASIDE_REASONS } from '../hybrid/reception-decision.ts';
import { AppError, classify, errorBody } from '../errors.ts';
import { errorSchema } from './schemas.ts';
import { countingErrorHandler, slug, teamActor } from './counting-common.ts';

const access = { roles: ['team-a'] } as const;
const tags = ['counting: Team A (identities)'];
const params = z.strictObject({ electionDayId: slug, constituency: slug });
const box = z.enum(['belgium', 'abroad']);
const receiptSchema = z.object({
  envelope: z.string(),
  receivedAt: z.string(),
  outcome: z.enum(['accepted', 'set-aside']),
  box: box.nullable(),
  boxOrder: z.number().nullable(),
  reason: z.enum(SET_ASIDE_REASONS).nullable(),
  voterName: z.string().nullable(),
});

function receiptBody(r: EnvelopeReceipt): z.infer<typeof receiptSchema> {
  return {
    envelope: r.envelope,
    receivedAt: r.receivedAt,
    outcome: r.decision.outcome,
    box: r.decision.outcome === 'accepted' ? r.decision.box : null,
    boxOrder: r.boxOrder,
    reason: r.decision.outcome === 'set-aside' ? r.decision.reason : null,
    voterName: r.voterName,
  };
}

export function countingHybridReceptionRoutes(app: AppInstance): void {
  const { store } = app.context;
  const keyedHash = keyedHashFrom(app.context.secret);
  // One envelope as both routes receive it: the typed or scanned code checked, then the decision.
  const receiveTyped = async (
    at: { readonly electionDayId: string; readonly constituency: string },
    actorId: string,
    typed: string,
  ): Promise<z.infer<typeof receiptSchema>> =>
    receiptBody(
      await receiveEnvelope(
        store,
        keyedHash,
        at.electionDayId,
        at.constituency,
        checkTypedKcode(typed),
        actorId,
        app.auth.now(),
      ),
    );

  app.post(
    '/api/counting/identities/:electionDayId/constituencies/:constituency/hybrid-envelopes',
    {
      schema: {
        tags,
        summary:
          'Receive a hybrid outer envelope by its K-code: the time of receipt recorded, accepted (the inner envelope into the box and order number given) or set aside with the reason',
        params,
        body: z.strictObject({ code: z.string().max(64) }),
        response: {
          200: receiptSchema,
          400: errorSchema,
          403: errorSchema,
          404: errorSchema,
        },
      },
      config: { access },
      errorHandler: countingErrorHandler,
    },
    async (request) => {
      const actor = teamActor(request, 'team-a', request.params.constituency);
      return receiveTyped(request.params, actor.id, request.body.code);
    },
  );

  // A scanner that reads a tray of envelopes sends their codes at once, in the order it read them.
  // Each envelope is received exactly as by the route above, one after the other in that order (so
  // that of two envelopes with one label in a tray the first is kept): its own transaction, decision
  // under the voter's lock, audit entry and time of receipt. A refused code (not a K-code, office
  // closed) is answered in its place and the tray goes on; an unexpected failure stops the tray:
  // the envelopes answered were received, the others were not (`stopped` says why) and are fed again.
  app.post(
    '/api/counting/identities/:electionDayId/constituencies/:constituency/hybrid-envelopes/tray',
    {
      schema: {
        tags,
        summary:
          'Receive a tray of hybrid outer envelopes (a scanner reading a tray): each received as by the single route, in order, with its own decision and audit entry; the answers in the same order',
        params,
        body: z.strictObject({ codes: z.array(z.string().max(64)).min(1).max(TRAY_MAX) }),
        response: {
          200: z.object({
            envelopes: z.array(z.union([receiptSchema, errorSchema.extend({ outcome: z.literal('refused') })])),
            stopped: errorSchema.nullable(),
          }),
          400: errorSchema,
          403: errorSchema,
          404: errorSchema,
        },
      },
      config: { access },
      errorHandler: countingErrorHandler,
    },
    async (request) => {
      const actor = teamActor(request, 'team-a', request.params.constituency);
      const envelopes: (
        z.infer<typeof receiptSchema> | (ReturnType<typeof errorBody> & { readonly outcome: 'refused' })
      )[] = [];
      for (const typed of request.body.codes) {
        try {
          envelopes.push(await receiveTyped(request.params, actor.id, typed));
        } catch (error) {
          if (error instanceof AppError) {
            envelopes.push({ ...errorBody(error.code, error.field), outcome: 'refused' });
            continue;
          }
          const { code } = classify(error as FastifyError);
          request.log.error({ err: error, received: envelopes.length }, 'hybrid tray stopped');
          return { envelopes, stopped: errorBody(code) };
        }
      }
      return { envelopes, stopped: null };
    },
  );

  app.get(
    '/api/counting/identities/:electionDayId/constituencies/:constituency/hybrid-envelopes/to-remove',
    {
      schema: {
        tags,
        summary:
          'Inner envelopes to take out of the boxes: accepted, then cancelled by a polling-station list (the voter voted there), by box and order number',
        params,
        response: {
          200: z.object({ envelopes: z.array(z.object({ box, boxOrder: z.number() })) }),
          403: errorSchema,
        },
      },
      config: { access },
      errorHandler: countingErrorHandler,
    },
    async (request) => {
      teamActor(request, 'team-a', request.params.constituency);
      const rows = await store.db
        .selectFrom('hybrid_envelopes as e')
        .innerJoin('hybrid_kcodes as k', 'k.id', 'e.kcode_id')
        .select(['e.box', 'e.box_order'])
        .where('e.election_day_id', '=', request.params.electionDayId)
        .where('e.office', '=', request.params.constituency)
        .where('e.outcome', '=', 'accepted')
        .where('k.state', '=', 'cancelled')
        .orderBy('e.box')
        .orderBy('e.box_order')
        .execute();
      return {
        envelopes: rows.flatMap((r) =>
          r.box === null || r.box_order === null ? [] : [{ box: r.box, boxOrder: r.box_order }],
        ),
      };
    },
  );

  app.get(
    '/api/counting/identities/:electionDayId/constituencies/:constituency/hybrid-envelopes',
    {
      schema: {
        tags,
        summary: 'Envelopes received so far: inner envelopes per box (what Team B must find), set aside per reason',
        params,
        response: {
          200: z.object({
            accepted: z.object({ belgium: z.number(), abroad: z.number() }),
            setAside: z.record(z.string(), z.number()),
          }),
          403: errorSchema,
        },
      },
      config: { access },
      errorHandler: countingErrorHandler,
    },
    async (request) => {
      teamActor(request, 'team-a', request.params.constituency);
      return receptionSummary(store, request.params.electionDayId, request.params.constituency);
    },
  );
}
