// Team B's routes (contents only, never an identity): the cancellations to confirm, the status of
// the anonymised group inputs, the PV figures to review and approve (two different members).
import { z } from 'zod';
import type { AppInstance } from '../app-instance.ts';
import { requireScope } from '../auth/caller.ts';
import { cancelDoubleVote, cancelDoubleVotes, listCancellationsForTeamB } from '../counting/double-votes.ts';
import { groupsToCount } from '../counting/mixing.ts';
import { approvePv, type PvContent } from '../counting/pv.ts';
import { listGroups } from '../counting/split.ts';
import { errorSchema } from './schemas.ts';
import {
  categorySchema,
  constituencyParams,
  countingErrorHandler,
  modeSchema,
  namedActorOf,
  pvModeSchema,
  slug,
  teamActor,
} from './counting-common.ts';
import { addObservation } from '../counting/office.ts';

const access = { roles: ['team-b'] } as const;
const tags = ['counting: Team B (contents)'];

const pvSchema = z.object({
  groupId: z.string(),
  mode: pvModeSchema,
  category: categorySchema,
  generatedAt: z.string(),
  recordHash: z.string(),
  approvals: z.number(),
  approvedBy: z.array(z.object({ official: z.string(), at: z.string() })),
  approvedByMe: z.boolean(),
  final: z.boolean(),
  finalAt: z.string().nullable(),
  content: z.record(z.string(), z.unknown()),
});

export function countingContentRoutes(app: AppInstance): void {
  const { store } = app.context;

  app.get(
    '/api/counting/contents/:electionId/constituencies/:constituency/cancellations',
    {
      schema: {
        tags,
        summary: 'Cancellations to confirm in my constituency (cases confirmed by Team A): no identity',
        params: constituencyParams,
        response: {
          200: z.object({
            cases: z.array(
              z.object({
                ballotId: z.string(),
                station: z.string(),
                confirmedAt: z.string().nullable(),
                status: z.enum(['identified', 'confirmed', 'cancelled']),
              }),
            ),
          }),
          403: errorSchema,
        },
      },
      config: { access },
      errorHandler: countingErrorHandler,
    },
    async (request) => {
      requireScope(request, 'team-b', request.params.constituency);
      const cases = await listCancellationsForTeamB(store, request.params.electionId, request.params.constituency);
      return {
        cases: cases.map((c) => ({
          ballotId: c.ballotId,
          station: c.station,
          confirmedAt: c.confirmedAt?.toISOString() ?? null,
          status: c.status,
        })),
      };
    },
  );

  app.post(
    '/api/counting/contents/:electionId/constituencies/:constituency/cancellations/:ballotId/confirm',
    {
      schema: {
        tags,
        summary:
          'Cancel the remote ballot of a confirmed double vote (the polling-station vote wins); not by the member who confirmed it',
        params: z.strictObject({ electionId: slug, constituency: slug, ballotId: z.uuid() }),
        response: {
          200: z.object({ status: z.literal('cancelled') }),
          403: errorSchema,
          404: errorSchema,
          409: errorSchema,
        },
      },
      config: { access },
      errorHandler: countingErrorHandler,
    },
    async (request) => {
      const actor = teamActor(request, 'team-b', request.params.constituency);
      await cancelDoubleVote(store, request.params.ballotId, request.params.constituency, actor);
      return { status: 'cancelled' as const };
    },
  );

  app.post(
    '/api/counting/contents/:electionId/constituencies/:constituency/cancellations/confirm',
    {
      schema: {
        tags,
        summary:
          'Cancel the remote ballots of several confirmed double votes at once: all or none (one transaction, one audit entry)',
        params: constituencyParams,
        body: z.strictObject({ ballotIds: z.array(z.uuid()).min(1).max(100_000) }),
        response: { 200: z.object({ cancelled: z.number() }), 403: errorSchema, 404: errorSchema, 409: errorSchema },
      },
      config: { access },
      bodyLimit: 8 * 1024 * 1024,
      errorHandler: countingErrorHandler,
    },
    async (request) => {
      const actor = teamActor(request, 'team-b', request.params.constituency);
      return { cancelled: await cancelDoubleVotes(store, request.body.ballotIds, request.params.constituency, actor) };
    },
  );

  app.get(
    '/api/counting/contents/:electionId/constituencies/:constituency/groups',
    {
      schema: {
        tags,
        summary: 'The groups of my constituency: ballots to count, merges, shuffles and decryptions done, counted',
        params: constituencyParams,
        response: {
          200: z.object({
            groups: z.array(
              z.object({
                groupId: z.string(),
                mode: modeSchema,
                category: categorySchema,
                ballots: z.number(),
                small: z.boolean(),
                mergedInto: z.string().nullable(),
                mergeRule: z.string().nullable(),
                state: z.enum(['waiting', 'split', 'counted', 'withheld']),
                split: z.boolean(),
                shuffles: z.number(),
                decryptions: z.number(),
                counted: z.boolean(),
              }),
            ),
          }),
          403: errorSchema,
        },
      },
      config: { access },
      errorHandler: countingErrorHandler,
    },
    async (request) => {
      requireScope(request, 'team-b', request.params.constituency);
      const { electionId, constituency } = request.params;
      const groups = await listGroups(store, electionId, constituency);
      const work = await groupsToCount(store, electionId);
      return {
        groups: groups.map((g) => {
          const w = work.find((x) => x.groupId === g.groupId);
          return {
            groupId: g.groupId,
            mode: g.mode,
            category: g.category,
            ballots: g.ballots,
            small: g.small,
            mergedInto: g.mergedInto,
            mergeRule: g.mergeRule,
            state: g.state,
            split: g.state !== 'waiting',
            shuffles: w?.shuffles ?? 0,
            decryptions: w?.decryptedBy.length ?? 0,
            counted: w?.counted ?? false,
          };
        }),
      };
    },
  );

  app.get(
    '/api/counting/contents/:electionId/constituencies/:constituency/pvs',
    {
      schema: {
        tags,
        summary: 'The PVs of my constituency with their figures and approvals, to review',
        params: constituencyParams,
        response: { 200: z.object({ pvs: z.array(pvSchema) }), 403: errorSchema },
      },
      config: { access },
      errorHandler: countingErrorHandler,
    },
    async (request) => {
      const actor = teamActor(request, 'team-b', request.params.constituency);
      const rows = await store.db
        .selectFrom('counting_pvs')
        .selectAll()
        .where('election_id', '=', request.params.electionId)
        .where('constituency_code', '=', request.params.constituency)
        .orderBy('mode')
        .orderBy('category')
        .execute();
      return {
        pvs: rows.map((r) => {
          const content = r.content as PvContent;
          return {
            groupId: content.groupId,
            mode: r.mode,
            category: r.category,
            generatedAt: r.generated_at.toISOString(),
            recordHash: r.record_hash,
            approvals: r.approved_by.length,
            approvedBy: r.approvals.map((a) => ({ official: a.name, at: a.at })),
            approvedByMe: r.approved_by.includes(actor.id),
            final: r.final_at !== null,
            finalAt: r.final_at?.toISOString() ?? null,
            content: content as unknown as Record<string, unknown>,
          };
        }),
      };
    },
  );

  app.post(
    '/api/counting/contents/:electionId/constituencies/:constituency/observations',
    {
      schema: {
        tags,
        summary: 'Enter an observation, a claim or a contested ballot in the PVs of my constituency',
        params: constituencyParams,
        body: z.strictObject({
          kind: z.enum(['observation', 'claim', 'contested']),
          author: z.string().trim().min(1).max(200),
          text: z.string().trim().min(1).max(2000),
        }),
        response: { 200: z.object({ observations: z.number() }), 403: errorSchema },
      },
      config: { access },
      errorHandler: countingErrorHandler,
    },
    async (request) => {
      const actor = teamActor(request, 'team-b', request.params.constituency);
      const info = await addObservation(
        store,
        request.params.electionId,
        request.params.constituency,
        request.body,
        actor,
      );
      return { observations: info.observations.length };
    },
  );

  app.post(
    '/api/counting/contents/:electionId/constituencies/:constituency/pvs/:mode/:category/approve',
    {
      schema: {
        tags,
        summary: 'Approve a PV after review; the second approval, by another member, makes it final',
        params: z.strictObject({ electionId: slug, constituency: slug, mode: pvModeSchema, category: categorySchema }),
        response: {
          200: z.object({ approvals: z.number(), final: z.boolean() }),
          403: errorSchema,
          404: errorSchema,
          409: errorSchema,
        },
      },
      config: { access },
      errorHandler: countingErrorHandler,
    },
    async (request) => {
      const { electionId, constituency, mode, category } = request.params;
      teamActor(request, 'team-b', constituency);
      return approvePv(store, { electionId, constituency, mode, category }, await namedActorOf(app, request));
    },
  );
}
