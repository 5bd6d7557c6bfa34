// Public counting routes: the complete election record for `isoloir verify` (voter pseudonyms,
// never an identity; available once every group is counted) and the PVs once final (two approvals).
import { PassThrough } from 'node:stream';
import { RECORD_FORMAT } from '@isoloir/crypto';
import { z } from 'zod';
import type { AppInstance } from '../app-instance.ts';
import { latestAuditHeads } from '../audit/audit-heads.ts';
import { exportBundle, exportEml } from '../counting/export-bundle.ts';
import { groupsToCount } from '../counting/mixing.ts';
import { pvCsv } from '../counting/pv-csv.ts';
import { pvPdf } from '../counting/pv-pdf.ts';
import type { PvContent } from '../counting/pv.ts';
import { emitRecord } from '../counting/record.ts';
import { electionCounted } from '../counting/results.ts';
import { AppError } from '../errors.ts';
import { errorSchema } from './schemas.ts';
import { categorySchema, countingErrorHandler, electionParams, pvModeSchema, slug } from './counting-common.ts';

const access = 'public' as const;
const tags = ['counting: public'];

export function countingPublicRoutes(app: AppInstance): void {
  const { store } = app.context;

  async function finalPvs(electionId: string, constituency?: string): Promise<PvContent[]> {
    let q = store.db
      .selectFrom('counting_pvs')
      .select('content')
      .where('election_id', '=', electionId)
      .where('final_at', 'is not', null);
    if (constituency !== undefined) q = q.where('constituency_code', '=', constituency);
    const rows = await q.orderBy('constituency_code').orderBy('mode').orderBy('category').execute();
    return rows.map((r) => r.content as PvContent);
  }

  app.get(
    '/api/counting/public/:electionId/record',
    {
      schema: {
        tags,
        summary:
          'The complete election record (format isoloir-record/1) for `isoloir verify`, once every group is counted',
        params: electionParams,
        response: { 200: z.unknown(), 404: errorSchema, 409: errorSchema },
      },
      config: { access },
      errorHandler: countingErrorHandler,
    },
    async (request, reply) => {
      const { electionId } = request.params;
      const key = await store.db
        .selectFrom('election_keys')
        .select('election_id')
        .where('election_id', '=', electionId)
        .executeTakeFirst();
      if (key === undefined) throw new AppError('counting.not-found', 'params.electionId');
      const groups = await groupsToCount(store, electionId);
      if (groups.length === 0 || !(await electionCounted(store, electionId)))
        throw new AppError('counting.state', 'params.electionId');
      const out = new PassThrough();
      out.write(`{"format":${JSON.stringify(RECORD_FORMAT)},"entries":[\n`);
      let first = true;
      emitRecord(store, electionId, async (e) => {
        const ok = out.write(`${first ? '' : ',\n'}${JSON.stringify(e)}`);
        first = false;
        if (!ok) await new Promise((resolve) => out.once('drain', resolve));
      }).then(
        () => out.end('\n]}\n'),
        (error: unknown) => {
          request.log.error({ err: error }, 'record stream failed');
          out.destroy(error instanceof Error ? error : new Error('record stream failed'));
        },
      );
      return reply
        .header('content-type', 'application/json; charset=utf-8')
        .header('content-disposition', `attachment; filename="${electionId}-record.json"`)
        .send(out);
    },
  );

  app.get(
    '/api/counting/public/:electionId/pvs',
    {
      schema: {
        tags,
        summary: 'The final PVs of the election (JSON, format isoloir-pv/1)',
        params: electionParams,
        querystring: z.strictObject({ constituency: slug.optional() }),
        response: { 200: z.object({ pvs: z.array(z.record(z.string(), z.unknown())) }) },
      },
      config: { access },
      errorHandler: countingErrorHandler,
    },
    async (request) => ({
      pvs: (await finalPvs(request.params.electionId, request.query.constituency)) as unknown as Record<
        string,
        unknown
      >[],
    }),
  );

  app.get(
    '/api/counting/public/:electionId/pvs/:constituency/:mode/:category/:format',
    {
      schema: {
        tags,
        summary: 'One final PV as PDF, JSON or CSV',
        params: z.strictObject({
          electionId: slug,
          constituency: slug,
          mode: pvModeSchema,
          category: categorySchema,
          format: z.enum(['pdf', 'json', 'csv']),
        }),
        response: { 200: z.unknown(), 404: errorSchema },
      },
      config: { access },
      errorHandler: countingErrorHandler,
    },
    async (request, reply) => {
      const { electionId, constituency, mode, category, format } = request.params;
      const pv = (await finalPvs(electionId, constituency)).find((p) => p.mode === mode && p.category === category);
      if (pv === undefined) throw new AppError('counting.not-found', 'params');
      const name = `${electionId}-${constituency}-${mode}-${category}.${format}`;
      reply.header('content-disposition', `attachment; filename="${name}"`);
      if (format === 'pdf') {
        const row = await store.db
          .selectFrom('counting_pvs')
          .select('approvals')
          .where('election_id', '=', electionId)
          .where('constituency_code', '=', constituency)
          .where('mode', '=', mode)
          .where('category', '=', category)
          .executeTakeFirst();
        return reply.header('content-type', 'application/pdf').send(Buffer.from(await pvPdf(pv, row?.approvals ?? [])));
      }
      if (format === 'csv') return reply.header('content-type', 'text/csv; charset=utf-8').send(pvCsv(pv));
      return reply.header('content-type', 'application/json; charset=utf-8').send(JSON.stringify(pv, null, 2));
    },
  );

  app.get(
    '/api/counting/public/:electionId/export/:constituency/:format',
    {
      schema: {
        tags,
        summary:
          'The export bundle of a constituency for the election management modules (JSON per export.schema.json, or EML 510-style XML), once its PVs are final',
        params: z.strictObject({ electionId: slug, constituency: slug, format: z.enum(['json', 'eml']) }),
        response: { 200: z.unknown(), 404: errorSchema },
      },
      config: { access },
      errorHandler: countingErrorHandler,
    },
    async (request, reply) => {
      const { electionId, constituency, format } = request.params;
      const pvs = await finalPvs(electionId, constituency);
      const all = await store.db
        .selectFrom('counting_pvs')
        .select('final_at')
        .where('election_id', '=', electionId)
        .where('constituency_code', '=', constituency)
        .execute();
      if (pvs.length === 0 || all.some((p) => p.final_at === null)) throw new AppError('counting.not-found', 'params');
      const bundle = exportBundle(pvs, await latestAuditHeads(store));
      if (format === 'eml')
        return reply.header('content-type', 'application/xml; charset=utf-8').send(exportEml(bundle));
      return reply.header('content-type', 'application/json; charset=utf-8').send(JSON.stringify(bundle, null, 2));
    },
  );
}
