// Team A's routes (identities only, never a ciphertext or a content): polling-station lists, the
// double votes to confirm, who voted remotely. Team A members act only in their constituency.
import { z } from 'zod';
import type { AppInstance } from '../app-instance.ts';
import { requireScope, scopesOf } from '../auth/caller.ts';
import {
  confirmDoubleVote,
  confirmDoubleVotes,
  identifyDoubleVotes,
  listDoubleVotesForTeamA,
} from '../counting/double-votes.ts';
import { importPollingStationList } from '../counting/polling-stations.ts';
import { remoteVoters } from '../counting/attendance.ts';
import { AppError } from '../errors.ts';
import { errorSchema } from './schemas.ts';
import {
  actorOf,
  constituencyParams,
  countingErrorHandler,
  electionParams,
  slug,
  teamActor,
} from './counting-common.ts';

const access = { roles: ['team-a'] } as const;
const tags = ['counting: Team A (identities)'];
const statusSchema = z.enum(['identified', 'confirmed', 'cancelled']);

export function countingIdentityRoutes(app: AppInstance): void {
  const { store } = app.context;

  app.post(
    '/api/counting/identities/:electionDayId/polling-stations',
    {
      schema: {
        tags,
        summary:
          'Import the list of voters who voted at a polling station (CSV with header `nrn`); a file with a bad row is refused whole',
        params: z.strictObject({ electionDayId: slug }),
        body: z.strictObject({ station: z.string().trim().min(1).max(200), csv: z.string().max(32 * 1024 * 1024) }),
        response: {
          200: z.object({
            importId: z.string(),
            station: z.string(),
            accepted: z.number(),
            duplicates: z.number(),
            unknownVoters: z.array(z.string()),
            hybridEnvelopesToRemove: z.array(
              z.object({ office: z.string(), box: z.enum(['belgium', 'abroad']), boxOrder: z.number() }),
            ),
          }),
          400: errorSchema,
          404: errorSchema,
        },
      },
      config: { access },
      bodyLimit: 40 * 1024 * 1024,
      errorHandler: countingErrorHandler,
    },
    async (request) => {
      const day = await store.db
        .selectFrom('election_days')
        .select('id')
        .where('id', '=', request.params.electionDayId)
        .executeTakeFirst();
      if (day === undefined) throw new AppError('counting.not-found', 'params.electionDayId');
      // A polling station's list covers the whole day (any constituency): any Team A member may import it; the audit names them.
      const report = await importPollingStationList(
        store,
        day.id,
        request.body.station,
        request.body.csv,
        actorOf(request),
      );
      return {
        ...report,
        unknownVoters: [...report.unknownVoters],
        hybridEnvelopesToRemove: [...report.hybridEnvelopesToRemove],
      };
    },
  );

  app.post(
    '/api/counting/identities/:electionId/double-votes/identify',
    {
      schema: {
        tags,
        summary: 'List (and record) the remote ballots whose voter is on a polling-station list',
        params: electionParams,
        response: { 200: z.object({ cases: z.number() }), 404: errorSchema },
      },
      config: { access },
      errorHandler: countingErrorHandler,
    },
    async (request) => {
      if (scopesOf(request, 'team-a').length === 0) throw new AppError('auth.forbidden');
      const election = await store.db
        .selectFrom('elections')
        .select('id')
        .where('id', '=', request.params.electionId)
        .executeTakeFirst();
      if (election === undefined) throw new AppError('election.not-found');
      return { cases: await identifyDoubleVotes(store, election.id, actorOf(request)) };
    },
  );

  app.get(
    '/api/counting/identities/:electionId/constituencies/:constituency/double-votes',
    {
      schema: {
        tags,
        summary: 'Double votes of my constituency: identities only (NRN, name, polling station, time received)',
        params: constituencyParams,
        response: {
          200: z.object({
            cases: z.array(
              z.object({
                ballotId: z.string(),
                nrn: z.string(),
                name: z.string(),
                station: z.string(),
                receivedAt: z.string(),
                status: statusSchema,
              }),
            ),
          }),
          403: errorSchema,
        },
      },
      config: { access },
      errorHandler: countingErrorHandler,
    },
    async (request) => {
      requireScope(request, 'team-a', request.params.constituency);
      const cases = await listDoubleVotesForTeamA(store, request.params.electionId, request.params.constituency);
      return {
        cases: cases.map((c) => ({
          ballotId: c.ballotId,
          nrn: c.nrn,
          name: c.name,
          station: c.station,
          receivedAt: c.receivedAt.toISOString(),
          status: c.status,
        })),
      };
    },
  );

  app.post(
    '/api/counting/identities/:electionId/constituencies/:constituency/double-votes/:ballotId/confirm',
    {
      schema: {
        tags,
        summary: 'Confirm a double vote (identity checked); a Team B member then cancels the remote ballot',
        params: z.strictObject({ electionId: slug, constituency: slug, ballotId: z.uuid() }),
        response: { 200: z.object({ status: statusSchema }), 403: errorSchema, 404: errorSchema, 409: errorSchema },
      },
      config: { access },
      errorHandler: countingErrorHandler,
    },
    async (request) => {
      const actor = teamActor(request, 'team-a', request.params.constituency);
      await confirmDoubleVote(store, request.params.ballotId, request.params.constituency, actor);
      return { status: 'confirmed' as const };
    },
  );

  app.post(
    '/api/counting/identities/:electionId/constituencies/:constituency/double-votes/confirm',
    {
      schema: {
        tags,
        summary: 'Confirm several double votes at once: all of them or none (one transaction, one audit entry)',
        params: constituencyParams,
        body: z.strictObject({ ballotIds: z.array(z.uuid()).min(1).max(100_000) }),
        response: { 200: z.object({ confirmed: z.number() }), 403: errorSchema, 404: errorSchema, 409: errorSchema },
      },
      config: { access },
      bodyLimit: 8 * 1024 * 1024,
      errorHandler: countingErrorHandler,
    },
    async (request) => {
      const actor = teamActor(request, 'team-a', request.params.constituency);
      return { confirmed: await confirmDoubleVotes(store, request.body.ballotIds, request.params.constituency, actor) };
    },
  );

  app.get(
    '/api/counting/identities/:electionId/constituencies/:constituency/remote-voters',
    {
      schema: {
        tags,
        summary:
          'Who voted remotely in my constituency (attendance): identities and the status of the ballot that counts, never a content',
        params: constituencyParams,
        querystring: z.strictObject({
          limit: z.coerce.number().int().min(1).max(5000).default(500),
          offset: z.coerce.number().int().min(0).default(0),
        }),
        response: {
          409: errorSchema,
          200: z.object({
            total: z.number(),
            voters: z.array(
              z.object({
                nrn: z.string(),
                name: z.string(),
                mode: z.string().nullable(),
                category: z.string().nullable(),
                ballots: z.number(),
                lastReceivedAt: z.string(),
                status: z.string(),
              }),
            ),
          }),
          403: errorSchema,
        },
      },
      config: { access },
      errorHandler: countingErrorHandler,
    },
    async (request) => {
      requireScope(request, 'team-a', request.params.constituency);
      const page = await remoteVoters(
        store,
        request.params.electionId,
        request.params.constituency,
        request.query.limit,
        request.query.offset,
      );
      return {
        total: page.total,
        voters: page.voters.map((v) => ({ ...v, lastReceivedAt: v.lastReceivedAt.toISOString() })),
      };
    },
  );
}
