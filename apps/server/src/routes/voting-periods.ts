// The organising authority opens and closes the online voting period of each election: scheduled
// (opens/closes times) or by hand (open now, close now). Closing is final and audited.
import { z } from 'zod';
import type { AppInstance } from '../app-instance.ts';
import { officialOf } from '../auth/caller.ts';
import { officialActor } from '../auth/login-service.ts';
import { AppError } from '../errors.ts';
import { changePeriod, defaultMaxBallots, readPeriod, viewOf, type PeriodCommand } from '../voting/periods.ts';
import { errorSchema, labelsSchema } from './schemas.ts';
import { periodSchema } from './voting-schemas.ts';

const bodySchema = z.discriminatedUnion('action', [
  z.strictObject({ action: z.literal('schedule'), opensAt: z.iso.datetime({ offset: true }), closesAt: z.iso.datetime({ offset: true }), maxBallots: z.number().int().min(1).max(100).optional() }),
  z.strictObject({ action: z.literal('open'), closesAt: z.iso.datetime({ offset: true }).optional(), maxBallots: z.number().int().min(1).max(100).optional() }),
  z.strictObject({ action: z.literal('close') }),
]);

function commandOf(body: z.infer<typeof bodySchema>): PeriodCommand {
  if (body.action === 'schedule') return { kind: 'schedule', schedule: { opensAt: new Date(body.opensAt), closesAt: new Date(body.closesAt), maxBallots: body.maxBallots } };
  if (body.action === 'open') return { kind: 'open-now', closesAt: body.closesAt === undefined ? undefined : new Date(body.closesAt), maxBallots: body.maxBallots };
  return { kind: 'close-now' };
}

export function votingPeriodRoutes(app: AppInstance): void {
  app.get(
    '/api/voting/periods',
    { schema: { tags: ['voting'], summary: 'The online voting period of every election', response: { 200: z.array(periodSchema.extend({ label: labelsSchema, ballots: z.number().int() })) } }, config: { access: { roles: ['po-admin', 'observer'] } } },
    async () => {
      const { db } = app.context.store;
      const now = app.auth.now();
      const elections = await db.selectFrom('elections').select(['id', 'label']).orderBy('id').execute();
      return Promise.all(
        elections.map(async (e) => {
          const n = await db.selectFrom('ballots').select((eb) => eb.fn.countAll<string>().as('n')).where('election_id', '=', e.id).executeTakeFirstOrThrow();
          return { ...viewOf(e.id, await readPeriod(db, e.id), await defaultMaxBallots(db, e.id), now), label: e.label, ballots: Number(n.n) };
        }),
      );
    },
  );

  app.post(
    '/api/voting/elections/:electionId/period',
    { schema: { tags: ['voting'], summary: 'Schedule, open now or close now (final) the online voting period', params: z.strictObject({ electionId: z.string().regex(/^[a-z0-9-]{1,64}$/) }), body: bodySchema, response: { 200: periodSchema, 400: errorSchema, 404: errorSchema, 409: errorSchema } }, config: { access: { roles: ['po-admin'] } } },
    async (request) => {
      const official = officialOf(request);
      const result = await changePeriod(app.context.store.db, request.params.electionId, commandOf(request.body), officialActor(official.officialId), app.auth.now());
      if (!result.ok) throw new AppError(result.code);
      return result.period;
    },
  );
}
