// Casting ballots, and the key that signs receipts. The booth casts one sealed ballot per election
// in one request (`POST /api/voting/ballots`), accepted or refused as a whole; the single-election
// route is a request of one. Every refusal (bad input, eligibility, period, limit, expired
// session…) is answered with a stable code naming the refused election in `field`, and leaves an
// audit entry; nothing is stored.
import { z } from 'zod';
import type { FastifyError, FastifyRequest } from 'fastify';
import type { AppInstance } from '../app-instance.ts';
import { voterOf } from '../auth/caller.ts';
import { AppError, type ErrorCode } from '../errors.ts';
import { castBallot, castBallots } from '../voting/cast.ts';
import { auditRefusal } from '../voting/refusals.ts';
import { voterActor } from '../secrets/pseudonyms.ts';
import { votingService } from '../voting/service.ts';
import { castBodySchema, castManySchema } from '../voting/wire.ts';
import { errorSchema } from './schemas.ts';
import { receiptSchema, receiptsSchema } from './voting-schemas.ts';

const paramsSchema = z.strictObject({ electionId: z.string().regex(/^[a-z0-9-]{1,64}$/) });

function refusedCode(error: FastifyError): ErrorCode {
  if (error instanceof AppError) return error.code;
  if (error.validation !== undefined) return 'request.invalid';
  return error.statusCode === 413 ? 'request.too-large' : 'internal';
}

export function votingBallotRoutes(app: AppInstance): void {
  const service = votingService(app.context.store);
  const errors = {
    400: errorSchema,
    401: errorSchema,
    403: errorSchema,
    404: errorSchema,
    409: errorSchema,
    413: errorSchema,
  };

  const onError = async (request: FastifyRequest, _reply: unknown, error: FastifyError): Promise<void> => {
    const code = refusedCode(error);
    if (code === 'internal' || audited.has(error)) return;
    const electionId = (request.params as { electionId?: string } | undefined)?.electionId ?? 'unknown';
    const session = request.session;
    const actor =
      session?.kind === 'voter' ? voterActor(app.context.secret, session.electionDayId, session.nrn) : 'anonymous';
    await auditRefusal(
      app.context.store,
      { actor, electionId: electionId.slice(0, 64), code, field: error instanceof AppError ? error.field : undefined },
      new Date(),
    );
  };

  app.post(
    '/api/voting/ballots',
    {
      bodyLimit: 10 * 64 * 1024,
      schema: {
        tags: ['voting'],
        summary:
          'Cast one encrypted ballot per election together (the booth), accepted or refused as a whole; a retry with the same ballotIds returns the same receipts',
        body: castManySchema,
        response: { 200: receiptsSchema, 201: receiptsSchema, ...errors },
      },
      config: { access: 'voter' },
      onError,
    },
    async (request, reply) => {
      const voter = voterOf(request);
      const now = app.auth.now();
      const ballots = request.body.ballots.map(({ electionId, ...body }) => ({ electionId, body }));
      const actor = voterActor(app.context.secret, voter.electionDayId, voter.nrn);
      const result = await castBallots(service, {
        electionDayId: voter.electionDayId,
        nrn: voter.nrn,
        actor,
        ballots,
        now,
      });
      if (!result.ok) {
        await auditRefusal(
          app.context.store,
          { actor, electionId: result.electionId, code: result.code, field: 'ballots' },
          now,
        );
        throw auditedError(result.code, result.electionId);
      }
      return reply.status(result.replayed ? 200 : 201).send({ receipts: [...result.receipts] });
    },
  );

  app.post(
    '/api/voting/elections/:electionId/ballots',
    {
      bodyLimit: 64 * 1024,
      schema: {
        tags: ['voting'],
        summary: 'Cast an encrypted ballot (mode 7); a retry with the same ballotId returns the same receipt',
        params: paramsSchema,
        body: castBodySchema,
        response: { 200: receiptSchema, 201: receiptSchema, ...errors },
      },
      config: { access: 'voter' },
      // Refused before the handler (session, validation, size): audited here.
      onError,
    },
    async (request, reply) => {
      const voter = voterOf(request);
      const now = app.auth.now();
      const actor = voterActor(app.context.secret, voter.electionDayId, voter.nrn);
      const result = await castBallot(service, {
        electionDayId: voter.electionDayId,
        nrn: voter.nrn,
        actor,
        electionId: request.params.electionId,
        body: request.body,
        now,
      });
      if (!result.ok) {
        await auditRefusal(app.context.store, { actor, electionId: request.params.electionId, code: result.code }, now);
        throw auditedError(result.code);
      }
      return reply.status(result.receipt.replayed ? 200 : 201).send(result.receipt);
    },
  );

  app.get(
    '/api/voting/receipt-key',
    {
      schema: {
        tags: ['voting'],
        summary: 'The Ed25519 public key that signs ballot receipts',
        response: {
          200: z.object({
            algorithm: z.literal('Ed25519'),
            keyId: z.string(),
            publicKey: z.string(),
            signedMessage: z.string(),
          }),
        },
      },
      config: { access: 'public' },
    },
    async () => {
      const keys = await service.serverKeys();
      return {
        algorithm: 'Ed25519' as const,
        keyId: keys.receiptKeyId,
        publicKey: keys.receiptPublicKey,
        signedMessage:
          'UTF-8 of "isoloir/v1/receipt\\n" followed by the canonical JSON (sorted keys, no spaces) of {boardHead: {hash, seq} or null, constituency, electionId, keyId, receivedAt, trackingCode}',
      };
    },
  );
}

/** Refusals the handler already audited (the route's onError hook skips them). */
const audited = new WeakSet<Error>();

function auditedError(code: ErrorCode, field?: string): AppError {
  const error = new AppError(code, field);
  audited.add(error);
  return error;
}
