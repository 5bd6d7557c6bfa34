// The trustees' routes (contents only), called by `isoloir trustee` on each trustee's own machine:
// the election key and trustees' verification keys, the groups and their current ciphertexts
// (binary), the upload of a shuffle with its proof and of a partial decryption with its proof. The
// server checks every proof on upload and refuses a bad one, naming group, trustee and what failed.
// A key share never comes here. The `trustee` role is not scoped: the proofs bind each upload to
// the trustee's verification key, and each upload is signed by the key the trustee registered at the
// key ceremony, from the session of the official bound to that trustee number.
import type { EncodedCiphertext } from '@isoloir/crypto';
import { z } from 'zod';
import type { AppInstance } from '../app-instance.ts';
import { acceptPartial, acceptShuffle, currentCiphertexts, groupsToCount, type Uploader } from '../counting/mixing.ts';
import { unpackRows } from '../counting/blob.ts';
import { AppError } from '../errors.ts';
import { errorSchema } from './schemas.ts';
import { officialOf } from '../auth/caller.ts';
import { actorOf, countingErrorHandler, cryptoOf, electionParams, groupIdSchema } from './counting-common.ts';

const access = { roles: ['trustee'] } as const;
const tags = ['counting: trustees (contents)'];
/** Uploads of 100,000 ballots carry their proof too: large, but bounded. */
const UPLOAD_LIMIT = 512 * 1024 * 1024;
const base64 = z.string().max(UPLOAD_LIMIT);
const signatureSchema = z.string().regex(/^[0-9a-f]{128}$/);

function uploader(request: Parameters<typeof actorOf>[0], trustee: number): Uploader {
  return { id: `${actorOf(request).id}/trustee:${String(trustee)}`, officialId: officialOf(request).officialId };
}

function decodeRows(b64: string, field: string): EncodedCiphertext[] {
  const blob = new Uint8Array(Buffer.from(b64, 'base64'));
  if (blob.length < 2 || (blob.length - 2) % Math.max(1, (blob[0] ?? 0) * (blob[1] ?? 0)) !== 0)
    throw new AppError('request.invalid', field);
  return unpackRows(blob);
}

export function countingTrusteeRoutes(app: AppInstance): void {
  const { store } = app.context;

  app.get(
    '/api/counting/contents/:electionId/trustee/key',
    {
      schema: {
        tags,
        summary: 'The election key, threshold and each trustee’s verification key',
        params: electionParams,
        response: {
          200: z.object({
            electionId: z.string(),
            group: z.string(),
            publicKey: z.string(),
            threshold: z.number(),
            trustees: z.number(),
            verificationKeys: z.array(z.object({ trustee: z.number(), verificationKey: z.string() })),
          }),
          404: errorSchema,
        },
      },
      config: { access },
      errorHandler: countingErrorHandler,
    },
    async (request) => {
      const k = await store.db
        .selectFrom('election_keys')
        .selectAll()
        .where('election_id', '=', request.params.electionId)
        .executeTakeFirst();
      if (k === undefined) throw new AppError('counting.not-found', 'params.electionId');
      const ceremony = k.ceremony as { key?: { trustees?: { trustee: number; verificationKey: string }[] } };
      return {
        electionId: k.election_id,
        group: k.group_name,
        publicKey: k.public_key,
        threshold: k.threshold,
        trustees: k.trustees,
        verificationKeys: (ceremony.key?.trustees ?? []).map((t) => ({
          trustee: t.trustee,
          verificationKey: t.verificationKey,
        })),
      };
    },
  );

  app.get(
    '/api/counting/contents/:electionId/trustee/groups',
    {
      schema: {
        tags,
        summary: 'The groups to mix and decrypt: ballots, shuffles done (by whom), decryptions done, counted',
        params: electionParams,
        response: {
          200: z.object({
            groups: z.array(
              z.object({
                groupId: z.string(),
                ballots: z.number(),
                shuffles: z.number(),
                shuffledBy: z.array(z.number()),
                decryptedBy: z.array(z.number()),
                counted: z.boolean(),
              }),
            ),
          }),
        },
      },
      config: { access },
      errorHandler: countingErrorHandler,
    },
    async (request) => ({
      groups: (await groupsToCount(store, request.params.electionId)).map((g) => ({
        ...g,
        shuffledBy: [...g.shuffledBy],
        decryptedBy: [...g.decryptedBy],
      })),
    }),
  );

  app.get(
    '/api/counting/contents/:electionId/trustee/ciphertexts',
    {
      schema: {
        tags,
        summary:
          'A group’s current ciphertexts (its anonymised input or the last shuffle’s output), packed (application/octet-stream; header x-isoloir-mix-nodes)',
        params: electionParams,
        querystring: z.strictObject({ group: groupIdSchema }),
        response: { 200: z.unknown(), 404: errorSchema, 409: errorSchema },
      },
      config: { access },
      errorHandler: countingErrorHandler,
    },
    async (request, reply) => {
      const cur = await currentCiphertexts(store, request.params.electionId, request.query.group);
      return reply
        .header('content-type', 'application/octet-stream')
        .header('x-isoloir-mix-nodes', String(cur.mixNodes))
        .send(Buffer.from(cur.blob.buffer, cur.blob.byteOffset, cur.blob.byteLength));
    },
  );

  app.get(
    '/api/counting/contents/:electionId/trustee/shuffles',
    {
      schema: {
        tags,
        summary:
          'A group’s chain of shuffles: each mix node’s trustee, signature, proof and outputs (packed, base64), for the trustee’s checks before decrypting',
        params: electionParams,
        querystring: z.strictObject({ group: groupIdSchema }),
        response: {
          200: z.object({
            shuffles: z.array(
              z.object({
                mixNode: z.number(),
                trustee: z.number(),
                signature: z.string().nullable(),
                proof: z.unknown(),
                outputs: z.string(),
              }),
            ),
          }),
        },
      },
      config: { access },
      errorHandler: countingErrorHandler,
    },
    async (request) => {
      const rows = await store.db
        .selectFrom('counting_shuffles')
        .selectAll()
        .where('election_id', '=', request.params.electionId)
        .where('group_id', '=', request.query.group)
        .orderBy('mix_node')
        .execute();
      return {
        shuffles: rows.map((r) => ({
          mixNode: r.mix_node,
          trustee: r.trustee,
          signature: r.signature,
          proof: r.proof,
          outputs: Buffer.from(r.outputs).toString('base64'),
        })),
      };
    },
  );

  app.post(
    '/api/counting/contents/:electionId/trustee/shuffles',
    {
      schema: {
        tags,
        summary: 'Upload a shuffle of a group with its proof (checked on upload; a bad proof is refused and named)',
        params: electionParams,
        body: z.strictObject({
          group: groupIdSchema,
          trustee: z.number().int().min(1).max(100),
          mixNode: z.number().int().min(1).max(100),
          outputs: base64,
          proof: z.record(z.string(), z.unknown()),
          signature: signatureSchema,
        }),
        response: {
          200: z.object({ accepted: z.literal(true), mixNode: z.number() }),
          400: errorSchema,
          404: errorSchema,
          409: errorSchema,
          422: errorSchema,
          503: errorSchema,
        },
      },
      config: { access },
      bodyLimit: UPLOAD_LIMIT,
      errorHandler: countingErrorHandler,
    },
    async (request) => {
      const { electionId } = request.params;
      const body = request.body;
      if (app.context.counting === undefined) throw new AppError('counting.unavailable');
      const cc = await cryptoOf(app, electionId);
      const outputs = decodeRows(body.outputs, 'body.outputs');
      await acceptShuffle(
        store,
        cc,
        {
          electionId,
          groupId: body.group,
          trustee: body.trustee,
          mixNode: body.mixNode,
          outputs,
          proof: body.proof,
          signature: body.signature,
        },
        uploader(request, body.trustee),
      );
      return { accepted: true as const, mixNode: body.mixNode };
    },
  );

  app.post(
    '/api/counting/contents/:electionId/trustee/partials',
    {
      schema: {
        tags,
        summary: 'Upload a partial decryption of a fully mixed group with its Chaum–Pedersen proof (checked on upload)',
        params: electionParams,
        body: z.strictObject({
          group: groupIdSchema,
          trustee: z.number().int().min(1).max(100),
          shares: base64,
          proof: z.strictObject({
            challenge: z.string().regex(/^[0-9a-f]{1,128}$/),
            response: z.string().regex(/^[0-9a-f]{1,128}$/),
          }),
          signature: signatureSchema,
        }),
        response: {
          200: z.object({ accepted: z.literal(true) }),
          400: errorSchema,
          404: errorSchema,
          409: errorSchema,
          422: errorSchema,
          503: errorSchema,
        },
      },
      config: { access },
      bodyLimit: UPLOAD_LIMIT,
      errorHandler: countingErrorHandler,
    },
    async (request) => {
      const { electionId } = request.params;
      const body = request.body;
      const cc = await cryptoOf(app, electionId);
      const shares = decodeRows(body.shares, 'body.shares');
      await acceptPartial(
        store,
        cc,
        {
          electionId,
          groupId: body.group,
          trustee: body.trustee,
          shares,
          proof: body.proof,
          signature: body.signature,
        },
        uploader(request, body.trustee),
      );
      return { accepted: true as const };
    },
  );
}
