// The public bulletin board: tracking codes of the ballots received, per constituency; and the
// lookup of one tracking code. Tracking codes only: no status (see ../voting/bulletin-board.ts).
import { z } from 'zod';
import type { AppInstance } from '../app-instance.ts';
import { AppError } from '../errors.ts';
import { boardPage, findTrackingCode } from '../voting/bulletin-board.ts';
import { errorSchema } from './schemas.ts';
import { boardSchema } from './voting-schemas.ts';

const slug = z.string().regex(/^[a-z0-9-]{1,64}$/);
const code = z.string().regex(/^[0-9a-f]{64}$/);

export function votingBoardRoutes(app: AppInstance): void {
  app.get(
    '/api/voting/board/:electionId',
    {
      schema: {
        tags: ['voting'],
        summary: 'Bulletin board: tracking codes of the ballots received in a constituency, by pages',
        params: z.strictObject({ electionId: slug }),
        querystring: z.strictObject({
          constituency: slug.optional(),
          after: code.optional(),
          limit: z.coerce.number().int().min(1).max(1000).default(200),
        }),
        response: { 200: boardSchema, 404: errorSchema },
      },
      config: { access: 'public' },
    },
    async (request) => {
      const page = await boardPage(
        app.context.store.db,
        request.params.electionId,
        request.query.constituency,
        request.query.after,
        request.query.limit,
      );
      if (page === undefined) throw new AppError('election.not-found');
      return page;
    },
  );

  app.get(
    '/api/voting/tracking/:trackingCode',
    {
      schema: {
        tags: ['voting'],
        summary: 'Find a tracking code on the bulletin board',
        params: z.strictObject({ trackingCode: code }),
        response: { 200: z.strictObject({ electionId: z.string(), constituency: z.string() }), 404: errorSchema },
      },
      config: { access: 'public' },
    },
    async (request) => {
      const found = await findTrackingCode(app.context.store.db, request.params.trackingCode);
      if (found === undefined) throw new AppError('ballot.not-found');
      return found;
    },
  );
}
