// The PO opens and finally closes the voting period of each election and electronic mode. The
// period itself is the election-day setup's (the dates on the letters): opening is the act that
// lets the box accept ballots within it, closing is final. Both audited. Opening first publishes
// the election's voter roll commitment (counting/roll.ts), once.
import { z } from 'zod';
import type { AppInstance } from '../app-instance.ts';
import { officialOf } from '../auth/caller.ts';
import { officialActor } from '../auth/login-service.ts';
import { AppError } from '../errors.ts';
import type { BoxMode } from '../voting/period.ts';
import { changePeriod, readPeriod, viewOf } from '../voting/periods.ts';
import { publishRoll } from '../counting/roll.ts';
import { errorSchema, labelsSchema } from './schemas.ts';
import { periodSchema } from './voting-schemas.ts';

const MODES: readonly BoxMode[] = ['online', 'kiosk'];

const bodySchema = z.strictObject({
  action: z.enum(['open', 'close']),
  mode: z.enum(['online', 'kiosk']).default('online'),
});

export function votingPeriodRoutes(app: AppInstance): void {
  app.get(
    '/api/voting/periods',
    {
      schema: {
        tags: ['voting'],
        summary: "The voting period of every election and electronic mode (the setup's window, the PO's acts)",
        response: { 200: z.array(periodSchema.extend({ label: labelsSchema, ballots: z.number().int() })) },
      },
      config: { access: { roles: ['po-admin', 'observer'] } },
    },
    async () => {
      const { db } = app.context.store;
      const now = app.auth.now();
      const elections = await db.selectFrom('elections').select(['id', 'label']).orderBy('id').execute();
      const counts = await db
        .selectFrom('ballots')
        .select(['election_id', 'mode', (eb) => eb.fn.countAll<string>().as('n')])
        .groupBy(['election_id', 'mode'])
        .execute();
      const rows = [];
      for (const e of elections) {
        for (const mode of MODES) {
          const n = counts.find((c) => c.election_id === e.id && c.mode === mode)?.n ?? '0';
          rows.push({
            ...viewOf(e.id, mode, await readPeriod(db, e.id, mode), now),
            label: e.label,
            ballots: Number(n),
          });
        }
      }
      return rows;
    },
  );

  app.post(
    '/api/voting/elections/:electionId/period',
    {
      schema: {
        tags: ['voting'],
        summary: "Open (within the setup's window) or close (final) the voting period of a mode, online by default",
        params: z.strictObject({ electionId: z.string().regex(/^[a-z0-9-]{1,64}$/) }),
        body: bodySchema,
        response: { 200: periodSchema, 400: errorSchema, 404: errorSchema, 409: errorSchema },
      },
      config: { access: { roles: ['po-admin'] } },
    },
    async (request) => {
      const official = officialOf(request);
      const { electionId } = request.params;
      const now = app.auth.now();
      // The roll commitment is published before the box first accepts a ballot (record entry `roll`),
      // stamped with the same clock as the act (the verifier compares the two).
      if (
        request.body.action === 'open' &&
        (await app.context.store.db
          .selectFrom('elections')
          .select('id')
          .where('id', '=', electionId)
          .executeTakeFirst()) !== undefined
      ) {
        await publishRoll(app.context.store, electionId, { id: officialActor(official.officialId) }, now);
      }
      const result = await changePeriod(
        app.context.store.db,
        request.params.electionId,
        request.body.mode,
        request.body.action,
        officialActor(official.officialId),
        now,
      );
      if (!result.ok) throw new AppError(result.code);
      return result.period;
    },
  );
}
