// Consolidation (organising authority): build the consolidated voter file, list and resolve its
// conflicts, freeze everything when voting opens; the per-mode voter files and their published
// hashes; letters and convocations per commune or consular post as PDF.
import { Readable } from 'node:stream';
import { z } from 'zod';
import type { AppInstance } from '../app-instance.ts';
import { AppError } from '../errors.ts';
import { consolidate, latestConsolidation, listConflicts, resolveConflict } from '../preparation/consolidate.ts';
import { freezeDay } from '../preparation/freeze.ts';
import { letterContext, renderLetters, unitVoters } from '../preparation/letters.ts';
import { publicBaseUrl } from './public-url.ts';
import { modeCounts, modeFileChunks, MODE_NAMES, type RemoteMode } from '../preparation/mode-files.ts';
import { communeActor, dayParams, poActor, postActor, run } from './preparation-common.ts';
import { errorSchema } from './schemas.ts';

const PO = { roles: ['po-admin'] } as const;
const conflictSchema = z.object({
  nrn: z.string(),
  kind: z.enum(['two-communes', 'commune-and-abroad', 'twice-abroad', 'deceased', 'deprived']),
  sources: z.array(
    z.object({ source: z.string(), surname: z.string(), givenNames: z.string(), mode: z.number().int().nullable() }),
  ),
  resolution: z.string().nullable(),
  resolvedBy: z.string().nullable(),
});
const countSchema = z.object({
  electionId: z.string(),
  constituency: z.string(),
  category: z.enum(['belgium', 'abroad']),
  voters: z.number().int(),
});

export function preparationConsolidationRoutes(app: AppInstance): void {
  app.post(
    '/api/preparation/days/:dayId/consolidations',
    {
      schema: {
        tags: ['preparation'],
        summary: 'Build a new consolidated voter file',
        params: dayParams,
        response: {
          200: z.object({
            consolidationId: z.string(),
            voters: z.number().int(),
            conflicts: z.record(z.string(), z.number().int()),
          }),
          409: errorSchema,
        },
      },
      config: { access: PO },
    },
    async (request) => run(() => consolidate(app.context.store, poActor(request), request.params.dayId)),
  );

  app.get(
    '/api/preparation/days/:dayId/conflicts',
    {
      schema: {
        tags: ['preparation'],
        summary: 'Conflicts of the latest consolidated file, open ones first',
        params: dayParams,
        response: { 200: z.object({ consolidationId: z.string().nullable(), conflicts: z.array(conflictSchema) }) },
      },
      config: { access: PO },
    },
    async (request) => {
      const listed = await listConflicts(app.context.store, request.params.dayId);
      return {
        consolidationId: listed.consolidationId,
        conflicts: listed.conflicts.map((c) => ({ ...c, sources: [...c.sources] })),
      };
    },
  );

  app.post(
    '/api/preparation/days/:dayId/conflicts/:nrn/resolution',
    {
      schema: {
        tags: ['preparation'],
        summary: 'Resolve a conflict: keep one source, exclude the voter, or include despite a flag',
        params: dayParams.extend({ nrn: z.string().regex(/^\d{11}$/) }),
        body: z.object({
          keep: z.string().max(60).optional(),
          exclude: z.literal(true).optional(),
          include: z.literal(true).optional(),
          reason: z.string().min(1).max(500),
        }),
        response: { 200: z.object({ nrn: z.string() }), 400: errorSchema, 404: errorSchema, 409: errorSchema },
      },
      config: { access: PO },
    },
    async (request) => {
      const { keep, exclude, include, reason } = request.body;
      const chosen = [keep !== undefined, exclude === true, include === true].filter(Boolean).length;
      if (chosen !== 1) throw new AppError('request.invalid', 'body');
      const resolution =
        keep !== undefined ? { keep } : exclude === true ? { exclude: true as const } : { include: true as const };
      await run(() =>
        resolveConflict(
          app.context.store,
          poActor(request),
          request.params.dayId,
          request.params.nrn,
          resolution,
          reason,
        ),
      );
      return { nrn: request.params.nrn };
    },
  );

  app.post(
    '/api/preparation/days/:dayId/freeze',
    {
      schema: {
        tags: ['preparation'],
        summary:
          'Open voting: freeze the setup, the consolidated file, the per-mode files and the lists, with their hashes',
        params: dayParams,
        response: {
          200: z.object({
            consolidationId: z.string(),
            listsHash: z.string(),
            modeFiles: z.array(
              z.object({
                mode: z.number().int(),
                sha256: z.string(),
                voters: z.number().int(),
                counts: z.array(countSchema),
              }),
            ),
          }),
          404: errorSchema,
          409: errorSchema,
        },
      },
      config: { access: PO },
    },
    async (request) => {
      const frozen = await run(() => freezeDay(app.context.store, poActor(request), request.params.dayId));
      return { ...frozen, modeFiles: frozen.modeFiles.map((f) => ({ ...f, counts: [...f.counts] })) };
    },
  );

  app.get(
    '/api/preparation/days/:dayId/mode-files',
    {
      schema: {
        tags: ['preparation'],
        summary: 'Published hashes and counts of the frozen per-mode voter files',
        params: dayParams,
        response: {
          200: z.object({
            frozen: z.boolean(),
            listsHash: z.string().nullable(),
            modeFiles: z.array(
              z.object({
                mode: z.number().int(),
                sha256: z.string(),
                voters: z.number().int(),
                counts: z.array(countSchema),
              }),
            ),
          }),
        },
      },
      config: { access: 'public' },
    },
    async (request) => {
      const { db } = app.context.store;
      const latest = await latestConsolidation(db, request.params.dayId);
      const settings = await db
        .selectFrom('election_day_settings')
        .select('lists_hash')
        .where('election_day_id', '=', request.params.dayId)
        .executeTakeFirst();
      if (latest?.frozen !== true) return { frozen: false, listsHash: null, modeFiles: [] };
      const files = await db
        .selectFrom('mode_files')
        .selectAll()
        .where('consolidation_id', '=', latest.id)
        .orderBy('mode')
        .execute();
      return {
        frozen: true,
        listsHash: settings?.lists_hash ?? null,
        modeFiles: files.map((f) => ({
          mode: f.mode,
          sha256: f.sha256,
          voters: f.voters,
          counts: f.counts as z.infer<typeof countSchema>[],
        })),
      };
    },
  );

  app.get(
    '/api/preparation/days/:dayId/mode-files/:mode',
    {
      schema: {
        tags: ['preparation'],
        summary: 'Download the voter file of mode 6, 7 or 8 (CSV) from the latest consolidation',
        params: dayParams.extend({ mode: z.enum(['6', '7', '8']) }),
        response: { 200: z.unknown(), 404: errorSchema },
      },
      config: { access: PO },
    },
    async (request, reply) => {
      poActor(request);
      const latest = await latestConsolidation(app.context.store.db, request.params.dayId);
      if (latest === undefined) throw new AppError('preparation.not-found', 'consolidation');
      const mode = Number(request.params.mode) as RemoteMode;
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header(
          'content-disposition',
          `attachment; filename="voters-mode-${String(mode)}-${MODE_NAMES[mode]}-${latest.id}.csv"`,
        )
        .send(Readable.from(modeFileChunks(app.context.store, request.params.dayId, latest.id, mode)));
    },
  );

  app.get(
    '/api/preparation/days/:dayId/mode-files/:mode/counts',
    {
      schema: {
        tags: ['preparation'],
        summary: 'Voters of a mode per election, constituency and category',
        params: dayParams.extend({ mode: z.enum(['6', '7', '8']) }),
        response: { 200: z.array(countSchema), 404: errorSchema },
      },
      config: { access: PO },
    },
    async (request) => {
      const latest = await latestConsolidation(app.context.store.db, request.params.dayId);
      if (latest === undefined) throw new AppError('preparation.not-found', 'consolidation');
      return modeCounts(app.context.store, request.params.dayId, latest.id, Number(request.params.mode) as RemoteMode);
    },
  );

  app.get(
    '/api/preparation/days/:dayId/letters/commune/:nis',
    {
      schema: {
        tags: ['preparation'],
        summary: 'Convocations of a commune’s residents (PDF, one per page)',
        params: dayParams.extend({ nis: z.string().regex(/^\d{5}$/) }),
        response: { 200: z.unknown(), 403: errorSchema, 404: errorSchema },
      },
      config: { access: { roles: ['po-admin', 'commune-official'] } },
    },
    async (request, reply) => {
      communeActor(request, request.params.nis);
      const { store } = app.context;
      const { pdf } = await run(async () =>
        renderLetters(
          unitVoters(store, request.params.dayId, { kind: 'commune', nis: request.params.nis }),
          await letterContext(store, request.params.dayId, publicBaseUrl(app, request)),
        ),
      );
      return reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', `attachment; filename="convocations-${request.params.nis}.pdf"`)
        .send(Buffer.from(pdf));
    },
  );

  app.get(
    '/api/preparation/days/:dayId/letters/post/:post',
    {
      schema: {
        tags: ['preparation'],
        summary: 'Explanatory letters of a post’s voters (PDF, one per page)',
        params: dayParams.extend({ post: z.string().regex(/^[a-z0-9-]{2,40}$/) }),
        response: { 200: z.unknown(), 403: errorSchema, 404: errorSchema },
      },
      config: { access: { roles: ['po-admin', 'consular-official'] } },
    },
    async (request, reply) => {
      postActor(request, request.params.post);
      const { store } = app.context;
      const { pdf } = await run(async () =>
        renderLetters(
          unitVoters(store, request.params.dayId, { kind: 'post', code: request.params.post }),
          await letterContext(store, request.params.dayId, publicBaseUrl(app, request)),
        ),
      );
      return reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', `attachment; filename="letters-${request.params.post}.pdf"`)
        .send(Buffer.from(pdf));
    },
  );
}
