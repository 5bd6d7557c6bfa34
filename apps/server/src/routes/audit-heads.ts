// The audit log's heads as published (apps/server/src/audit): the signed checkpoints, for anybody to
// download and later check the database against (`isoloir audit verify --heads FILE`).
import { z } from 'zod';
import type { AppInstance } from '../app-instance.ts';
import { auditHeadsDocument } from '../audit/audit-heads.ts';
import { auditHeadsSchema } from '../audit/schema.ts';

export function auditHeadRoutes(app: AppInstance): void {
  app.get(
    '/api/audit/heads',
    {
      schema: {
        tags: ['audit'],
        summary:
          'The audit log’s heads as published: signed checkpoints of every chain (at start, at each phase change, at a fixed interval), from a number on',
        querystring: z.strictObject({
          from: z.coerce.number().int().min(0).default(0),
          limit: z.coerce.number().int().min(1).max(1000).default(1000),
        }),
        response: { 200: auditHeadsSchema },
      },
      config: { access: 'public' },
    },
    async (request) => auditHeadsDocument(app.context.store, request.query.from, request.query.limit),
  );
}
