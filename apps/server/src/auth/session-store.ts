// Server-side sessions in the database. The browser holds only a random token; the row is keyed by
// its sha256, so a copy of the table lets nobody log in. Idle and absolute expiry; officials' roles
// are read on every request, so a revoked role stops working at once.
import { createHash, randomBytes } from 'node:crypto';
import { sql, type Kysely, type Selectable, type Transaction } from 'kysely';
import type { Schema, SessionTable } from '@isoloir/store';
import type { SessionLifetimes } from './config.ts';
import type { RoleGrant } from './roles.ts';
import type { CallerSession } from './session-types.ts';

export function randomToken(): string {
  return randomBytes(32).toString('base64url');
}

export function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export type NewSession =
  | {
      readonly kind: 'voter';
      readonly electionDayId: string;
      readonly nrn: string;
      readonly level: number;
      readonly idToken: string | null;
      /** How the voter logged in (default CSAM); a passkey session has level 0 (../passkey). */
      readonly method?: 'csam' | 'passkey';
    }
  | { readonly kind: 'official'; readonly officialId: string; readonly level: number; readonly idToken: string | null };

/** Creates a session; returns the token for the cookie. */
export async function createSession(
  trx: Transaction<Schema>,
  session: NewSession,
  lifetimes: SessionLifetimes,
  now: Date,
): Promise<{ token: string; id: string; expiresAt: Date }> {
  const token = randomToken();
  const id = tokenHash(token);
  const expiresAt = new Date(now.getTime() + lifetimes.absoluteMinutes * 60_000);
  await trx
    .insertInto('sessions')
    .values({
      id,
      kind: session.kind,
      election_day_id: session.kind === 'voter' ? session.electionDayId : null,
      voter_nrn: session.kind === 'voter' ? session.nrn : null,
      official_id: session.kind === 'official' ? session.officialId : null,
      assurance_level: session.level,
      login_method: session.kind === 'voter' ? (session.method ?? 'csam') : 'csam',
      csrf_token: randomToken(),
      id_token: session.idToken,
      created_at: now,
      last_seen_at: now,
      expires_at: expiresAt,
    })
    .execute();
  return { token, id, expiresAt };
}

export async function rolesOf(db: Kysely<Schema>, officialId: string): Promise<RoleGrant[]> {
  const rows = await db
    .selectFrom('role_assignments')
    .select(['role', 'scope'])
    .where('official_id', '=', officialId)
    .orderBy('role')
    .orderBy('scope')
    .execute();
  return rows.map((row) => ({ role: row.role, scope: row.scope }));
}

export interface Lifetimes {
  readonly voter: SessionLifetimes;
  readonly official: SessionLifetimes;
}

/** The live session of a token, or null (unknown, expired, idle too long: an expired row is deleted). */
export async function loadSession(
  db: Kysely<Schema>,
  token: string,
  lifetimes: Lifetimes,
  now: Date,
): Promise<CallerSession | null> {
  const id = tokenHash(token);
  // One statement (prepared on PostgreSQL): the session's row and, for an official, their roles as
  // `rolesOf` reads them (same order), read at every request.
  const { rows } = await sql<Selectable<SessionTable> & { roles: RoleGrant[] | string | null }>`/* isoloir:prepared */
    select s.*, case when s.kind = 'official' then (
        select coalesce(json_agg(json_build_object('role', r.role, 'scope', r.scope) order by r.role, r.scope), '[]')
        from role_assignments r where r.official_id = s.official_id
      ) end as roles
    from sessions s where s.id = ${id}`.execute(db);
  const row = rows[0];
  if (row === undefined) return null;
  const idle = lifetimes[row.kind].idleMinutes * 60_000;
  if (row.expires_at.getTime() <= now.getTime() || row.last_seen_at.getTime() + idle <= now.getTime()) {
    await db.deleteFrom('sessions').where('id', '=', id).execute();
    return null;
  }
  if (now.getTime() - row.last_seen_at.getTime() > 30_000)
    await db.updateTable('sessions').set({ last_seen_at: now }).where('id', '=', id).execute();
  const base = { id, assuranceLevel: row.assurance_level, csrfToken: row.csrf_token, expiresAt: row.expires_at };
  if (row.kind === 'voter' && row.election_day_id !== null && row.voter_nrn !== null)
    return {
      ...base,
      kind: 'voter',
      electionDayId: row.election_day_id,
      nrn: row.voter_nrn,
      loginMethod: row.login_method,
    };
  if (row.kind === 'official' && row.official_id !== null)
    return {
      ...base,
      kind: 'official',
      officialId: row.official_id,
      roles: typeof row.roles === 'string' ? (JSON.parse(row.roles) as RoleGrant[]) : (row.roles ?? []),
    };
  return null;
}

export async function idTokenOf(db: Kysely<Schema>, sessionId: string): Promise<string | null> {
  const row = await db.selectFrom('sessions').select('id_token').where('id', '=', sessionId).executeTakeFirst();
  return row?.id_token ?? null;
}

/** Deletes expired sessions and login attempts (called at each login; cheap with the indexes). */
export async function purgeExpired(trx: Transaction<Schema>, now: Date): Promise<void> {
  await trx.deleteFrom('sessions').where('expires_at', '<=', now).execute();
  await trx.deleteFrom('login_attempts').where('expires_at', '<=', now).execute();
}
