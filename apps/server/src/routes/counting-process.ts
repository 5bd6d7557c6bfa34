// The organising authority's (PO) counting routes: the groups and their sizes, the merge of a
// small group (the PV says so), the identity split once every electronic period is closed and
// every double vote settled, and the results (decryption combined, classification, PVs).
import { z } from 'zod';
import type { AppInstance } from '../app-instance.ts';
import { requireScope } from '../auth/caller.ts';
import { groupsToCount } from '../counting/mixing.ts';
import { generatePvs } from '../counting/pv.ts';
import { emitRecord } from '../counting/record.ts';
import { DEFAULT_MINIMUM_GROUP_SIZE, listGroups, mergeGroup, prepareGroups, splitIdentities, type GroupSummary } from '../counting/split.ts';
import { tallyGroup } from '../counting/tally.ts';
import { electionKey } from '../counting/mixing.ts';
import { errorSchema } from './schemas.ts';
import { actorOf, countingErrorHandler, cryptoOf, electionParams, groupIdSchema } from './counting-common.ts';

const access = { roles: ['po-admin'] } as const;
const tags = ['counting: organising authority'];
const minimumQuery = z.strictObject({ minimum: z.coerce.number().int().min(1).max(10_000).default(DEFAULT_MINIMUM_GROUP_SIZE) });
const groupSchema = z.object({ groupId: z.string(), constituency: z.string(), mode: z.string(), category: z.string(), ballots: z.number(), small: z.boolean(), mergedInto: z.string().nullable() });
const groupsSchema = z.object({ groups: z.array(groupSchema) });

const view = (groups: readonly GroupSummary[]): z.infer<typeof groupsSchema> => ({ groups: groups.map((g) => ({ ...g })) });

export function countingProcessRoutes(app: AppInstance): void {
  const { store } = app.context;
  const po = (request: Parameters<typeof actorOf>[0]) => {
    requireScope(request, 'po-admin', '*');
    return actorOf(request);
  };

  app.get(
    '/api/counting/process/:electionId/groups',
    { schema: { tags, summary: 'The groups of the count (constituency × mode × abroad/Belgium) with their sizes', params: electionParams, querystring: minimumQuery, response: { 200: groupsSchema } }, config: { access }, errorHandler: countingErrorHandler },
    async (request) => view(await listGroups(store, request.params.electionId, request.query.minimum)),
  );

  app.post(
    '/api/counting/process/:electionId/groups/prepare',
    { schema: { tags, summary: 'Record the groups and their sizes (after the periods are closed and double votes settled); small groups are flagged', params: electionParams, querystring: minimumQuery, response: { 200: groupsSchema, 404: errorSchema, 409: errorSchema } }, config: { access }, errorHandler: countingErrorHandler },
    async (request) => view(await prepareGroups(store, request.params.electionId, po(request), request.query.minimum)),
  );

  app.post(
    '/api/counting/process/:electionId/groups/merge',
    { schema: { tags, summary: 'PO decision: count a small group together with another group of the same constituency', params: electionParams, body: z.strictObject({ group: groupIdSchema, into: groupIdSchema }), response: { 200: groupsSchema, 400: errorSchema, 409: errorSchema } }, config: { access }, errorHandler: countingErrorHandler },
    async (request) => {
      await mergeGroup(store, request.params.electionId, request.body.group, request.body.into, po(request));
      return view(await listGroups(store, request.params.electionId));
    },
  );

  app.post(
    '/api/counting/process/:electionId/split',
    { schema: { tags, summary: 'Split identities from contents: each group’s counted ciphertexts, without identities, in random order', params: electionParams, querystring: minimumQuery, response: { 200: groupsSchema, 409: errorSchema } }, config: { access }, errorHandler: countingErrorHandler },
    async (request) => view(await splitIdentities(store, request.params.electionId, po(request), request.query.minimum)),
  );

  app.post(
    '/api/counting/process/:electionId/results',
    {
      schema: {
        tags, summary: 'Combine the decryptions of every group with t partial decryptions, classify and count; when all are counted, hash the record and generate the PVs',
        params: electionParams,
        response: { 200: z.object({ counted: z.array(z.string()), waiting: z.array(z.string()), recordHash: z.string().nullable(), pvs: z.number() }), 404: errorSchema, 409: errorSchema },
      },
      config: { access },
      errorHandler: countingErrorHandler,
    },
    async (request) => {
      const actor = po(request);
      const { electionId } = request.params;
      const key = await electionKey(store, electionId);
      const cc = await cryptoOf(app, electionId);
      const counted: string[] = [];
      const waiting: string[] = [];
      for (const g of await groupsToCount(store, electionId)) {
        if (g.ballots === 0 || g.counted) continue;
        if (g.decryptedBy.length < key.threshold) {
          waiting.push(g.groupId);
          continue;
        }
        await tallyGroup(store, cc, electionId, g.groupId, actor);
        counted.push(g.groupId);
      }
      if (waiting.length > 0 || (await groupsToCount(store, electionId)).length === 0) return { counted, waiting, recordHash: null, pvs: 0 };
      const existing = await store.db.selectFrom('counting_pvs').select(['record_hash']).where('election_id', '=', electionId).execute();
      // Nothing new counted: the PVs stand (regenerating would reset their approvals).
      if (counted.length === 0 && existing.length > 0) return { counted, waiting, recordHash: existing[0]?.record_hash ?? null, pvs: existing.length };
      const recordHash = await emitRecord(store, electionId, () => undefined);
      const pvs = await generatePvs(store, electionId, recordHash, actor);
      return { counted, waiting, recordHash, pvs: pvs.length };
    },
  );
}
