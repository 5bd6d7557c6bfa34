// Public read-only views of the elections: what is being elected, where, how many seats.
import { z } from 'zod';
import type { AppInstance } from '../app-instance.ts';
import { AppError } from '../errors.ts';
import { errorSchema, labelsSchema } from './schemas.ts';

const electionSummarySchema = z.object({
  id: z.string(),
  electionDayId: z.string(),
  votingDate: z.string(),
  kind: z.enum(['chamber', 'european', 'regional', 'communal']),
  label: labelsSchema,
  constituencies: z.number().int(),
  seats: z.number().int(),
  voters: z.number().int(),
});

const constituencySchema = z.object({
  code: z.string(),
  label: labelsSchema,
  seats: z.number().int(),
  languages: z.array(z.enum(['fr', 'nl', 'de'])),
  lists: z.number().int(),
  candidates: z.number().int(),
});

const electionDetailSchema = electionSummarySchema.extend({ constituencies: z.array(constituencySchema) });

export function electionRoutes(app: AppInstance): void {
  app.get(
    '/api/elections',
    {
      schema: {
        tags: ['elections'],
        summary: 'Every election with its totals',
        response: { 200: z.array(electionSummarySchema) },
      },
      config: { access: 'public' },
    },
    async () => {
      const { db } = app.context.store;
      const rows = await db
        .selectFrom('elections as e')
        .innerJoin('election_days as d', 'd.id', 'e.election_day_id')
        .select((eb) => [
          'e.id',
          'e.election_day_id',
          'e.kind',
          'e.label',
          'd.voting_date',
          eb
            .selectFrom('constituencies as c')
            .whereRef('c.election_id', '=', 'e.id')
            .select((c) => c.fn.countAll<string>().as('n'))
            .as('constituencies'),
          eb
            .selectFrom('constituencies as c')
            .whereRef('c.election_id', '=', 'e.id')
            .select((c) => c.fn.sum<string | null>('c.seats').as('n'))
            .as('seats'),
          eb
            .selectFrom('frozen_voter_places as v')
            .whereRef('v.election_id', '=', 'e.id')
            .select((c) => c.fn.countAll<string>().as('n'))
            .as('voters'),
        ])
        .orderBy('d.voting_date', 'desc')
        .orderBy('e.id')
        .execute();
      return rows.map((row) => ({
        id: row.id,
        electionDayId: row.election_day_id,
        votingDate: row.voting_date,
        kind: row.kind,
        label: row.label,
        constituencies: Number(row.constituencies ?? 0),
        seats: Number(row.seats ?? 0),
        voters: Number(row.voters ?? 0),
      }));
    },
  );

  app.get(
    '/api/elections/:electionId',
    {
      schema: {
        tags: ['elections'],
        summary: 'One election with its constituencies',
        params: z.object({ electionId: z.string().regex(/^[a-z0-9-]{1,64}$/) }),
        response: { 200: electionDetailSchema, 404: errorSchema },
      },
      config: { access: 'public' },
    },
    async (request) => {
      const { db } = app.context.store;
      const election = await db
        .selectFrom('elections as e')
        .innerJoin('election_days as d', 'd.id', 'e.election_day_id')
        .select(['e.id', 'e.election_day_id', 'e.kind', 'e.label', 'd.voting_date'])
        .where('e.id', '=', request.params.electionId)
        .executeTakeFirst();
      if (election === undefined) throw new AppError('election.not-found', 'params.electionId');
      const constituencies = await db
        .selectFrom('constituencies as c')
        .select((eb) => [
          'c.code',
          'c.label',
          'c.seats',
          'c.languages',
          eb
            .selectFrom('party_lists as l')
            .whereRef('l.election_id', '=', 'c.election_id')
            .whereRef('l.constituency_code', '=', 'c.code')
            .select((l) => l.fn.countAll<string>().as('n'))
            .as('lists'),
          eb
            .selectFrom('candidates as k')
            .whereRef('k.election_id', '=', 'c.election_id')
            .whereRef('k.constituency_code', '=', 'c.code')
            .select((k) => k.fn.countAll<string>().as('n'))
            .as('candidates'),
        ])
        .where('c.election_id', '=', election.id)
        .orderBy('c.code')
        .execute();
      const voters = await db
        .selectFrom('frozen_voter_places')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .where('election_id', '=', election.id)
        .executeTakeFirstOrThrow();
      return {
        id: election.id,
        electionDayId: election.election_day_id,
        votingDate: election.voting_date,
        kind: election.kind,
        label: election.label,
        seats: constituencies.reduce((sum, c) => sum + c.seats, 0),
        voters: Number(voters.n),
        constituencies: constituencies.map((c) => ({
          code: c.code,
          label: c.label,
          seats: c.seats,
          languages: c.languages,
          lists: Number(c.lists ?? 0),
          candidates: Number(c.candidates ?? 0),
        })),
      };
    },
  );
}
