// Election setup and the commune reference table (organising authority), and the state of a day's
// preparation for every official who takes part in it.
import { z } from 'zod';
import type { AppInstance } from '../app-instance.ts';
import { electionConstituencies, importCommunes, parseCommunesCsv } from '../preparation/communes.ts';
import { latestConsolidation } from '../preparation/consolidate.ts';
import { daySettings, importElectionSetup, parseElectionSetup } from '../preparation/setup.ts';
import { acceptCsvStreams, csvBody, dayParams, poActor, run } from './preparation-common.ts';
import { errorSchema, labelsSchema } from './schemas.ts';

const OFFICIALS = { roles: ['po-admin', 'commune-official', 'consular-official'] } as const;

export function preparationSetupRoutes(app: AppInstance): void {
  acceptCsvStreams(app);

  app.post(
    '/api/preparation/setup',
    {
      schema: {
        tags: ['preparation'],
        summary: 'Load or update an election day from its setup (format isoloir-election/1)',
        body: z.unknown(),
        response: { 200: z.object({ dayId: z.string(), hash: z.string() }), 400: errorSchema, 409: errorSchema },
      },
      config: { access: { roles: ['po-admin'] } },
      bodyLimit: 1024 * 1024,
    },
    async (request) => {
      const actor = poActor(request);
      return run(() => importElectionSetup(app.context.store, actor, parseElectionSetup(request.body)));
    },
  );

  app.post(
    '/api/preparation/days/:dayId/communes',
    {
      schema: {
        tags: ['preparation'],
        summary: 'Replace the reference table of communes (CSV)',
        params: dayParams,
        response: { 200: z.object({ communes: z.number().int(), sha256: z.string() }), 400: errorSchema },
      },
      config: { access: { roles: ['po-admin'] } },
    },
    async (request) => {
      const actor = poActor(request);
      const { store } = app.context;
      return run(async () =>
        importCommunes(
          store,
          actor,
          request.params.dayId,
          await parseCommunesCsv(csvBody(request), await electionConstituencies(store, request.params.dayId)),
        ),
      );
    },
  );

  app.get(
    '/api/preparation/days/:dayId/communes',
    {
      schema: {
        tags: ['preparation'],
        summary: 'The communes of the day, with their current voter file',
        params: dayParams,
        response: {
          200: z.array(
            z.object({
              nis: z.string(),
              names: z.object({ fr: z.string(), nl: z.string(), de: z.string() }),
              version: z.number().int().nullable(),
              voters: z.number().int().nullable(),
            }),
          ),
        },
      },
      config: { access: OFFICIALS },
    },
    async (request) => {
      const rows = await app.context.store.db
        .selectFrom('communes as c')
        .leftJoin('commune_files as f', (join) =>
          join
            .onRef('f.election_day_id', '=', 'c.election_day_id')
            .onRef('f.nis', '=', 'c.nis')
            .on('f.current', '=', true),
        )
        .select(['c.nis', 'c.name_fr', 'c.name_nl', 'c.name_de', 'f.version', 'f.voters'])
        .where('c.election_day_id', '=', request.params.dayId)
        .orderBy('c.nis')
        .execute();
      return rows.map((r) => ({
        nis: r.nis,
        names: { fr: r.name_fr, nl: r.name_nl, de: r.name_de },
        version: r.version,
        voters: r.voters,
      }));
    },
  );

  app.get(
    '/api/preparation/days/:dayId',
    {
      schema: {
        tags: ['preparation'],
        summary: 'The state of a day’s preparation',
        params: dayParams,
        response: {
          200: z.object({
            dayId: z.string(),
            label: labelsSchema,
            votingDate: z.string(),
            registrationDeadline: z.string(),
            abroadModes: z.array(z.number().int()),
            elections: z.array(z.string()),
            onlineRevoteLimit: z.number().int(),
            frozen: z.boolean(),
            periods: z.record(z.string(), z.object({ opens: z.string(), closes: z.string() })),
            residentModes: z.record(z.string(), z.object({ open: z.boolean(), optIn: z.boolean() })),
            communes: z.number().int(),
            communeFiles: z.number().int(),
            registrations: z.number().int(),
            posts: z.array(z.object({ code: z.string(), label: labelsSchema, address: z.string() })),
            consolidation: z
              .object({
                id: z.string(),
                voters: z.number().int(),
                frozen: z.boolean(),
                openConflicts: z.number().int(),
              })
              .nullable(),
          }),
          404: errorSchema,
        },
      },
      config: { access: OFFICIALS },
    },
    async (request) => {
      const { db } = app.context.store;
      const dayId = request.params.dayId;
      const settings = await run(() => daySettings(db, dayId));
      const day = await db
        .selectFrom('election_days')
        .select('label')
        .where('id', '=', dayId)
        .executeTakeFirstOrThrow();
      const count = async (table: 'communes' | 'consular_registrations'): Promise<number> => {
        let q = db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<string>().as('n'))
          .where('election_day_id', '=', dayId);
        if (table === 'consular_registrations') q = q.where('status', '=', 'active');
        return Number((await q.executeTakeFirstOrThrow()).n);
      };
      const files = await db
        .selectFrom('commune_files')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .where('election_day_id', '=', dayId)
        .where('current', '=', true)
        .executeTakeFirstOrThrow();
      const posts = await db
        .selectFrom('consular_posts')
        .select(['code', 'label', 'address'])
        .orderBy('code')
        .execute();
      const latest = await latestConsolidation(db, dayId);
      const open =
        latest === undefined
          ? 0
          : Number(
              (
                await db
                  .selectFrom('consolidation_conflicts')
                  .select((eb) => eb.fn.countAll<string>().as('n'))
                  .where('consolidation_id', '=', latest.id)
                  .where('resolution', 'is', null)
                  .executeTakeFirstOrThrow()
              ).n,
            );
      return {
        dayId,
        label: day.label,
        votingDate: settings.votingDate,
        registrationDeadline: settings.registrationDeadline,
        abroadModes: [...settings.abroadModes],
        elections: settings.elections.map((e) => e.id),
        onlineRevoteLimit: settings.onlineRevoteLimit,
        frozen: settings.frozen,
        periods: settings.periods,
        residentModes: settings.residentModes,
        communes: await count('communes'),
        communeFiles: Number(files.n),
        registrations: await count('consular_registrations'),
        posts,
        consolidation:
          latest === undefined
            ? null
            : { id: latest.id, voters: latest.voters, frozen: latest.frozen, openConflicts: open },
      };
    },
  );
}
