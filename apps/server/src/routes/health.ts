// Liveness (/health: the process answers) and readiness (/ready: the database answers too).
import { sql } from 'kysely';
import { z } from 'zod';
import type { AppInstance } from '../app-instance.ts';

const healthSchema = z.object({ status: z.literal('ok') });
const readySchema = z.object({ status: z.enum(['ready', 'unavailable']), database: z.enum(['postgresql', 'pglite']) });

export function healthRoutes(app: AppInstance): void {
  app.get(
    '/health',
    {
      schema: { tags: ['operations'], summary: 'Liveness', response: { 200: healthSchema } },
      config: { access: 'public' },
    },
    () => ({
      status: 'ok' as const,
    }),
  );

  app.get(
    '/ready',
    {
      schema: {
        tags: ['operations'],
        summary: 'Readiness: the database answers',
        response: { 200: readySchema, 503: readySchema },
      },
      config: { access: 'public' },
    },
    async (_request, reply) => {
      const { store } = app.context;
      try {
        await sql`select 1`.execute(store.db);
        return { status: 'ready' as const, database: store.kind };
      } catch {
        return reply.status(503).send({ status: 'unavailable' as const, database: store.kind });
      }
    },
  );
}
