// A constituency main office as the count sees it: the polling stations whose list must be in
// before the split (or be waived with a reason), its members and witnesses, where and when it sat,
// and the observations, claims and contested ballots it entered. Every change in one transaction
// with its audit entry. The president of the constituency (or the organising authority) acts here.
import { appendAudit, type ObservationKind, type OfficeMemberRole, type Store } from '@isoloir/store';
import type { Kysely, Transaction } from 'kysely';
import type { Schema } from '@isoloir/store';
import { CountingError, type CountingActor } from './errors.ts';

export interface StationStatus {
  readonly station: string;
  /** Lists imported for this station (any time, for the election day). */
  readonly lists: number;
  readonly voters: number;
  readonly waivedReason: string | null;
  readonly waivedBy: string | null;
  readonly waivedAt: Date | null;
  readonly done: boolean;
}

export interface OfficeMember {
  readonly role: OfficeMemberRole;
  readonly name: string;
  /** The list that designated a witness. */
  readonly listNumber: number | null;
}

export interface Observation {
  readonly id: string;
  readonly kind: ObservationKind;
  readonly author: string;
  readonly text: string;
  readonly recordedAt: Date;
}

export interface OfficeInfo {
  readonly place: string;
  readonly openedAt: Date | null;
  readonly closedAt: Date | null;
  readonly splitAt: Date | null;
  readonly members: readonly OfficeMember[];
  readonly observations: readonly Observation[];
}

type Db = Kysely<Schema> | Transaction<Schema>;

async function ensureConstituency(db: Db, electionId: string, constituency: string): Promise<string> {
  const row = await db
    .selectFrom('constituencies as c')
    .innerJoin('elections as e', 'e.id', 'c.election_id')
    .select('e.election_day_id')
    .where('c.election_id', '=', electionId)
    .where('c.code', '=', constituency)
    .executeTakeFirst();
  if (row === undefined)
    throw new CountingError('counting.not-found', `no constituency ${constituency} in election ${electionId}`);
  return row.election_day_id;
}

/** The office's row, created on first use. */
export async function ensureOffice(db: Db, electionId: string, constituency: string): Promise<void> {
  await ensureConstituency(db, electionId, constituency);
  await db
    .insertInto('counting_offices')
    .values({
      election_id: electionId,
      constituency_code: constituency,
      opened_at: null,
      closed_at: null,
      split_at: null,
      split_by: null,
    })
    .onConflict((oc) => oc.columns(['election_id', 'constituency_code']).doNothing())
    .execute();
}

/** Split, or withheld (below the minimum anonymity set): the constituency's ballots are settled for good. */
export async function isSplit(db: Db, electionId: string, constituency: string): Promise<boolean> {
  const row = await db
    .selectFrom('counting_offices')
    .select(['split_at', 'withheld_at'])
    .where('election_id', '=', electionId)
    .where('constituency_code', '=', constituency)
    .executeTakeFirst();
  return row !== undefined && (row.split_at !== null || row.withheld_at !== null);
}

async function refuseIfSplit(
  store: Store,
  electionId: string,
  constituency: string,
  actor: CountingActor,
  what: string,
): Promise<void> {
  if (!(await isSplit(store.db, electionId, constituency))) return;
  await store.db.transaction().execute((trx) =>
    appendAudit(trx, {
      actor: actor.id,
      action: 'counting.office.refused',
      subject: `${electionId}/${constituency}`,
      details: { refused: 'counting.already-split', what },
    }),
  );
  throw new CountingError(
    'counting.already-split',
    `the identities of ${constituency} are already split: ${what} can no longer change`,
  );
}

/** Registers the polling stations whose list the office expects (names as on the list imports); adds to those registered. */
export async function registerStations(
  store: Store,
  electionId: string,
  constituency: string,
  stations: readonly string[],
  actor: CountingActor,
): Promise<StationStatus[]> {
  const names = [...new Set(stations.map((s) => s.trim()).filter((s) => s !== ''))];
  if (names.length === 0) throw new CountingError('counting.file', 'no polling station given');
  await refuseIfSplit(store, electionId, constituency, actor, 'the polling stations');
  await store.db.transaction().execute(async (trx) => {
    await ensureOffice(trx, electionId, constituency);
    await trx
      .insertInto('counting_stations')
      .values(
        names.map((station) => ({
          election_id: electionId,
          constituency_code: constituency,
          station,
          registered_by: actor.id,
        })),
      )
      .onConflict((oc) => oc.columns(['election_id', 'constituency_code', 'station']).doNothing())
      .execute();
    await appendAudit(trx, {
      actor: actor.id,
      action: 'counting.stations.registered',
      subject: `${electionId}/${constituency}`,
      details: { stations: names },
    });
  });
  return stationStatus(store, electionId, constituency);
}

/** Waives a station whose list will not come, with a reason (audited); the split may then go ahead without it. */
export async function waiveStation(
  store: Store,
  electionId: string,
  constituency: string,
  station: string,
  reason: string,
  actor: CountingActor,
): Promise<StationStatus[]> {
  const why = reason.trim();
  if (why.length < 3) throw new CountingError('counting.reason', 'a waiver needs a reason (at least 3 characters)');
  await refuseIfSplit(store, electionId, constituency, actor, 'the polling stations');
  await store.db.transaction().execute(async (trx) => {
    const res = await trx
      .updateTable('counting_stations')
      .set({ waived_reason: why, waived_by: actor.id, waived_at: new Date() })
      .where('election_id', '=', electionId)
      .where('constituency_code', '=', constituency)
      .where('station', '=', station)
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1)
      throw new CountingError('counting.not-found', `no polling station ${station} registered for ${constituency}`);
    await appendAudit(trx, {
      actor: actor.id,
      action: 'counting.station.waived',
      subject: `${electionId}/${constituency}`,
      details: { station, reason: why },
    });
  });
  return stationStatus(store, electionId, constituency);
}

/** Each registered station: lists imported, voters on them, waiver; done when a list is in or it is waived. */
export async function stationStatus(
  store: Store | { db: Db },
  electionId: string,
  constituency: string,
): Promise<StationStatus[]> {
  const dayId = await ensureConstituency(store.db, electionId, constituency);
  const stations = await store.db
    .selectFrom('counting_stations')
    .selectAll()
    .where('election_id', '=', electionId)
    .where('constituency_code', '=', constituency)
    .orderBy('station')
    .execute();
  if (stations.length === 0) return [];
  const names = stations.map((s) => s.station);
  const imports = await store.db
    .selectFrom('polling_station_imports')
    .select([
      'station',
      (eb) => eb.fn.countAll<string>().as('lists'),
      (eb) => eb.fn.sum<string>('accepted').as('voters'),
    ])
    .where('election_day_id', '=', dayId)
    .where('station', 'in', names)
    .groupBy('station')
    .execute();
  return stations.map((s) => {
    const imp = imports.find((i) => i.station === s.station);
    const lists = Number(imp?.lists ?? 0);
    return {
      station: s.station,
      lists,
      voters: Number(imp?.voters ?? 0),
      waivedReason: s.waived_reason,
      waivedBy: s.waived_by,
      waivedAt: s.waived_at,
      done: lists > 0 || s.waived_reason !== null,
    };
  });
}

/** Sets where the office sits, its members and witnesses (replacing those set before). */
export async function setOfficeDetails(
  store: Store,
  electionId: string,
  constituency: string,
  details: { readonly place: string; readonly members: readonly OfficeMember[] },
  actor: CountingActor,
): Promise<OfficeInfo> {
  await store.db.transaction().execute(async (trx) => {
    await ensureOffice(trx, electionId, constituency);
    const closed = await trx
      .selectFrom('counting_offices')
      .select('closed_at')
      .where('election_id', '=', electionId)
      .where('constituency_code', '=', constituency)
      .executeTakeFirstOrThrow();
    if (closed.closed_at !== null) throw new CountingError('counting.state', 'the session of the office is closed');
    await trx
      .updateTable('counting_offices')
      .set({ place: details.place.trim() })
      .where('election_id', '=', electionId)
      .where('constituency_code', '=', constituency)
      .execute();
    await trx
      .deleteFrom('counting_office_members')
      .where('election_id', '=', electionId)
      .where('constituency_code', '=', constituency)
      .execute();
    if (details.members.length > 0) {
      await trx
        .insertInto('counting_office_members')
        .values(
          details.members.map((m, i) => ({
            election_id: electionId,
            constituency_code: constituency,
            position: i + 1,
            role: m.role,
            name: m.name.trim(),
            list_number: m.role === 'witness' ? (m.listNumber ?? 1) : null,
          })),
        )
        .execute();
    }
    await appendAudit(trx, {
      actor: actor.id,
      action: 'counting.office.details',
      subject: `${electionId}/${constituency}`,
      details: {
        place: details.place.trim(),
        members: details.members.map((m) => ({ role: m.role, name: m.name, listNumber: m.listNumber })),
      },
    });
  });
  return officeInfo(store, electionId, constituency);
}

/** Opens (the first time) or closes the office's session: the times printed on the PV. */
export async function markSession(
  store: Store,
  electionId: string,
  constituency: string,
  what: 'open' | 'close',
  actor: CountingActor,
  now = new Date(),
): Promise<OfficeInfo> {
  await store.db.transaction().execute(async (trx) => {
    await ensureOffice(trx, electionId, constituency);
    const row = await trx
      .selectFrom('counting_offices')
      .select(['opened_at', 'closed_at'])
      .where('election_id', '=', electionId)
      .where('constituency_code', '=', constituency)
      .forUpdate()
      .executeTakeFirstOrThrow();
    if (what === 'open' && row.opened_at !== null)
      throw new CountingError('counting.state', 'the session is already open');
    if (what === 'close' && (row.opened_at === null || row.closed_at !== null))
      throw new CountingError(
        'counting.state',
        row.opened_at === null ? 'the session is not open' : 'the session is already closed',
      );
    await trx
      .updateTable('counting_offices')
      .set(what === 'open' ? { opened_at: now } : { closed_at: now })
      .where('election_id', '=', electionId)
      .where('constituency_code', '=', constituency)
      .execute();
    await appendAudit(
      trx,
      {
        actor: actor.id,
        action: what === 'open' ? 'counting.office.opened' : 'counting.office.closed',
        subject: `${electionId}/${constituency}`,
        details: { at: now.toISOString() },
      },
      now,
    );
  });
  return officeInfo(store, electionId, constituency);
}

/** Enters an observation, a claim or a contested ballot in the PV. */
export async function addObservation(
  store: Store,
  electionId: string,
  constituency: string,
  o: { readonly kind: ObservationKind; readonly author: string; readonly text: string },
  actor: CountingActor,
): Promise<OfficeInfo> {
  await store.db.transaction().execute(async (trx) => {
    await ensureOffice(trx, electionId, constituency);
    await trx
      .insertInto('counting_observations')
      .values({
        election_id: electionId,
        constituency_code: constituency,
        kind: o.kind,
        author: o.author.trim(),
        text: o.text.trim(),
        recorded_by: actor.id,
      })
      .execute();
    await appendAudit(trx, {
      actor: actor.id,
      action: 'counting.observation.added',
      subject: `${electionId}/${constituency}`,
      details: { kind: o.kind, author: o.author.trim(), text: o.text.trim() },
    });
  });
  return officeInfo(store, electionId, constituency);
}

export async function officeInfo(
  store: Store | { db: Db },
  electionId: string,
  constituency: string,
): Promise<OfficeInfo> {
  await ensureConstituency(store.db, electionId, constituency);
  const o = await store.db
    .selectFrom('counting_offices')
    .selectAll()
    .where('election_id', '=', electionId)
    .where('constituency_code', '=', constituency)
    .executeTakeFirst();
  const members = await store.db
    .selectFrom('counting_office_members')
    .selectAll()
    .where('election_id', '=', electionId)
    .where('constituency_code', '=', constituency)
    .orderBy('position')
    .execute();
  const obs = await store.db
    .selectFrom('counting_observations')
    .selectAll()
    .where('election_id', '=', electionId)
    .where('constituency_code', '=', constituency)
    .orderBy('id')
    .execute();
  return {
    place: o?.place ?? '',
    openedAt: o?.opened_at ?? null,
    closedAt: o?.closed_at ?? null,
    splitAt: o?.split_at ?? null,
    members: members.map((m) => ({ role: m.role, name: m.name, listNumber: m.list_number })),
    observations: obs.map((x) => ({
      id: String(x.id),
      kind: x.kind,
      author: x.author,
      text: x.text,
      recordedAt: x.recorded_at,
    })),
  };
}

/**
 * The offices (election/constituency) already split that a polling-station list would touch: the
 * station is registered with one of them, or a voter on the list has a ballot to count there. A
 * list arriving after the split can no longer cancel anything, so it is refused, not half-used.
 */
export async function splitOfficesTouchedBy(
  db: Db,
  dayId: string,
  station: string,
  nrns: readonly string[],
): Promise<string[]> {
  const split = await db
    .selectFrom('counting_offices as o')
    .innerJoin('elections as e', 'e.id', 'o.election_id')
    .select(['o.election_id', 'o.constituency_code'])
    .where('e.election_day_id', '=', dayId)
    // Split, or withheld (its ballots set for good): either way its double votes are settled.
    .where((eb) => eb.or([eb('o.split_at', 'is not', null), eb('o.withheld_at', 'is not', null)]))
    .execute();
  if (split.length === 0) return [];
  const touched = new Set<string>();
  const registered = await db
    .selectFrom('counting_stations')
    .select(['election_id', 'constituency_code'])
    .where('station', '=', station)
    .execute();
  for (const r of registered)
    if (split.some((s) => s.election_id === r.election_id && s.constituency_code === r.constituency_code))
      touched.add(`${r.election_id}/${r.constituency_code}`);
  for (let i = 0; i < nrns.length; i += 5000) {
    const rows = await db
      .selectFrom('ballots')
      .select(['election_id', 'constituency_code'])
      .distinct()
      .where('voter_nrn', 'in', nrns.slice(i, i + 5000))
      .where('election_id', 'in', [...new Set(split.map((s) => s.election_id))])
      .where('status', 'in', ['received', 'counted'])
      .execute();
    for (const r of rows)
      if (split.some((s) => s.election_id === r.election_id && s.constituency_code === r.constituency_code))
        touched.add(`${r.election_id}/${r.constituency_code}`);
  }
  return [...touched].sort();
}
