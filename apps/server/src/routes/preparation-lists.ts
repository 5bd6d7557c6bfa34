// Candidates and party lists (organising authority): import per election and constituency, JSON
// (isoloir-lists/1) or CSV, refused with every legal reason when the lists break the law.
import { z } from 'zod';
import type { AppInstance } from '../app-instance.ts';
import { AppError, ERROR_CODES } from '../errors.ts';
import { importLists, ListsRejected, parseListsCsv, parseListsJson } from '../preparation/lists.ts';
import { csvBody, poActor, run } from './preparation-common.ts';
import { errorSchema } from './schemas.ts';

const violationsSchema = errorSchema.extend({
  violations: z.array(
    z.object({ rule: z.string(), constituency: z.string(), list: z.number().int(), field: z.string() }),
  ),
});

export function preparationListRoutes(app: AppInstance): void {
  app.post(
    '/api/preparation/elections/:electionId/lists',
    {
      schema: {
        tags: ['preparation'],
        summary:
          'Import candidate lists (JSON isoloir-lists/1, or CSV with content-type text/csv); replaces the lists of the constituencies in the file',
        params: z.object({ electionId: z.string().regex(/^[a-z0-9-]{1,64}$/) }),
        response: {
          200: z.object({ lists: z.number().int(), candidates: z.number().int(), sha256: z.string() }),
          400: errorSchema,
          404: errorSchema,
          409: errorSchema,
          422: violationsSchema,
        },
      },
      config: { access: { roles: ['po-admin'] } },
      bodyLimit: 16 * 1024 * 1024,
    },
    async (request, reply) => {
      const actor = poActor(request);
      const isCsv = (request.headers['content-type'] ?? '').startsWith('text/csv');
      const { electionId } = request.params;
      const file = await run(async () =>
        isCsv ? parseListsCsv(electionId, csvBody(request)) : parseListsJson(JSON.stringify(request.body)),
      );
      if (file.election !== electionId) throw new AppError('file.invalid', 'election');
      try {
        return await importLists(app.context.store, actor, file);
      } catch (e) {
        if (e instanceof ListsRejected)
          return reply.status(422).send({
            code: 'lists.invalid' as const,
            message: ERROR_CODES['lists.invalid'].message,
            violations: [...e.violations],
          });
        return run(() => Promise.reject(e instanceof Error ? e : new Error(String(e))));
      }
    },
  );
}
