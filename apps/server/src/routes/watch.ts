// The operations dashboard's figures (apps/server/src/watch): read-only, counts only. The organising
// authority sees the whole election (`po-admin`); a main office's president sees its constituency.
import { z } from 'zod';
import type { AppInstance } from '../app-instance.ts';
import { requireScope } from '../auth/caller.ts';
import { AppError } from '../errors.ts';
import { watchFigures } from '../watch/figures.ts';
import { errorSchema } from './schemas.ts';
import { countingErrorHandler, electionParams, slug } from './counting-common.ts';

export function watchRoutes(app: AppInstance): void {
  const { store } = app.context;
  app.get(
    '/api/watch/:electionId',
    {
      schema: {
        tags: ['watch'],
        summary:
          'Operations dashboard figures (counts only; a count below the minimum anonymity set is null): the whole election for the PO, one constituency for its main office',
        params: electionParams,
        querystring: z.strictObject({ constituency: slug.optional() }),
        response: { 200: z.unknown(), 401: errorSchema, 403: errorSchema, 404: errorSchema },
      },
      config: { access: { roles: ['po-admin', 'president'] } },
      errorHandler: countingErrorHandler,
    },
    async (request) => {
      const { electionId } = request.params;
      const { constituency } = request.query;
      if (constituency === undefined) requireScope(request, 'po-admin', '*');
      else requireScope(request, ['po-admin', 'president'], constituency);
      const election = await store.db
        .selectFrom('elections')
        .select('id')
        .where('id', '=', electionId)
        .executeTakeFirst();
      if (election === undefined) throw new AppError('election.not-found', 'params.electionId');
      return watchFigures(store, electionId, constituency ?? null);
    },
  );
}
