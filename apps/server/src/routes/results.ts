// Public results (apps/server/src/results): per election, which constituencies are final; per final
// constituency, the figures of its PVs summed, the seats and the elected; the open-data file (JSON in
// the official result structure that `isoloir allocate` reads, and the same as CSV).
import { z } from 'zod';
import type { AppInstance } from '../app-instance.ts';
import { AppError } from '../errors.ts';
import { constituencyResults, constituencyStates } from '../results/constituency-results.ts';
import { allocateCommand } from '../results/open-data.ts';
import { openDataCsv } from '../results/open-data-csv.ts';
import { errorSchema } from './schemas.ts';
import { constituencyParams, countingErrorHandler, electionParams, slug } from './counting-common.ts';

const access = 'public' as const;
const tags = ['results: public'];

export function resultsRoutes(app: AppInstance): void {
  const { store } = app.context;

  app.get(
    '/api/results/:electionId',
    {
      schema: {
        tags,
        summary: 'The constituencies of an election and whether their results are published (all PVs final)',
        params: electionParams,
        response: { 200: z.unknown(), 404: errorSchema },
      },
      config: { access },
      errorHandler: countingErrorHandler,
    },
    async (request) => {
      const { electionId } = request.params;
      const election = await store.db
        .selectFrom('elections')
        .select('label')
        .where('id', '=', electionId)
        .executeTakeFirst();
      if (election === undefined) throw new AppError('election.not-found', 'params.electionId');
      return { electionId, label: election.label, constituencies: await constituencyStates(store, electionId) };
    },
  );

  app.get(
    '/api/results/:electionId/:constituency',
    {
      schema: {
        tags,
        summary: 'The results of a constituency once its PVs are final: votes, threshold, seats, elected',
        params: constituencyParams,
        response: { 200: z.unknown(), 404: errorSchema, 409: errorSchema },
      },
      config: { access },
      errorHandler: countingErrorHandler,
    },
    async (request) => {
      const { electionId, constituency } = request.params;
      const r = await constituencyResults(store, electionId, constituency);
      const sum = (f: (pv: (typeof r.pvs)[number]) => number): number => r.pvs.reduce((a, pv) => a + f(pv), 0);
      const allocation = 'none' in r.allocation ? r.allocation : { ...r.allocation, computed: undefined };
      return {
        electionId,
        election: { label: r.meta.electionLabel, date: r.meta.electionDate },
        constituency: { code: constituency, label: r.meta.constituencyLabel },
        rules: r.meta.rules,
        counted: sum((pv) => pv.counted),
        valid: sum((pv) => pv.valid),
        blank: sum((pv) => pv.blank),
        invalid: sum((pv) => pv.invalid),
        pvs: r.pvs.map((pv) => ({
          mode: pv.mode,
          category: pv.category,
          counted: pv.counted,
          valid: pv.valid,
          blank: pv.blank,
          invalid: pv.invalid,
        })),
        allocation,
        recordAvailable: r.recordAvailable,
        command: allocateCommand(r.meta.rules, `${electionId}-${constituency}.json`),
      };
    },
  );

  app.get(
    '/api/results/:electionId/:constituency/open-data/:format',
    {
      schema: {
        tags,
        summary:
          'The open-data file of a final constituency: JSON in the official result structure (for `isoloir allocate`) or CSV',
        params: z.strictObject({ electionId: slug, constituency: slug, format: z.enum(['json', 'csv']) }),
        response: { 200: z.unknown(), 404: errorSchema, 409: errorSchema },
      },
      config: { access },
      errorHandler: countingErrorHandler,
    },
    async (request, reply) => {
      const { electionId, constituency, format } = request.params;
      const r = await constituencyResults(store, electionId, constituency);
      // With seats and elected when they could be computed; else the inputs only (anyone can still recompute).
      const file = 'none' in r.allocation ? r.file : r.allocation.computed;
      reply.header('content-disposition', `attachment; filename="${electionId}-${constituency}.${format}"`);
      if (format === 'csv') return reply.header('content-type', 'text/csv; charset=utf-8').send(openDataCsv(file));
      return reply.header('content-type', 'application/json; charset=utf-8').send(JSON.stringify(file, null, 2));
    },
  );
}
