// The reconciliation of each hybrid box and the hybrid PVs (mode 6, issue #16), for the office's
// president (or the PO): figures only, never an identity nor a ballot. The president explains a
// difference between the inner envelopes accepted and the ballots encoded, then generates the PVs;
// Team B approves them with the electronic ones (`…/contents/…/pvs/hybrid/:category/approve`).
import { z } from 'zod';
import type { AppInstance } from '../app-instance.ts';
import { requireScope } from '../auth/caller.ts';
import { generateHybridPvs } from '../hybrid/hybrid-pv.ts';
import { boxReconciliation, explainDifference, type BoxReconciliation } from '../hybrid/reconciliation.ts';
import { errorSchema } from './schemas.ts';
import { actorOf, categorySchema, constituencyParams, countingErrorHandler, slug } from './counting-common.ts';

const tags = ['counting: constituency main office (president, PO)'];
const access = { roles: ['po-admin', 'president'] } as const;
const boxParams = z.strictObject({ electionId: slug, constituency: slug, box: categorySchema });
const reconciliationSchema = z.object({
  box: categorySchema,
  state: z.enum(['not-started', 'first-entry', 'second-entry', 'differences', 'done']),
  accepted: z.number(),
  cancelled: z.number(),
  expected: z.number(),
  encoded: z.number().nullable(),
  difference: z.number().nullable(),
  explanation: z
    .object({ difference: z.number(), text: z.string(), author: z.string(), recordedAt: z.string() })
    .nullable(),
  unexplained: z.boolean(),
});

function view(r: BoxReconciliation): z.infer<typeof reconciliationSchema> {
  return { ...r };
}

export function countingHybridPvRoutes(app: AppInstance): void {
  const { store } = app.context;
  const base = '/api/counting/process/:electionId/constituencies/:constituency';

  app.get(
    `${base}/hybrid-boxes/:box/reconciliation`,
    {
      schema: {
        tags,
        summary:
          'The box’s inner envelopes accepted by Team A (less those cancelled since) against the ballots Team B encoded, and the explanation of any difference',
        params: boxParams,
        response: { 200: reconciliationSchema, 403: errorSchema, 404: errorSchema },
      },
      config: { access },
      errorHandler: countingErrorHandler,
    },
    async (request) => {
      const { electionId, constituency, box } = request.params;
      requireScope(request, ['president', 'po-admin'], constituency);
      return view(await boxReconciliation(store, { electionId, office: constituency, box }));
    },
  );

  app.post(
    `${base}/hybrid-boxes/:box/explanation`,
    {
      schema: {
        tags,
        summary:
          'Explain the difference between the ballots encoded and the inner envelopes accepted (printed in the PV’s observations; required before it is approved)',
        params: boxParams,
        body: z.strictObject({
          author: z.string().trim().min(1).max(200),
          text: z.string().trim().min(1).max(2000),
        }),
        response: { 200: reconciliationSchema, 403: errorSchema, 404: errorSchema, 409: errorSchema },
      },
      config: { access },
      errorHandler: countingErrorHandler,
    },
    async (request) => {
      const { electionId, constituency, box } = request.params;
      requireScope(request, ['president', 'po-admin'], constituency);
      return view(
        await explainDifference(
          store,
          { electionId, office: constituency, box },
          request.body,
          actorOf(request).id,
          app.auth.now(),
        ),
      );
    },
  );

  app.post(
    `${base}/hybrid-pvs`,
    {
      schema: {
        tags,
        summary:
          'Generate (again) the hybrid PVs of the constituency, abroad and Belgium: reception figures, the count of each done box, the reconciliation; approvals start over',
        params: constituencyParams,
        response: {
          200: z.object({
            pvs: z.array(
              z.object({
                category: categorySchema,
                received: z.number(),
                counted: z.number(),
                difference: z.number(),
                explained: z.boolean(),
              }),
            ),
          }),
          403: errorSchema,
          404: errorSchema,
          409: errorSchema,
        },
      },
      config: { access },
      errorHandler: countingErrorHandler,
    },
    async (request) => {
      const { electionId, constituency } = request.params;
      requireScope(request, ['president', 'po-admin'], constituency);
      const pvs = await generateHybridPvs(store, electionId, constituency, actorOf(request), app.auth.now());
      return {
        pvs: pvs.map((pv) => ({
          category: pv.category,
          received: pv.received,
          counted: pv.counted,
          difference: pv.reconciliation?.difference ?? 0,
          explained: (pv.reconciliation?.difference ?? 0) === 0 || pv.reconciliation?.explanation !== null,
        })),
      };
    },
  );
}
