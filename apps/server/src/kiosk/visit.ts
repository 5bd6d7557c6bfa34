// A voter's visit to a kiosk: the voter has logged in through CSAM on the kiosk (at the level the
// day requires, and by CSAM unless the setup lets mode 8 use a passkey); the kiosk, signing, asks
// for a visit. The server checks the voter is in the mode-8 file at this kiosk's post and has not
// voted at a kiosk yet, and answers a random token (kept as its SHA-256) that authorises this kiosk
// to cast this voter's ballots, even after the voter has left (store and forward). One transaction
// with its audit entry, which names the voter by pseudonym.
import { randomBytes } from 'node:crypto';
import { appendAudit, type Store } from '@isoloir/store';
import { sql } from 'kysely';
import type { VoterSession } from '../auth/session-types.ts';
import { AppError } from '../errors.ts';
import { voterActor, type KeyedHasher } from '../secrets/pseudonyms.ts';
import { KIOSK_MODE } from '../voting/eligibility.ts';
import type { KioskRow } from './device.ts';
import { sha256Hex } from './enrolment.ts';

/** How long a kiosk may hold a sealed ballot and still forward it (the period's end also applies). */
export const VISIT_HOURS = 48;

export interface Visit {
  readonly visit: string;
  readonly electionDayId: string;
  readonly expiresAt: string;
}

interface VoterFacts {
  readonly kiosk_posts: (string | null)[] | null;
  readonly kiosk_ballots: number;
  readonly kiosk_rule: string | null;
}

export async function openVisit(
  store: Store,
  secret: KeyedHasher,
  kiosk: KioskRow,
  voter: VoterSession,
  now: Date,
): Promise<Visit> {
  const { electionDayId, nrn } = voter;
  const { rows } = await sql<VoterFacts>`
    select (select array_agg(kiosk_post) from frozen_voters
             where election_day_id = ${electionDayId} and nrn = ${nrn} and mode = ${KIOSK_MODE}) as kiosk_posts,
           (select count(*)::integer from ballots b join elections e on e.id = b.election_id
             where e.election_day_id = ${electionDayId} and b.voter_nrn = ${nrn} and b.mode = 'kiosk') as kiosk_ballots,
           (select s.mode_authentication ->> 'kiosk' from election_day_settings s
             where s.election_day_id = ${electionDayId}) as kiosk_rule`.execute(store.db);
  const facts = rows[0];
  if (voter.loginMethod !== 'csam' && facts?.kiosk_rule !== 'csam-or-passkey') throw new AppError('auth.level-too-low');
  const posts = facts?.kiosk_posts ?? [];
  if (posts.length === 0) throw new AppError('kiosk.not-registered');
  if (!posts.includes(kiosk.post)) throw new AppError('kiosk.foreign-post');
  if ((facts?.kiosk_ballots ?? 0) > 0) throw new AppError('kiosk.already-voted');
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + VISIT_HOURS * 3_600_000);
  await store.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('kiosk_visits')
      .values({
        token_hash: sha256Hex(token),
        kiosk_id: kiosk.id,
        election_day_id: electionDayId,
        nrn,
        created_at: now,
        expires_at: expiresAt,
      })
      .execute();
    await appendAudit(
      trx,
      {
        actor: voterActor(secret, electionDayId, nrn),
        action: 'kiosk.visit.opened',
        subject: kiosk.post,
        details: { kioskId: kiosk.id },
      },
      now,
    );
  });
  return { visit: token, electionDayId, expiresAt: expiresAt.toISOString() };
}

/** The voter a visit token stands for, when it was issued to this kiosk and has not expired. */
export async function visitOf(
  store: Store,
  kioskId: string,
  token: string,
  now: Date,
): Promise<{ readonly hash: string; readonly electionDayId: string; readonly nrn: string }> {
  const hash = sha256Hex(token);
  const row = await store.db
    .selectFrom('kiosk_visits')
    .select(['election_day_id', 'nrn', 'kiosk_id', 'expires_at'])
    .where('token_hash', '=', hash)
    .executeTakeFirst();
  if (row?.kiosk_id !== kioskId || row.expires_at.getTime() <= now.getTime()) throw new AppError('kiosk.visit-invalid');
  return { hash, electionDayId: row.election_day_id, nrn: row.nrn };
}
