// The voter's own view: the portal (elections, constituency, mode, period, votes used of X, status
// of each ballot) and the booth's data for one election (lists, candidates, election key, pseudonym).
import { z } from 'zod';
import type { AppInstance } from '../app-instance.ts';
import { voterOf } from '../auth/caller.ts';
import { AppError } from '../errors.ts';
import { boothLists, portalOf } from '../voting/portal.ts';
import { votingService } from '../voting/service.ts';
import { errorSchema } from './schemas.ts';
import { boothSchema, portalElectionSchema } from './voting-schemas.ts';

const paramsSchema = z.strictObject({ electionId: z.string().regex(/^[a-z0-9-]{1,64}$/) });

export function votingPortalRoutes(app: AppInstance): void {
  const service = votingService(app.context.store);

  app.get(
    '/api/voting/portal',
    {
      schema: {
        tags: ['voting'],
        summary: 'My elections: constituency, mode, period, votes used of X, status of my ballots',
        response: { 200: z.object({ now: z.string(), elections: z.array(portalElectionSchema) }) },
      },
      config: { access: 'voter' },
    },
    async (request) => {
      const voter = voterOf(request);
      const now = app.auth.now();
      return { now: now.toISOString(), elections: await portalOf(service, voter.electionDayId, voter.nrn, now) };
    },
  );

  app.get(
    '/api/voting/elections/:electionId/booth',
    {
      schema: {
        tags: ['voting'],
        summary: 'What my device needs to fill in and encrypt my ballot',
        params: paramsSchema,
        querystring: z.strictObject({
          constituency: z
            .string()
            .regex(/^[a-z0-9-]{1,64}$/)
            .optional(),
        }),
        response: { 200: boothSchema, 403: errorSchema, 409: errorSchema },
      },
      config: { access: 'voter' },
    },
    async (request) => {
      const voter = voterOf(request);
      const elections = await portalOf(service, voter.electionDayId, voter.nrn, app.auth.now());
      const election = elections.find((e) => e.electionId === request.params.electionId);
      // Online voters, and kiosk voters on the kiosk (their ballots go through /api/kiosk/ballots, signed).
      if (election === undefined || (!election.online && election.mode !== 8))
        throw new AppError('voting.not-eligible');
      // Where the law offers a choice (EP college, Brussels language group) the booth names it.
      const chosen = election.constituency ?? election.choices.find((c) => c.code === request.query.constituency);
      if (chosen === undefined) throw new AppError('ballot.wrong-constituency');
      const key = await service.keys.get(election.electionId);
      if (key === undefined) throw new AppError('voting.no-key');
      const keys = await service.serverKeys();
      return {
        election: { ...election, constituency: chosen },
        voterId: keys.pseudonym(election.electionId, voter.nrn),
        key: { group: key.groupName, publicKey: key.publicKey, width: key.width, layout: key.layout },
        lists: await boothLists(app.context.store.db, election.electionId, chosen.code),
      };
    },
  );
}
