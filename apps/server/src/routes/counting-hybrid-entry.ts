// Team B's double data entry of hybrid paper ballots (mode 6, issue #16), contents only, never an
// identity: each ballot of a box encoded as the paper shows it by two different members, the second
// blind to the first; the office's president (or the PO) sees the differences and decides them.
import { z } from 'zod';
import type { AppInstance } from '../app-instance.ts';
import { requireScope } from '../auth/caller.ts';
import type { Role } from '../auth/roles.ts';
import {
  boxDifferences,
  boxProgress,
  decideDifference,
  encodeBallot,
  finishEntry,
  type BoxKey,
} from '../hybrid/double-entry-store.ts';
import { boothLists } from '../voting/portal.ts';
import { errorSchema } from './schemas.ts';
import { actorOf, countingErrorHandler, slug, teamActor } from './counting-common.ts';

const tags = ['counting: Team B (contents)'];
const params = z.strictObject({ electionId: slug, constituency: slug, box: z.enum(['belgium', 'abroad']) });
const state = z.enum(['not-started', 'first-entry', 'second-entry', 'differences', 'done']);
const listId = z.string().min(1).max(64);
const ballotSchema = z.strictObject({
  paper: z.enum(['official', 'unofficial', 'altered', 'identifiable']),
  marks: z
    .array(
      z.union([
        z.strictObject({ box: z.literal('head'), listId }),
        z.strictObject({
          box: z.enum(['effective', 'substitute']),
          listId,
          position: z.number().int().min(1).max(200),
        }),
      ]),
    )
    .max(400),
});

function keyOf(p: z.infer<typeof params>): BoxKey {
  return { electionId: p.electionId, office: p.constituency, box: p.box };
}

export function countingHybridEntryRoutes(app: AppInstance): void {
  const { store } = app.context;
  const base = '/api/counting/contents/:electionId/constituencies/:constituency/hybrid-boxes/:box';

  app.post(
    `${base}/ballots`,
    {
      schema: {
        tags,
        summary:
          'Encode the next paper ballot of my entry of the box, as the paper shows it (marks, paper state); the first member to encode makes the first entry, another member the second',
        params,
        body: z.strictObject({ ballot: ballotSchema }),
        response: { 200: z.object({ entry: z.number(), position: z.number() }), 403: errorSchema, 409: errorSchema },
      },
      config: { access: { roles: ['team-b'] } },
      errorHandler: countingErrorHandler,
    },
    async (request) => {
      const actor = teamActor(request, 'team-b', request.params.constituency);
      return encodeBallot(store, keyOf(request.params), actor.id, request.body.ballot);
    },
  );

  app.post(
    `${base}/finish`,
    {
      schema: {
        tags,
        summary: 'Finish my entry, stating how many ballots the box held (it must be the number encoded)',
        params,
        body: z.strictObject({ ballots: z.number().int().min(0).max(1_000_000) }),
        response: { 200: z.object({ state }), 403: errorSchema, 409: errorSchema },
      },
      config: { access: { roles: ['team-b'] } },
      errorHandler: countingErrorHandler,
    },
    async (request) => {
      const actor = teamActor(request, 'team-b', request.params.constituency);
      return { state: await finishEntry(store, keyOf(request.params), actor.id, request.body.ballots, app.auth.now()) };
    },
  );

  app.get(
    base,
    {
      schema: {
        tags,
        summary: 'The box’s step and the number of ballots in each entry (never the other entry’s ballots)',
        params,
        response: { 200: z.object({ state, first: z.number(), second: z.number() }), 403: errorSchema },
      },
      config: { access: { roles: ['team-b'] } },
      errorHandler: countingErrorHandler,
    },
    async (request) => {
      teamActor(request, 'team-b', request.params.constituency);
      return boxProgress(store, keyOf(request.params));
    },
  );

  // The ballot paper's lists and candidates (public lists; a candidate by `label`): Team B encodes
  // with them (contents), the president decides differences with them (process); Team A never.
  const candidate = z.object({ position: z.number(), label: z.string() });
  const paperLists = (scope: 'contents' | 'process', roles: Role[]): void => {
    app.get(
      `/api/counting/${scope}/:electionId/constituencies/:constituency/hybrid-lists`,
      {
        schema: {
          tags,
          summary:
            scope === 'contents'
              ? 'The lists and candidates of the constituency’s ballot paper (public), for encoding the paper ballots'
              : 'The lists and candidates of the constituency’s ballot paper (public), for deciding differences',
          params: params.omit({ box: true }),
          response: {
            200: z.object({
              lists: z.array(
                z.object({
                  number: z.number(),
                  label: z.string(),
                  effectives: z.array(candidate),
                  substitutes: z.array(candidate),
                }),
              ),
            }),
            403: errorSchema,
          },
        },
        config: { access: { roles } },
        errorHandler: countingErrorHandler,
      },
      async (request) => {
        requireScope(request, roles, request.params.constituency);
        const lists = await boothLists(store.db, request.params.electionId, request.params.constituency);
        const labelled = (cs: readonly { position: number; name: string }[]) =>
          cs.map((c) => ({ position: c.position, label: c.name }));
        return {
          lists: lists.map((l) => ({
            number: l.number,
            label: l.label,
            effectives: labelled(l.effectives),
            substitutes: labelled(l.substitutes),
          })),
        };
      },
    );
  };
  paperLists('contents', ['team-b']);
  paperLists('process', ['president', 'po-admin']);

  const processBase = '/api/counting/process/:electionId/constituencies/:constituency/hybrid-boxes/:box';

  app.get(
    `${processBase}/differences`,
    {
      schema: {
        tags: ['counting: constituency main office (president, PO)'],
        summary: 'Where the two entries of the box differ, ballot by ballot (both versions), and which are decided',
        params,
        response: {
          200: z.object({
            state,
            differences: z.array(
              z.object({
                index: z.number(),
                first: ballotSchema.optional(),
                second: ballotSchema.optional(),
                decided: z.boolean(),
              }),
            ),
          }),
          403: errorSchema,
        },
      },
      config: { access: { roles: ['po-admin', 'president'] } },
      errorHandler: countingErrorHandler,
    },
    async (request) => {
      requireScope(request, ['president', 'po-admin'], request.params.constituency);
      const found = await boxDifferences(store, keyOf(request.params));
      return {
        state: found.state,
        differences: found.differences.map((d) => ({
          index: d.index,
          ...(d.first === undefined ? {} : { first: { paper: d.first.paper, marks: [...d.first.marks] } }),
          ...(d.second === undefined ? {} : { second: { paper: d.second.paper, marks: [...d.second.marks] } }),
          decided: d.decided,
        })),
      };
    },
  );

  app.post(
    `${processBase}/differences/:position`,
    {
      schema: {
        tags: ['counting: constituency main office (president, PO)'],
        summary: 'Decide a difference: the ballot as the paper shows it, or null when there is no ballot at that place',
        params: params.extend({ position: z.coerce.number().int().min(0).max(1_000_000) }),
        body: z.strictObject({ ballot: ballotSchema.nullable() }),
        response: { 200: z.object({ state }), 403: errorSchema, 409: errorSchema },
      },
      config: { access: { roles: ['po-admin', 'president'] } },
      errorHandler: countingErrorHandler,
    },
    async (request) => {
      requireScope(request, ['president', 'po-admin'], request.params.constituency);
      const state = await decideDifference(
        store,
        keyOf(request.params),
        actorOf(request).id,
        request.params.position,
        request.body.ballot,
        app.auth.now(),
      );
      return { state };
    },
  );
}
