// The anchored bulletin board (apps/server/src/voting/board-heads.ts): the election key with its
// fingerprint as published before voting opened, and the signed chain of board heads with their
// batches of tracking codes, so that any device can check a receipt against the board.
import { z } from 'zod';
import type { AppInstance } from '../app-instance.ts';
import { AppError } from '../errors.ts';
import { electionKeyFingerprint, headWithBatch, listHeads } from '../voting/board-heads.ts';
import { errorSchema } from './schemas.ts';

const slug = z.string().regex(/^[a-z0-9-]{1,64}$/);

const headSchema = z.object({
  electionId: z.string(),
  seq: z.number().int(),
  kind: z.enum(['opening', 'periodic', 'closing']),
  previous: z.string(),
  publishedAt: z.string(),
  keyFingerprint: z.string(),
  total: z.number().int(),
  batch: z.number().int(),
  hash: z.string(),
  keyId: z.string(),
  signature: z.string(),
});

export const publishedKeySchema = z.object({
  electionId: z.string(),
  group: z.string(),
  publicKey: z.string(),
  fingerprint: z.string(),
  /** The signed opening head that published the fingerprint (null: not published yet). */
  opening: headSchema.nullable(),
});

export function votingBoardHeadRoutes(app: AppInstance): void {
  app.get(
    '/api/voting/board/:electionId/key',
    {
      schema: {
        tags: ['voting'],
        summary:
          'The election key and its fingerprint as published on the board (the opening head) before voting opened',
        params: z.strictObject({ electionId: slug }),
        response: { 200: publishedKeySchema, 404: errorSchema },
      },
      config: { access: 'public' },
    },
    async (request) => {
      const { electionId } = request.params;
      const key = await electionKeyFingerprint(app.context.store.db, electionId);
      if (key === undefined) throw new AppError('election.not-found');
      const [opening] = await listHeads(app.context.store.db, electionId, 0, 1);
      return { electionId, ...key, opening: opening ?? null };
    },
  );

  app.get(
    '/api/voting/board/:electionId/heads',
    {
      schema: {
        tags: ['voting'],
        summary: 'The board heads (hash chain, each signed with the receipt key), from a sequence number on',
        params: z.strictObject({ electionId: slug }),
        querystring: z.strictObject({
          from: z.coerce.number().int().min(0).default(0),
          limit: z.coerce.number().int().min(1).max(1000).default(1000),
        }),
        response: { 200: z.object({ electionId: z.string(), heads: z.array(headSchema) }), 404: errorSchema },
      },
      config: { access: 'public' },
    },
    async (request) => {
      const { electionId } = request.params;
      const election = await app.context.store.db
        .selectFrom('elections')
        .select('id')
        .where('id', '=', electionId)
        .executeTakeFirst();
      if (election === undefined) throw new AppError('election.not-found');
      return {
        electionId,
        heads: await listHeads(app.context.store.db, electionId, request.query.from, request.query.limit),
      };
    },
  );

  app.get(
    '/api/voting/board/:electionId/heads/:seq',
    {
      schema: {
        tags: ['voting'],
        summary: 'One board head with its batch: the tracking codes it first covers (sorted), to recompute its hash',
        params: z.strictObject({ electionId: slug, seq: z.coerce.number().int().min(0) }),
        response: { 200: headSchema.extend({ trackingCodes: z.array(z.string()) }), 404: errorSchema },
      },
      config: { access: 'public' },
    },
    async (request) => {
      const head = await headWithBatch(app.context.store.db, request.params.electionId, request.params.seq);
      if (head === undefined) throw new AppError('election.not-found');
      return head;
    },
  );
}
