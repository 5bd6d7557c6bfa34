// Login, step by step, with its database side: the attempt in flight (state, nonce, PKCE verifier
// kept server-side, bound to the browser by a cookie), the verified identity, the voter or
// official it names, and then either a new session or a refusal, each with its audit entry in the
// same transaction.
import { appendAudit, type Schema } from '@isoloir/store';
import { sql, type Kysely } from 'kysely';
import type { ErrorCode } from '../errors.ts';
import { readIdentity, type Identity } from './login-policy.ts';
import { voterActor } from '../secrets/pseudonyms.ts';
import { LoginError } from './relying-party.ts';
import type { AuthRuntime } from './runtime.ts';
import { createSession, purgeExpired, randomToken, tokenHash, type NewSession } from './session-store.ts';

export type Audience = 'voter' | 'official';

const ATTEMPT_MINUTES = 10;

/**
 * A pseudonym for a voter in the audit log (the log never holds a national register number): a
 * keyed hash under the server secret, per election day (../secrets/pseudonyms.ts).
 */
export { voterActor };

export function officialActor(officialId: string): string {
  return `official:${officialId}`;
}

/** Starts a login: returns where to send the browser and the token for its login cookie. */
export async function beginLogin(
  runtime: AuthRuntime,
  db: Kysely<Schema>,
  audience: Audience,
  redirectUri: string,
  fresh = false,
): Promise<{ url: URL; token: string; maxAgeSeconds: number }> {
  const rp = runtime.relyingParty;
  if (rp === undefined) throw new LoginError('auth.unavailable', new Error('no OpenID Connect provider configured'));
  const oidc = runtime.options.oidc;
  const start = await rp.begin(
    redirectUri,
    audience === 'official' ? (oidc?.officialScopes ?? '') : (oidc?.voterScopes ?? ''),
    fresh,
  );
  const token = randomToken();
  const now = runtime.now();
  await db
    .insertInto('login_attempts')
    .values({
      id: tokenHash(token),
      state: start.state,
      nonce: start.nonce,
      code_verifier: start.codeVerifier,
      audience,
      created_at: now,
      expires_at: new Date(now.getTime() + ATTEMPT_MINUTES * 60_000),
      consumed_at: null,
    })
    .execute();
  return { url: start.url, token, maxAgeSeconds: ATTEMPT_MINUTES * 60 };
}

export type LoginOutcome =
  | { readonly ok: true; readonly audience: Audience; readonly token: string; readonly expiresAt: Date }
  | { readonly ok: false; readonly code: ErrorCode };

interface Refusal {
  readonly code: ErrorCode;
  readonly audience?: Audience | undefined;
  readonly level?: number | null | undefined;
  readonly subject?: string | undefined;
}

async function refuse(runtime: AuthRuntime, db: Kysely<Schema>, refusal: Refusal): Promise<LoginOutcome> {
  await db.transaction().execute(async (trx) => {
    await appendAudit(
      trx,
      {
        actor: 'anonymous',
        action: 'auth.refused',
        subject: refusal.subject ?? 'login',
        details: { reason: refusal.code, audience: refusal.audience ?? null, level: refusal.level ?? null },
      },
      runtime.now(),
    );
  });
  return { ok: false, code: refusal.code };
}

/** Takes the attempt named by the login cookie, once: a replayed or forged callback finds none. */
async function takeAttempt(db: Kysely<Schema>, loginToken: string | undefined, state: string | null, now: Date) {
  if (loginToken === undefined || loginToken === '') return undefined;
  const attempt = await db
    .updateTable('login_attempts')
    .set({ consumed_at: now })
    .where('id', '=', tokenHash(loginToken))
    .where('consumed_at', 'is', null)
    .where('expires_at', '>', now)
    .returningAll()
    .executeTakeFirst();
  return attempt !== undefined && state !== null && attempt.state === state ? attempt : undefined;
}

async function lowestVoterLevel(db: Kysely<Schema>): Promise<number> {
  const row = await db
    .selectFrom('election_days')
    .select((eb) => eb.fn.min<number>('minimum_assurance_level').as('level'))
    .executeTakeFirst();
  return row?.level ?? 450;
}

type Resolved =
  | { readonly ok: true; readonly session: NewSession; readonly actor: string }
  | { readonly ok: false; readonly refusal: Refusal };

/**
 * Who may log in as a voter: someone in a frozen per-mode voter file (6, 7 or 8) of an election day
 * (../preparation/frozen-files.ts; with several days, the latest by voting date) — that session is
 * the one eligibility and the ballot box serve. Before a day is frozen, a voter of its latest
 * consolidated file may log in to opt in to a remote mode (residents) and read their registration;
 * eligibility stays empty until the freeze. Nothing else: not the demo's population table, not a
 * consolidation made after the freeze, not someone excluded or held by a conflict.
 */
async function voterDay(
  db: Kysely<Schema>,
  nrn: string,
): Promise<{ readonly election_day_id: string; readonly minimum_assurance_level: number } | undefined> {
  const frozen = await db
    .selectFrom('frozen_voters as v')
    .innerJoin('election_days as d', 'd.id', 'v.election_day_id')
    .select(['v.election_day_id', 'd.minimum_assurance_level'])
    .where('v.nrn', '=', nrn)
    .orderBy('d.voting_date', 'desc')
    .orderBy('v.election_day_id', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (frozen !== undefined) return frozen;
  const { rows } = await sql<{ election_day_id: string; minimum_assurance_level: number }>`
    select c.election_day_id, d.minimum_assurance_level
      from consolidations c
      join election_day_settings s on s.election_day_id = c.election_day_id and s.frozen_at is null
      join election_days d on d.id = c.election_day_id
      join consolidated_voters v on v.consolidation_id = c.id and v.nrn = ${nrn} and v.status = 'ok'
     where c.id = (select max(l.id) from consolidations l where l.election_day_id = c.election_day_id)
     order by d.voting_date desc
     limit 1`.execute(db);
  return rows[0];
}

/** The day whose key names someone refused before any day is theirs: the latest by voting date. */
async function latestDayId(db: Kysely<Schema>): Promise<string> {
  const day = await db
    .selectFrom('election_days')
    .select('id')
    .orderBy('voting_date', 'desc')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  return day?.id ?? 'no-election-day';
}

async function resolveVoter(
  runtime: AuthRuntime,
  db: Kysely<Schema>,
  identity: Identity,
  idToken: string | null,
): Promise<Resolved> {
  const voter = await voterDay(db, identity.nrn);
  if (voter === undefined) {
    const subject = voterActor(runtime.secret, await latestDayId(db), identity.nrn);
    return { ok: false, refusal: { code: 'auth.unknown-voter', audience: 'voter', level: identity.level, subject } };
  }
  const subject = voterActor(runtime.secret, voter.election_day_id, identity.nrn);
  if (identity.level < voter.minimum_assurance_level)
    return { ok: false, refusal: { code: 'auth.level-too-low', audience: 'voter', level: identity.level, subject } };
  return {
    ok: true,
    actor: subject,
    session: { kind: 'voter', electionDayId: voter.election_day_id, nrn: identity.nrn, level: identity.level, idToken },
  };
}

async function resolveOfficial(
  runtime: AuthRuntime,
  db: Kysely<Schema>,
  identity: Identity,
  idToken: string | null,
): Promise<Resolved> {
  const official = await db.selectFrom('officials').select('id').where('nrn', '=', identity.nrn).executeTakeFirst();
  const roles =
    official === undefined
      ? []
      : await db.selectFrom('role_assignments').select('id').where('official_id', '=', official.id).limit(1).execute();
  if (official === undefined || roles.length === 0)
    return {
      ok: false,
      refusal: {
        code: 'auth.not-official',
        audience: 'official',
        level: identity.level,
        subject: voterActor(runtime.secret, await latestDayId(db), identity.nrn),
      },
    };
  return {
    ok: true,
    actor: officialActor(official.id),
    session: { kind: 'official', officialId: official.id, level: identity.level, idToken },
  };
}

export interface CallbackInput {
  readonly callbackUrl: URL;
  readonly loginToken: string | undefined;
  /** The browser's current session token, ended at login (session rotation). */
  readonly previousSessionToken: string | undefined;
}

/** Completes a login from the provider's redirect. Never throws for a bad answer: it refuses. */
export async function completeLogin(
  runtime: AuthRuntime,
  db: Kysely<Schema>,
  input: CallbackInput,
): Promise<LoginOutcome> {
  const now = runtime.now();
  const rp = runtime.relyingParty;
  if (rp === undefined) return { ok: false, code: 'auth.unavailable' };
  const attempt = await takeAttempt(db, input.loginToken, input.callbackUrl.searchParams.get('state'), now);
  if (attempt === undefined) return refuse(runtime, db, { code: 'auth.callback-invalid' });
  const audience = attempt.audience;
  let verified;
  try {
    verified = await rp.finish(input.callbackUrl, {
      state: attempt.state,
      nonce: attempt.nonce,
      codeVerifier: attempt.code_verifier,
    });
  } catch (error) {
    if (!(error instanceof LoginError)) throw error;
    return refuse(runtime, db, { code: error.code, audience });
  }
  const minimumLevel = audience === 'official' ? runtime.options.officialMinimumLevel : await lowestVoterLevel(db);
  const read = readIdentity(verified.idTokenClaims, verified.userinfo, {
    minimumLevel,
    currentYear: now.getUTCFullYear(),
  });
  if (!read.ok) return refuse(runtime, db, { code: read.error, audience, level: read.level });
  const idToken = verified.idToken ?? null;
  const resolved =
    audience === 'official'
      ? await resolveOfficial(runtime, db, read.identity, idToken)
      : await resolveVoter(runtime, db, read.identity, idToken);
  if (!resolved.ok) return refuse(runtime, db, resolved.refusal);
  const lifetimes = runtime.lifetimes[audience];
  const created = await db.transaction().execute(async (trx) => {
    await purgeExpired(trx, now);
    if (input.previousSessionToken !== undefined)
      await trx.deleteFrom('sessions').where('id', '=', tokenHash(input.previousSessionToken)).execute();
    const session = await createSession(trx, resolved.session, lifetimes, now);
    await appendAudit(
      trx,
      {
        actor: resolved.actor,
        action: 'auth.login',
        subject: resolved.actor,
        details: { audience, level: read.identity.level, session: session.id.slice(0, 16) },
      },
      now,
    );
    return session;
  });
  return { ok: true, audience, token: created.token, expiresAt: created.expiresAt };
}

/** Ends a session, with its audit entry. */
export async function endSession(
  runtime: AuthRuntime,
  db: Kysely<Schema>,
  sessionId: string,
  actor: string,
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('sessions').where('id', '=', sessionId).execute();
    await appendAudit(
      trx,
      { actor, action: 'auth.logout', subject: actor, details: { session: sessionId.slice(0, 16) } },
      runtime.now(),
    );
  });
}
