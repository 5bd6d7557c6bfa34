// The figures of the operations dashboard for one election, counts only, for the organising
// authority (every constituency) or one main office (its constituency): ballots received per hour
// per mode and Belgium/abroad (online, kiosk), re-votes, cancellations by reason, refusals of casts by
// code (the organising authority only: a refusal names no constituency), hybrid envelopes received per
// day, polling-station lists in, counting groups mixed and decrypted, and (the organising authority
// only) every post's kiosks: last heartbeat, sealed ballots waiting on the kiosk, revoked or not.
// Every count that concerns voters passes through ./suppress.ts.
import type { Store } from '@isoloir/store';
import { sql } from 'kysely';
import { anonymityMinimumOf } from '../counting/anonymity.ts';
import { groupsToCount } from '../counting/mixing.ts';
import { stationStatus } from '../counting/office.ts';
import { suppress } from './suppress.ts';

export interface Cell {
  readonly mode: string;
  readonly category: string;
  /** An hour (`2029-05-27T09:00:00.000Z`) or a day (`2029-05-27`). */
  readonly at: string;
  /** null: fewer than the minimum anonymity set (and more than 0). */
  readonly n: number | null;
}

export interface WatchFigures {
  readonly electionId: string;
  readonly constituency: string | null;
  readonly minimum: number;
  readonly ballotsPerHour: readonly Cell[];
  readonly envelopesPerDay: readonly Cell[];
  readonly superseded: readonly { readonly mode: string; readonly category: string; readonly n: number | null }[];
  readonly cancellations: readonly { readonly reason: string; readonly n: number | null }[];
  /** null for a main office (refusals carry no constituency). */
  readonly refusals: readonly { readonly code: string; readonly n: number | null }[] | null;
  readonly stations: { readonly registered: number; readonly in: number };
  /** null for a main office (kiosks belong to the consular posts). */
  readonly kiosks: readonly KioskState[] | null;
  readonly groups: {
    readonly total: number;
    readonly mixed: number;
    readonly decrypted: number;
    readonly counted: number;
  };
}

/** A kiosk as its last heartbeat left it (../kiosk/device.ts). */
export interface KioskState {
  readonly post: string;
  readonly label: string;
  readonly lastSeenAt: string | null;
  /** Sealed ballots the kiosk held at its last heartbeat, waiting to be sent. */
  readonly queued: number;
  readonly revoked: boolean;
}

export async function watchFigures(
  store: Store,
  electionId: string,
  constituency: string | null,
): Promise<WatchFigures> {
  const minimum = await anonymityMinimumOf(store.db, electionId);
  const where = constituency === null ? sql`` : sql` and constituency_code = ${constituency}`;
  const hours = await sql<{ mode: string; category: string; at: Date; n: string }>`
    select mode, category, date_trunc('hour', received_at) as at, count(*)::text as n from ballots
     where election_id = ${electionId}${where} group by 1, 2, 3 order by 3, 1, 2`.execute(store.db);
  const superseded = await sql<{ mode: string; category: string; n: string }>`
    select mode, category, count(*)::text as n from ballots
     where election_id = ${electionId} and status = 'superseded'${where} group by 1, 2 order by 1, 2`.execute(store.db);
  const cancelled = await sql<{ reason: string | null; n: string }>`
    select cancellation_reason as reason, count(*)::text as n from ballots
     where election_id = ${electionId} and status = 'cancelled'${where} group by 1 order by 1`.execute(store.db);
  const refusals =
    constituency === null
      ? await sql<{ code: string | null; n: string }>`
          select details->>'code' as code, count(*)::text as n from audit_log
           where action = 'ballot.refused' and subject = ${electionId} group by 1 order by 1`.execute(store.db)
      : null;
  const election = await store.db
    .selectFrom('elections')
    .select('election_day_id')
    .where('id', '=', electionId)
    .executeTakeFirstOrThrow();
  const office = constituency === null ? sql`` : sql` and office = ${constituency}`;
  const days = await sql<{ category: string | null; at: string; n: string }>`
    select category, to_char(received_at, 'YYYY-MM-DD') as at, count(*)::text as n from hybrid_envelopes
     where election_day_id = ${election.election_day_id}${office} group by 1, 2 order by 2, 1`.execute(store.db);
  const constituencies =
    constituency === null
      ? (
          await store.db.selectFrom('constituencies').select('code').where('election_id', '=', electionId).execute()
        ).map((c) => c.code)
      : [constituency];
  let registered = 0;
  let stationsIn = 0;
  for (const code of constituencies) {
    const s = await stationStatus(store, electionId, code);
    registered += s.length;
    stationsIn += s.filter((x) => x.done).length;
  }
  const key = await store.db
    .selectFrom('election_keys')
    .select('threshold')
    .where('election_id', '=', electionId)
    .executeTakeFirst();
  const threshold = key?.threshold ?? Number.POSITIVE_INFINITY;
  const groups = (await groupsToCount(store, electionId)).filter(
    (g) => constituency === null || g.groupId.startsWith(`${constituency}/`),
  );
  const kiosks =
    constituency === null
      ? await store.db
          .selectFrom('kiosks')
          .select(['post_code', 'label', 'last_seen_at', 'queued', 'revoked_at'])
          .orderBy('post_code')
          .orderBy('enrolled_at')
          .orderBy('id')
          .execute()
      : null;
  const hide = (n: string): number | null => suppress(Number(n), minimum);
  return {
    electionId,
    constituency,
    minimum,
    ballotsPerHour: hours.rows.map((r) => ({
      mode: r.mode,
      category: r.category,
      at: new Date(r.at).toISOString(),
      n: hide(r.n),
    })),
    envelopesPerDay: days.rows.map((r) => ({
      mode: 'hybrid',
      category: r.category ?? 'unknown',
      at: r.at,
      n: hide(r.n),
    })),
    superseded: superseded.rows.map((r) => ({ mode: r.mode, category: r.category, n: hide(r.n) })),
    cancellations: cancelled.rows.map((r) => ({ reason: r.reason ?? 'other', n: hide(r.n) })),
    refusals: refusals === null ? null : refusals.rows.map((r) => ({ code: r.code ?? 'other', n: hide(r.n) })),
    stations: { registered, in: stationsIn },
    kiosks:
      kiosks === null
        ? null
        : kiosks.map((k) => ({
            post: k.post_code,
            label: k.label,
            lastSeenAt: k.last_seen_at?.toISOString() ?? null,
            queued: k.queued,
            revoked: k.revoked_at !== null,
          })),
    groups: {
      total: groups.length,
      mixed: groups.filter((g) => g.shuffles >= threshold).length,
      decrypted: groups.filter((g) => g.decryptedBy.length >= threshold).length,
      counted: groups.filter((g) => g.counted).length,
    },
  };
}
