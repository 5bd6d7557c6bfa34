// What the voter portal and the booth read: the voter's elections with constituency, mode, period,
// votes used of X and the status of each ballot; the booth's lists, candidates and election key.
import type { Kysely } from 'kysely';
import type { Labels, Schema } from '@isoloir/store';
import { eligibilityOf, ONLINE_MODE, type Eligibility } from './eligibility.ts';
import { boxModeOf } from './period.ts';
import { readPeriod, viewOf, type PeriodView } from './periods.ts';
import type { VotingService } from './service.ts';

export interface BallotStatusView {
  readonly ballotId: string;
  readonly sequence: number;
  readonly trackingCode: string;
  readonly receivedAt: string;
  readonly status: 'received' | 'superseded' | 'cancelled' | 'counted';
  readonly cancellationReason: string | null;
  readonly statusChangedAt: string | null;
}

export interface PortalElection {
  readonly electionId: string;
  readonly kind: string;
  readonly label: Labels;
  /** The voter's constituency or college; null when they choose one of `choices` in the booth. */
  readonly constituency: { readonly code: string; readonly label: Labels } | null;
  readonly choices: { readonly code: string; readonly label: Labels }[];
  /**
   * A linked place (./linked-places.ts): the booth offers this ballot only when the cast's ballot of
   * `electionId` is in `constituency`; null for every other place.
   */
  readonly requires: { readonly electionId: string; readonly constituency: string } | null;
  readonly category: 'belgium' | 'abroad';
  readonly mode: number | null;
  readonly online: boolean;
  readonly keyPublished: boolean;
  readonly period: PeriodView;
  readonly used: number;
  readonly ballots: BallotStatusView[];
}

async function ballotsOf(db: Kysely<Schema>, electionId: string, nrn: string): Promise<BallotStatusView[]> {
  const rows = await db
    .selectFrom('ballots')
    .select(['id', 'sequence', 'tracking_code', 'received_at', 'status', 'cancellation_reason', 'status_changed_at'])
    .where('election_id', '=', electionId)
    .where('voter_nrn', '=', nrn)
    .orderBy('sequence')
    .execute();
  return rows.map((r) => ({
    ballotId: r.id,
    sequence: r.sequence,
    trackingCode: r.tracking_code,
    receivedAt: r.received_at.toISOString(),
    status: r.status,
    cancellationReason: r.cancellation_reason,
    statusChangedAt: r.status_changed_at?.toISOString() ?? null,
  }));
}

async function portalElection(
  service: VotingService,
  place: Eligibility,
  nrn: string,
  now: Date,
): Promise<PortalElection> {
  const { db } = service.store;
  const election = await db
    .selectFrom('elections')
    .select(['kind', 'label'])
    .where('id', '=', place.electionId)
    .executeTakeFirstOrThrow();
  const labels = await db
    .selectFrom('constituencies')
    .select(['code', 'label'])
    .where('election_id', '=', place.electionId)
    .where('code', 'in', [...place.choices])
    .orderBy('code')
    .execute();
  const choices = labels.map((c) => ({ code: c.code, label: c.label }));
  const mode = boxModeOf(place.mode) ?? 'online';
  const period = viewOf(place.electionId, mode, await readPeriod(db, place.electionId, mode), now);
  const ballots = await ballotsOf(db, place.electionId, nrn);
  return {
    electionId: place.electionId,
    kind: election.kind,
    label: election.label,
    constituency: choices.find((c) => c.code === place.constituencyCode) ?? null,
    choices,
    requires: place.requires,
    category: place.category,
    mode: place.mode,
    online: place.mode === ONLINE_MODE,
    keyPublished: (await service.keys.get(place.electionId)) !== undefined,
    period,
    used: ballots.length,
    ballots,
  };
}

export async function portalOf(
  service: VotingService,
  electionDayId: string,
  nrn: string,
  now: Date,
): Promise<PortalElection[]> {
  const places = await eligibilityOf(service.store.db, electionDayId, nrn);
  return Promise.all(places.map((place) => portalElection(service, place, nrn, now)));
}

export interface BoothList {
  readonly number: number;
  readonly label: string;
  readonly effectives: { readonly position: number; readonly name: string }[];
  readonly substitutes: { readonly position: number; readonly name: string }[];
}

export async function boothLists(
  db: Kysely<Schema>,
  electionId: string,
  constituencyCode: string,
): Promise<BoothList[]> {
  const lists = await db
    .selectFrom('party_lists')
    .select(['list_number', 'label'])
    .where('election_id', '=', electionId)
    .where('constituency_code', '=', constituencyCode)
    .orderBy('list_number')
    .execute();
  const candidates = await db
    .selectFrom('candidates')
    .select(['list_number', 'kind', 'position', 'given_name', 'surname'])
    .where('election_id', '=', electionId)
    .where('constituency_code', '=', constituencyCode)
    .orderBy('list_number')
    .orderBy('kind')
    .orderBy('position')
    .execute();
  return lists.map((l) => {
    const of = (kind: 'effective' | 'substitute') =>
      candidates
        .filter((c) => c.list_number === l.list_number && c.kind === kind)
        .map((c) => ({ position: c.position, name: `${c.surname} ${c.given_name}` }));
    return { number: l.list_number, label: l.label, effectives: of('effective'), substitutes: of('substitute') };
  });
}
