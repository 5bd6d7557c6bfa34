// The count of each constituency main office, run by its president (role `president`, scoped to the
// constituency) or the organising authority (PO): the polling stations whose list must be in (or be
// waived, with a reason) before the split, the office's members, place and session times, the
// groups and the minimum-anonymity merges (by rule), the identity split once every electronic period
// is closed and every double vote of the constituency settled, and the results (decryptions
// combined, classification, PVs). One constituency never waits for another.
import { z } from 'zod';
import type { FastifyRequest } from 'fastify';
import type { AppInstance } from '../app-instance.ts';
import type { Store } from '@isoloir/store';
import { requireScope } from '../auth/caller.ts';
import { anonymityMinimumOf } from '../counting/anonymity.ts';
import { groupsToCount } from '../counting/mixing.ts';
import {
  addObservation,
  markSession,
  officeInfo,
  registerStations,
  setOfficeDetails,
  stationStatus,
  waiveStation,
  type OfficeInfo,
  type StationStatus,
} from '../counting/office.ts';
import { countConstituency } from '../counting/results.ts';
import { listGroups, prepareGroups, splitIdentities, type GroupSummary } from '../counting/split.ts';
import type { CountingActor } from '../counting/errors.ts';
import { errorSchema } from './schemas.ts';
import { actorOf, constituencyParams, countingErrorHandler, cryptoOf, electionParams } from './counting-common.ts';

const access = { roles: ['po-admin', 'president'] } as const;
const tags = ['counting: constituency main office (president, PO)'];

const groupSchema = z.object({
  groupId: z.string(),
  constituency: z.string(),
  mode: z.string(),
  category: z.string(),
  ballots: z.number(),
  small: z.boolean(),
  mergedInto: z.string().nullable(),
  mergeRule: z.enum(['abroad-with-belgium', 'across-modes']).nullable(),
  state: z.enum(['waiting', 'split', 'counted', 'withheld']),
  stateAt: z.string().nullable(),
});
const groupsSchema = z.object({ minimum: z.number(), groups: z.array(groupSchema) });
const stationSchema = z.object({
  station: z.string(),
  lists: z.number(),
  voters: z.number(),
  waivedReason: z.string().nullable(),
  waivedAt: z.string().nullable(),
  done: z.boolean(),
});
const memberSchema = z.object({
  role: z.enum(['president', 'secretary', 'assessor', 'substitute', 'witness']),
  name: z.string().trim().min(1).max(200),
  listNumber: z.number().int().min(1).max(999).nullable(),
});
const officeSchema = z.object({
  place: z.string(),
  openedAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  splitAt: z.string().nullable(),
  members: z.array(memberSchema),
  observations: z.array(
    z.object({
      id: z.string(),
      kind: z.enum(['observation', 'claim', 'contested']),
      author: z.string(),
      text: z.string(),
      recordedAt: z.string(),
    }),
  ),
});
const overviewSchema = z.object({
  election: z.string(),
  constituency: z.string(),
  minimum: z.number(),
  pendingDoubleVotes: z.number(),
  stations: z.array(stationSchema),
  groups: z.array(groupSchema),
  trustees: z.object({
    threshold: z.number(),
    work: z.array(
      z.object({ groupId: z.string(), shuffles: z.number(), decryptions: z.number(), counted: z.boolean() }),
    ),
  }),
  office: officeSchema,
});

const groupsView = async (
  store: Store,
  electionId: string,
  groups: readonly GroupSummary[],
): Promise<z.infer<typeof groupsSchema>> => ({
  minimum: await anonymityMinimumOf(store.db, electionId),
  groups: groups.map((g) => ({ ...g, stateAt: g.stateAt?.toISOString() ?? null })),
});
const stationsView = (s: readonly StationStatus[]): z.infer<typeof stationSchema>[] =>
  s.map((x) => ({
    station: x.station,
    lists: x.lists,
    voters: x.voters,
    waivedReason: x.waivedReason,
    waivedAt: x.waivedAt?.toISOString() ?? null,
    done: x.done,
  }));
const officeView = (o: OfficeInfo): z.infer<typeof officeSchema> => ({
  place: o.place,
  openedAt: o.openedAt?.toISOString() ?? null,
  closedAt: o.closedAt?.toISOString() ?? null,
  splitAt: o.splitAt?.toISOString() ?? null,
  members: o.members.map((m) => ({ ...m })),
  observations: o.observations.map((x) => ({ ...x, recordedAt: x.recordedAt.toISOString() })),
});

const route = (path: string): string => `/api/counting/process/:electionId/constituencies/:constituency${path}`;

export function countingProcessRoutes(app: AppInstance): void {
  const { store } = app.context;
  /** The president of this constituency, or the PO (any constituency). */
  const office = (request: FastifyRequest<{ Params: { constituency: string } }>): CountingActor => {
    requireScope(request, ['president', 'po-admin'], request.params.constituency);
    return actorOf(request);
  };

  app.get(
    '/api/counting/process/:electionId/groups',
    {
      schema: {
        tags,
        summary: 'PO: the groups of every constituency with their sizes, merges and state',
        params: electionParams,
        response: { 200: groupsSchema, 403: errorSchema },
      },
      config: { access: { roles: ['po-admin'] } },
      errorHandler: countingErrorHandler,
    },
    async (request) => {
      requireScope(request, 'po-admin', '*');
      return groupsView(store, request.params.electionId, await listGroups(store, request.params.electionId));
    },
  );

  app.get(
    route(''),
    {
      schema: {
        tags,
        summary:
          'The count of my constituency: polling stations, double votes pending, groups and merges, trustees’ work, the office',
        params: constituencyParams,
        response: { 200: overviewSchema, 403: errorSchema, 404: errorSchema },
      },
      config: { access },
      errorHandler: countingErrorHandler,
    },
    async (request) => {
      office(request);
      const { electionId, constituency } = request.params;
      const info = await officeInfo(store, electionId, constituency);
      const pending = await store.db
        .selectFrom('double_votes')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .where('election_id', '=', electionId)
        .where('constituency_code', '=', constituency)
        .where('status', '!=', 'cancelled')
        .executeTakeFirst();
      const key = await store.db
        .selectFrom('election_keys')
        .select('threshold')
        .where('election_id', '=', electionId)
        .executeTakeFirst();
      const work = (await groupsToCount(store, electionId)).filter((g) => g.groupId.startsWith(`${constituency}/`));
      return {
        election: electionId,
        constituency,
        minimum: await anonymityMinimumOf(store.db, electionId),
        pendingDoubleVotes: Number(pending?.n ?? 0),
        stations: stationsView(await stationStatus(store, electionId, constituency)),
        groups: (await groupsView(store, electionId, await listGroups(store, electionId, constituency))).groups,
        trustees: {
          threshold: key?.threshold ?? 0,
          work: work.map((w) => ({
            groupId: w.groupId,
            shuffles: w.shuffles,
            decryptions: w.decryptedBy.length,
            counted: w.counted,
          })),
        },
        office: officeView(info),
      };
    },
  );

  app.post(
    route('/stations'),
    {
      schema: {
        tags,
        summary: 'Register the polling stations whose list this office expects (names as on the list imports)',
        params: constituencyParams,
        body: z.strictObject({ stations: z.array(z.string().trim().min(1).max(200)).min(1).max(5000) }),
        response: {
          200: z.object({ stations: z.array(stationSchema) }),
          400: errorSchema,
          403: errorSchema,
          409: errorSchema,
        },
      },
      config: { access },
      errorHandler: countingErrorHandler,
    },
    async (request) => ({
      stations: stationsView(
        await registerStations(
          store,
          request.params.electionId,
          request.params.constituency,
          request.body.stations,
          office(request),
        ),
      ),
    }),
  );

  app.post(
    route('/stations/waive'),
    {
      schema: {
        tags,
        summary: 'Waive a polling station whose list will not come, with a reason (audited)',
        params: constituencyParams,
        body: z.strictObject({ station: z.string().trim().min(1).max(200), reason: z.string().max(500) }),
        response: {
          200: z.object({ stations: z.array(stationSchema) }),
          400: errorSchema,
          403: errorSchema,
          404: errorSchema,
          409: errorSchema,
        },
      },
      config: { access },
      errorHandler: countingErrorHandler,
    },
    async (request) => ({
      stations: stationsView(
        await waiveStation(
          store,
          request.params.electionId,
          request.params.constituency,
          request.body.station,
          request.body.reason,
          office(request),
        ),
      ),
    }),
  );

  app.put(
    route('/office'),
    {
      schema: {
        tags,
        summary: 'Where the office sits, its members and the witnesses (printed on the PV)',
        params: constituencyParams,
        body: z.strictObject({ place: z.string().trim().max(200), members: z.array(memberSchema).max(50) }),
        response: { 200: officeSchema, 403: errorSchema, 409: errorSchema },
      },
      config: { access },
      errorHandler: countingErrorHandler,
    },
    async (request) =>
      officeView(
        await setOfficeDetails(
          store,
          request.params.electionId,
          request.params.constituency,
          request.body,
          office(request),
        ),
      ),
  );

  app.post(
    route('/session'),
    {
      schema: {
        tags,
        summary: 'Open or close the office’s session (the times printed on the PV)',
        params: constituencyParams,
        body: z.strictObject({ action: z.enum(['open', 'close']) }),
        response: { 200: officeSchema, 403: errorSchema, 409: errorSchema },
      },
      config: { access },
      errorHandler: countingErrorHandler,
    },
    async (request) =>
      officeView(
        await markSession(
          store,
          request.params.electionId,
          request.params.constituency,
          request.body.action,
          office(request),
        ),
      ),
  );

  app.post(
    route('/observations'),
    {
      schema: {
        tags,
        summary: 'Enter an observation, a claim or a contested ballot in the PV',
        params: constituencyParams,
        body: z.strictObject({
          kind: z.enum(['observation', 'claim', 'contested']),
          author: z.string().trim().min(1).max(200),
          text: z.string().trim().min(1).max(2000),
        }),
        response: { 200: officeSchema, 403: errorSchema },
      },
      config: { access },
      errorHandler: countingErrorHandler,
    },
    async (request) =>
      officeView(
        await addObservation(
          store,
          request.params.electionId,
          request.params.constituency,
          request.body,
          office(request),
        ),
      ),
  );

  app.post(
    route('/groups/prepare'),
    {
      schema: {
        tags,
        summary:
          'Record the groups and their sizes; groups below the minimum anonymity set are merged by rule (audited)',
        params: constituencyParams,
        response: { 200: groupsSchema, 403: errorSchema, 404: errorSchema, 409: errorSchema },
      },
      config: { access },
      errorHandler: countingErrorHandler,
    },
    async (request) =>
      groupsView(
        store,
        request.params.electionId,
        await prepareGroups(store, request.params.electionId, request.params.constituency, office(request)),
      ),
  );

  app.post(
    route('/split'),
    {
      schema: {
        tags,
        summary:
          'Split identities from contents for this constituency: refused until every polling station reported or is waived, every period closed, every double vote settled',
        params: constituencyParams,
        response: { 200: groupsSchema, 403: errorSchema, 409: errorSchema },
      },
      config: { access },
      errorHandler: countingErrorHandler,
    },
    async (request) =>
      groupsView(
        store,
        request.params.electionId,
        await splitIdentities(store, request.params.electionId, request.params.constituency, office(request)),
      ),
  );

  app.post(
    route('/results'),
    {
      schema: {
        tags,
        summary:
          'Combine the decryptions of every set of this constituency with t partial decryptions, classify and count; when all are counted, generate its PVs (with the record’s hash once the whole election is counted)',
        params: constituencyParams,
        response: {
          200: z.object({
            counted: z.array(z.string()),
            waiting: z.array(z.string()),
            recordHash: z.string().nullable(),
            pvs: z.number(),
          }),
          403: errorSchema,
          404: errorSchema,
          409: errorSchema,
        },
      },
      config: { access },
      errorHandler: countingErrorHandler,
    },
    async (request) => {
      const actor = office(request);
      const cc = await cryptoOf(app, request.params.electionId);
      const r = await countConstituency(store, cc, request.params.electionId, request.params.constituency, actor);
      return { counted: [...r.counted], waiting: [...r.waiting], recordHash: r.recordHash, pvs: r.pvs };
    },
  );
}
