// The key ceremony over HTTP, the server acting only as a bulletin board:
//   PO (process):     open the ceremony (n, t), follow its progress, close the answering time;
//   trustees (contents): register (trustee number, signing and encryption keys), post dealings,
//                     complaints ("checked"), answers and verification keys, each signed;
//   anybody (public): the signed transcript (isoloir-ceremony/1), and after the split, what a
//                     trustee checks before decrypting (a group's published ballots and input).
// `isoloir trustee keygen` is the trustees' client (apps/cli/src/commands/ceremony).
import { z } from 'zod';
import type { AppInstance } from '../app-instance.ts';
import { officialOf, requireScope } from '../auth/caller.ts';
import {
  ceremonyTranscript,
  closeAnswers,
  openCeremony,
  postToBoard,
  registerTrustee,
} from '../counting/ceremony-board.ts';
import { publishedGroup } from '../counting/published-group.ts';
import { AppError } from '../errors.ts';
import { errorSchema } from './schemas.ts';
import { actorOf, countingErrorHandler, electionParams, groupIdSchema } from './counting-common.ts';

const hex = (bytes: number): z.ZodString => z.string().regex(new RegExp(`^[0-9a-f]{${String(bytes * 2)}}$`));
const phaseSchema = z.enum(['registering', 'dealing', 'checking', 'answering', 'keys', 'done', 'failed']);

const progressSchema = z.object({
  electionId: z.string(),
  phase: phaseSchema,
  threshold: z.number(),
  trustees: z.number(),
  registered: z.array(z.object({ trustee: z.number(), official: z.string(), signingKey: z.string() })),
  posts: z.array(z.object({ seq: z.number(), trustee: z.number(), kind: z.string() })),
  complaints: z.array(z.object({ by: z.number(), against: z.number(), answered: z.boolean() })),
  awaitingAnswers: z.array(z.number()),
  qualified: z.array(z.number()).nullable(),
  publicKey: z.string().nullable(),
});

interface TranscriptView {
  registrations: { trustee: number; signingKey: string }[];
  posts: { seq: number; trustee: number; kind: string; payload: unknown }[];
  qualified: number[] | null;
  publicKey: string | null;
  threshold: number;
  trustees: number;
}

export function countingCeremonyRoutes(app: AppInstance): void {
  const { store } = app.context;
  const po = { roles: ['po-admin'] } as const;
  const trustee = { roles: ['trustee'] } as const;

  async function transcriptOrThrow(
    electionId: string,
  ): Promise<NonNullable<Awaited<ReturnType<typeof ceremonyTranscript>>>> {
    const t = await ceremonyTranscript(store, electionId);
    if (t === undefined) throw new AppError('counting.not-found', 'params.electionId');
    return t;
  }

  app.post(
    '/api/counting/process/:electionId/ceremony',
    {
      schema: {
        tags: ['counting: organising authority'],
        summary: 'Open the trustees’ key ceremony (n trustees, threshold t)',
        params: electionParams,
        body: z.strictObject({
          trustees: z.number().int().min(1).max(100),
          threshold: z.number().int().min(1).max(100),
        }),
        response: { 200: z.object({ opened: z.literal(true) }), 404: errorSchema, 409: errorSchema, 422: errorSchema },
      },
      config: { access: po },
      errorHandler: countingErrorHandler,
    },
    async (request) => {
      requireScope(request, 'po-admin', '*');
      await openCeremony(store, request.params.electionId, request.body, actorOf(request));
      return { opened: true as const };
    },
  );

  app.get(
    '/api/counting/process/:electionId/ceremony',
    {
      schema: {
        tags: ['counting: organising authority'],
        summary: 'The key ceremony’s progress: phase, trustees registered, posts, complaints, qualified set, key',
        params: electionParams,
        response: { 200: progressSchema, 404: errorSchema },
      },
      config: { access: po },
      errorHandler: countingErrorHandler,
    },
    async (request) => {
      const { electionId } = request.params;
      const t = await transcriptOrThrow(electionId);
      const view = t.transcript as unknown as TranscriptView;
      const regs = await store.db
        .selectFrom('ceremony_trustees as t')
        .innerJoin('officials as o', 'o.id', 't.official_id')
        .select(['t.trustee', 'o.given_name', 'o.surname'])
        .where('t.election_id', '=', electionId)
        .execute();
      const answered = new Set(view.posts.filter((p) => p.kind === 'answer').map((p) => p.trustee));
      return {
        electionId,
        phase: t.phase,
        threshold: view.threshold,
        trustees: view.trustees,
        registered: view.registrations.map((r) => {
          const o = regs.find((x) => x.trustee === r.trustee);
          return {
            trustee: r.trustee,
            official: o === undefined ? '' : `${o.given_name} ${o.surname}`,
            signingKey: r.signingKey,
          };
        }),
        posts: view.posts.map((p) => ({ seq: p.seq, trustee: p.trustee, kind: p.kind })),
        complaints: view.posts
          .filter((p) => p.kind === 'checked')
          .flatMap((p) =>
            (p.payload as { complaints: number[] }).complaints.map((against) => ({
              by: p.trustee,
              against,
              answered: answered.has(against),
            })),
          ),
        awaitingAnswers: [...t.awaitingAnswers],
        qualified: view.qualified,
        publicKey: view.publicKey,
      };
    },
  );

  app.post(
    '/api/counting/process/:electionId/ceremony/close-answers',
    {
      schema: {
        tags: ['counting: organising authority'],
        summary: 'End the answering time: complaints not answered are upheld (their dealers disqualified)',
        params: electionParams,
        response: { 200: z.object({ closed: z.literal(true) }), 404: errorSchema, 409: errorSchema },
      },
      config: { access: po },
      errorHandler: countingErrorHandler,
    },
    async (request) => {
      requireScope(request, 'po-admin', '*');
      await closeAnswers(store, request.params.electionId, actorOf(request));
      return { closed: true as const };
    },
  );

  app.get(
    '/api/counting/public/:electionId/ceremony',
    {
      schema: {
        tags: ['counting: public'],
        summary: 'The key ceremony’s signed transcript (isoloir-ceremony/1) and its phase',
        params: electionParams,
        response: {
          200: z.object({ phase: phaseSchema, awaitingAnswers: z.array(z.number()), transcript: z.unknown() }),
          404: errorSchema,
        },
      },
      config: { access: 'public' },
      errorHandler: countingErrorHandler,
    },
    async (request) => {
      const t = await transcriptOrThrow(request.params.electionId);
      return { phase: t.phase, awaitingAnswers: [...t.awaitingAnswers], transcript: t.transcript };
    },
  );

  app.post(
    '/api/counting/contents/:electionId/trustee/ceremony/registrations',
    {
      schema: {
        tags: ['counting: trustees (contents)'],
        summary:
          'Register as trustee number j with an Ed25519 signing key and an X25519 encryption key (signed by the signing key)',
        params: electionParams,
        body: z.strictObject({
          trustee: z.number().int().min(1).max(100),
          signingKey: hex(32),
          encryptionKey: hex(32),
          signature: hex(64),
        }),
        response: {
          200: z.object({ registered: z.literal(true) }),
          403: errorSchema,
          404: errorSchema,
          409: errorSchema,
          422: errorSchema,
        },
      },
      config: { access: trustee },
      errorHandler: countingErrorHandler,
    },
    async (request) => {
      await registerTrustee(
        store,
        request.params.electionId,
        officialOf(request).officialId,
        request.body,
        actorOf(request),
      );
      return { registered: true as const };
    },
  );

  app.post(
    '/api/counting/contents/:electionId/trustee/ceremony/posts',
    {
      schema: {
        tags: ['counting: trustees (contents)'],
        summary:
          'Post to the ceremony board (dealing, checked, answer, verification-key), signed by your registered key',
        params: electionParams,
        body: z.strictObject({
          kind: z.enum(['dealing', 'checked', 'answer', 'verification-key']),
          payload: z.unknown(),
          signature: hex(64),
        }),
        response: {
          200: z.object({ seq: z.number(), phase: phaseSchema }),
          403: errorSchema,
          404: errorSchema,
          409: errorSchema,
          422: errorSchema,
        },
      },
      config: { access: trustee },
      bodyLimit: 1024 * 1024,
      errorHandler: countingErrorHandler,
    },
    async (request) =>
      postToBoard(store, request.params.electionId, officialOf(request).officialId, request.body, actorOf(request)),
  );

  app.get(
    '/api/counting/public/:electionId/published-group',
    {
      schema: {
        tags: ['counting: public'],
        summary:
          'A group after the split: its ballots (pseudonym, ciphertexts, cancellation) and anonymised input, to recompute the input before decrypting',
        params: electionParams,
        querystring: z.strictObject({ group: groupIdSchema }),
        response: { 200: z.unknown(), 404: errorSchema, 409: errorSchema },
      },
      config: { access: 'public' },
      errorHandler: countingErrorHandler,
    },
    async (request) => publishedGroup(store, request.params.electionId, request.query.group),
  );
}
