// Voter files: a commune's default voter file (commune official, or the organising authority for
// any number of communes), the rejection report of an import, consular registrations one by one or
// in bulk (consular official), and a resident's opt-in to mode 6, 7 or 8 (voter).
import { z } from 'zod';
import type { AppInstance } from '../app-instance.ts';
import { hasScope, voterOf } from '../auth/caller.ts';
import { AppError } from '../errors.ts';
import { importCommuneVoters, type ImportReport } from '../preparation/commune-import.ts';
import {
  changeRegistration,
  importConsularRegister,
  optIn,
  registerAbroad,
  withdrawRegistration,
} from '../preparation/consular.ts';
import { csvLine } from '../preparation/csv.ts';
import { daySettings } from '../preparation/setup.ts';
import { communeActor, csvBody, dayParams, importReportSchema, postActor, run } from './preparation-common.ts';
import { errorSchema } from './schemas.ts';

const postParams = dayParams.extend({ post: z.string().regex(/^[a-z0-9-]{2,40}$/) });
const registrationSchema = z.object({
  nrn: z.string().max(20),
  surname: z.string().max(200),
  givenNames: z.string().max(200),
  birthDate: z.string().max(10),
  sex: z.enum(['F', 'M']),
  address: z.string().max(200),
  country: z.string().max(2),
  email: z.string().max(200),
  attachmentNis: z.string().max(5),
  language: z.enum(['fr', 'nl', 'de']),
  mode: z.number().int().min(1).max(8),
  kioskPost: z.string().max(40).optional(),
});
const IMPORT_ERRORS = {
  200: importReportSchema,
  400: errorSchema,
  403: errorSchema,
  404: errorSchema,
  409: errorSchema,
  413: errorSchema,
};

function plain(report: ImportReport): z.infer<typeof importReportSchema> {
  return { ...report, rejections: [...report.rejections], files: [...report.files] };
}

export function preparationVoterRoutes(app: AppInstance): void {
  app.post(
    '/api/preparation/days/:dayId/commune-voters',
    {
      schema: {
        tags: ['preparation'],
        summary: 'Import a commune voter file (CSV); `commune` is required of a commune official',
        params: dayParams,
        querystring: z.object({
          commune: z
            .string()
            .regex(/^\d{5}$/)
            .optional(),
        }),
        response: IMPORT_ERRORS,
      },
      config: { access: { roles: ['po-admin', 'commune-official'] } },
    },
    async (request) => {
      const actor = communeActor(request, request.query.commune);
      return plain(
        await run(() => importCommuneVoters(app.context.store, actor, request.params.dayId, csvBody(request))),
      );
    },
  );

  app.get(
    '/api/preparation/imports/:importId/rejections.csv',
    {
      schema: {
        tags: ['preparation'],
        summary: 'Every rejected row of an import: line, column, reason code, value (formulas neutralised)',
        params: z.object({ importId: z.string().regex(/^\d{1,18}$/) }),
        response: { 200: z.unknown(), 404: errorSchema },
      },
      config: { access: { roles: ['po-admin', 'commune-official', 'consular-official'] } },
    },
    async (request, reply) => {
      const { db } = app.context.store;
      const found = await db
        .selectFrom('preparation_imports')
        .select(['kind', 'scope'])
        .where('id', '=', request.params.importId)
        .executeTakeFirst();
      if (found === undefined) throw new AppError('preparation.not-found', 'params.importId');
      const allowed =
        hasScope(request, 'po-admin', null) ||
        (found.kind === 'commune-voters' && hasScope(request, 'commune-official', found.scope)) ||
        (found.kind === 'consular-register' && hasScope(request, 'consular-official', found.scope));
      if (!allowed) throw new AppError('preparation.scope');
      const rows = await db
        .selectFrom('import_rejections')
        .select(['line', 'col', 'code', 'value'])
        .where('import_id', '=', request.params.importId)
        .orderBy('line')
        .orderBy('col')
        .execute();
      const csv =
        csvLine(['line', 'column', 'code', 'value']) +
        rows.map((r) => csvLine([String(r.line), r.col, r.code, r.value])).join('');
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="rejections-${request.params.importId}.csv"`)
        .send(csv);
    },
  );

  app.get(
    '/api/preparation/days/:dayId/posts/:post/registrations',
    {
      schema: {
        tags: ['preparation'],
        summary: 'The post’s registrations',
        params: postParams,
        response: { 200: z.array(registrationSchema.extend({ status: z.enum(['active', 'withdrawn']) })) },
      },
      config: { access: { roles: ['po-admin', 'consular-official'] } },
    },
    async (request) => {
      postActor(request, request.params.post);
      const rows = await app.context.store.db
        .selectFrom('consular_registrations')
        .selectAll()
        .where('election_day_id', '=', request.params.dayId)
        .where('post_code', '=', request.params.post)
        .orderBy('surname')
        .orderBy('nrn')
        .limit(1000)
        .execute();
      return rows.map((r) => ({
        nrn: r.nrn,
        surname: r.surname,
        givenNames: r.given_names,
        birthDate: r.birth_date,
        sex: r.sex,
        address: r.address,
        country: r.country,
        email: r.email,
        attachmentNis: r.attachment_nis,
        language: r.language,
        mode: r.mode,
        ...(r.kiosk_post_code === null ? {} : { kioskPost: r.kiosk_post_code }),
        status: r.status,
      }));
    },
  );

  app.post(
    '/api/preparation/days/:dayId/posts/:post/registrations',
    {
      schema: {
        tags: ['preparation'],
        summary: 'Register a Belgian abroad with one voting mode',
        params: postParams,
        body: registrationSchema,
        response: { 201: z.object({ nrn: z.string() }), 400: errorSchema, 403: errorSchema, 409: errorSchema },
      },
      config: { access: { roles: ['po-admin', 'consular-official'] } },
    },
    async (request, reply) => {
      const actor = postActor(request, request.params.post);
      await run(() =>
        registerAbroad(app.context.store, actor, request.params.dayId, request.params.post, request.body),
      );
      return reply.status(201).send({ nrn: request.body.nrn });
    },
  );

  app.put(
    '/api/preparation/days/:dayId/posts/:post/registrations/:nrn',
    {
      schema: {
        tags: ['preparation'],
        summary: 'Change a registration before the deadline',
        params: postParams.extend({ nrn: z.string().regex(/^\d{11}$/) }),
        body: registrationSchema,
        response: { 200: z.object({ nrn: z.string() }), 400: errorSchema, 404: errorSchema, 409: errorSchema },
      },
      config: { access: { roles: ['po-admin', 'consular-official'] } },
    },
    async (request) => {
      const actor = postActor(request, request.params.post);
      if (request.body.nrn.replace(/[\s.-]/g, '') !== request.params.nrn)
        throw new AppError('request.invalid', 'body.nrn');
      await run(() =>
        changeRegistration(app.context.store, actor, request.params.dayId, request.params.post, request.body),
      );
      return { nrn: request.params.nrn };
    },
  );

  app.delete(
    '/api/preparation/days/:dayId/posts/:post/registrations/:nrn',
    {
      schema: {
        tags: ['preparation'],
        summary: 'Withdraw a registration before the deadline',
        params: postParams.extend({ nrn: z.string().regex(/^\d{11}$/) }),
        response: { 200: z.object({ nrn: z.string() }), 404: errorSchema, 409: errorSchema },
      },
      config: { access: { roles: ['po-admin', 'consular-official'] } },
    },
    async (request) => {
      const actor = postActor(request, request.params.post);
      await run(() =>
        withdrawRegistration(app.context.store, actor, request.params.dayId, request.params.post, request.params.nrn),
      );
      return { nrn: request.params.nrn };
    },
  );

  app.post(
    '/api/preparation/days/:dayId/posts/:post/register',
    {
      schema: {
        tags: ['preparation'],
        summary: 'Import a post’s register (CSV)',
        params: postParams,
        response: IMPORT_ERRORS,
      },
      config: { access: { roles: ['po-admin', 'consular-official'] } },
    },
    async (request) => {
      const actor = postActor(request, request.params.post);
      return plain(
        await run(() =>
          importConsularRegister(app.context.store, actor, request.params.dayId, request.params.post, csvBody(request)),
        ),
      );
    },
  );

  app.get(
    '/api/preparation/days/:dayId/opt-in',
    {
      schema: {
        tags: ['preparation'],
        summary: 'For a voter: the remote modes open to voters in Belgium, the deadline, and their own choice',
        params: dayParams,
        response: {
          200: z.object({
            deadline: z.string(),
            modes: z.array(z.object({ mode: z.number().int(), optIn: z.boolean() })),
            chosen: z.number().int().nullable(),
          }),
          404: errorSchema,
        },
      },
      config: { access: 'voter' },
    },
    async (request) => {
      const voter = voterOf(request);
      if (voter.electionDayId !== request.params.dayId) throw new AppError('auth.forbidden');
      const settings = await run(() => daySettings(app.context.store.db, request.params.dayId));
      const chosen = await app.context.store.db
        .selectFrom('resident_opt_ins')
        .select('mode')
        .where('election_day_id', '=', request.params.dayId)
        .where('nrn', '=', voter.nrn)
        .executeTakeFirst();
      const modes = ([6, 7, 8] as const)
        .map((mode) => ({ mode, ...settings.residentModes[mode === 6 ? 'hybrid' : mode === 7 ? 'online' : 'kiosk'] }))
        .filter((m) => m.open)
        .map((m) => ({ mode: m.mode, optIn: m.optIn }));
      return { deadline: settings.registrationDeadline, modes, chosen: chosen?.mode ?? null };
    },
  );

  app.post(
    '/api/preparation/days/:dayId/opt-in',
    {
      schema: {
        tags: ['preparation'],
        summary: 'A voter in Belgium opts in to mode 6, 7 or 8',
        params: dayParams,
        body: z.object({ mode: z.union([z.literal(6), z.literal(7), z.literal(8)]) }),
        response: { 200: z.object({ mode: z.number().int() }), 409: errorSchema },
      },
      config: { access: 'voter' },
    },
    async (request) => {
      const voter = voterOf(request);
      if (voter.electionDayId !== request.params.dayId) throw new AppError('auth.forbidden');
      await run(() => optIn(app.context.store, voter.nrn, request.params.dayId, request.body.mode));
      return { mode: request.body.mode };
    },
  );
}
