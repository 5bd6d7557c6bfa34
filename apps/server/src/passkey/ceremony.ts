// The voter's side, with SimpleWebAuthn: activation (a code from the post → a new passkey, user
// verification required) and login (the passkey alone: a discoverable credential, no name typed).
// Each ceremony's challenge is kept server-side, bound to the browser by a cookie, and taken once:
// a replayed answer finds none. Every outcome, accepted or refused, is audited.
import { randomBytes } from 'node:crypto';
import {
  generateAuthenticationOptions,
  generateRegistrationOptions,
  verifyAuthenticationResponse,
  verifyRegistrationResponse,
  type AuthenticationResponseJSON,
  type PublicKeyCredentialCreationOptionsJSON,
  type PublicKeyCredentialRequestOptionsJSON,
  type RegistrationResponseJSON,
} from '@simplewebauthn/server';
import { appendAudit, type Schema, type Store } from '@isoloir/store';
import type { Kysely } from 'kysely';
import type { SessionLifetimes } from '../auth/config.ts';
import { createSession, purgeExpired, randomToken, tokenHash } from '../auth/session-store.ts';
import { AppError, type ErrorCode } from '../errors.ts';
import type { KeyedHash } from '../hybrid/keyed-hash.ts';
import { voterActor, type KeyedHasher } from '../secrets/pseudonyms.ts';
import { codeHash, normalizeCode } from './codes.ts';
import { abroadVoter } from './voters.ts';

/** Who the passkeys are for: the site's host name and its origin (scheme, host, port). */
export interface RelyingParty {
  readonly id: string;
  readonly origin: string;
}

export interface CeremonyContext {
  readonly store: Store;
  readonly secret: KeyedHasher;
  readonly keyedHash: KeyedHash;
  readonly rp: RelyingParty;
  readonly now: Date;
}

const CHALLENGE_MINUTES = 5;
export const CEREMONY_SECONDS = CHALLENGE_MINUTES * 60;

async function refuse(context: CeremonyContext, code: ErrorCode, action: string, subject: string): Promise<never> {
  await context.store.db.transaction().execute(async (trx) => {
    await appendAudit(trx, { actor: 'anonymous', action, subject, details: { reason: code } }, context.now);
  });
  throw new AppError(code);
}

async function newChallenge(
  db: Kysely<Schema>,
  purpose: 'activation' | 'login',
  challenge: string,
  now: Date,
  activation?: { readonly codeId: string; readonly userHandle: string },
): Promise<string> {
  const token = randomToken();
  await db.deleteFrom('passkey_challenges').where('expires_at', '<=', now).execute();
  await db
    .insertInto('passkey_challenges')
    .values({
      id: tokenHash(token),
      purpose,
      challenge,
      activation_code_id: activation?.codeId ?? null,
      user_handle: activation?.userHandle ?? null,
      created_at: now,
      expires_at: new Date(now.getTime() + CHALLENGE_MINUTES * 60_000),
    })
    .execute();
  return token;
}

/** Takes the ceremony named by the cookie, once. */
async function takeChallenge(
  db: Kysely<Schema>,
  token: string | undefined,
  purpose: 'activation' | 'login',
  now: Date,
) {
  if (token === undefined || token === '') return undefined;
  return db
    .updateTable('passkey_challenges')
    .set({ consumed_at: now })
    .where('id', '=', tokenHash(token))
    .where('purpose', '=', purpose)
    .where('consumed_at', 'is', null)
    .where('expires_at', '>', now)
    .returningAll()
    .executeTakeFirst();
}

/** The live activation code the typed one is, or the reason it is refused. */
async function findCode(context: CeremonyContext, typed: string) {
  const normalized = normalizeCode(typed);
  if (normalized === undefined) return { refused: 'passkey.code-invalid' as const };
  const days = await context.store.db.selectFrom('election_days').select('id').execute();
  if (days.length === 0) return { refused: 'passkey.code-invalid' as const };
  const hashes = days.map((d) => codeHash(context.keyedHash, d.id, normalized));
  const row = await context.store.db
    .selectFrom('passkey_activation_codes')
    .selectAll()
    .where('code_hash', 'in', hashes)
    .executeTakeFirst();
  if (row === undefined || row.revoked_at !== null) return { refused: 'passkey.code-invalid' as const };
  if (row.used_at !== null) return { refused: 'passkey.code-used' as const, row };
  if (row.expires_at.getTime() <= context.now.getTime()) return { refused: 'passkey.code-expired' as const, row };
  return { row };
}

/** Step 1 of activation: the code checked, the options for the browser's `navigator.credentials.create`. */
export async function beginActivation(
  context: CeremonyContext,
  typed: string,
): Promise<{ readonly options: PublicKeyCredentialCreationOptionsJSON; readonly token: string }> {
  const found = await findCode(context, typed);
  if (found.refused !== undefined) {
    const subject =
      found.row === undefined ? 'passkey' : voterActor(context.secret, found.row.election_day_id, found.row.nrn);
    return refuse(context, found.refused, 'passkey.activation-refused', subject);
  }
  const code = found.row;
  const voter = await abroadVoter(context.store.db, code.nrn, code.post_code);
  const subject = voterActor(context.secret, code.election_day_id, code.nrn);
  if (voter === undefined || voter.passkeyModes.length === 0)
    return refuse(context, 'passkey.csam-only', 'passkey.activation-refused', subject);
  const userHandle = randomBytes(32);
  const options = await generateRegistrationOptions({
    rpName: 'isoloir',
    rpID: context.rp.id,
    userName: `${voter.givenNames} ${voter.surname}`,
    userDisplayName: `${voter.givenNames} ${voter.surname}`,
    userID: userHandle,
    attestationType: 'none',
    authenticatorSelection: { residentKey: 'required', userVerification: 'required' },
    supportedAlgorithmIDs: [-7, -257],
    timeout: CHALLENGE_MINUTES * 60_000,
  });
  const token = await newChallenge(context.store.db, 'activation', options.challenge, context.now, {
    codeId: code.id,
    userHandle: userHandle.toString('base64url'),
  });
  return { options, token };
}

/** Step 2 of activation: the new passkey verified and stored; the code used up; an older passkey revoked. */
export async function finishActivation(
  context: CeremonyContext,
  token: string | undefined,
  response: RegistrationResponseJSON,
): Promise<void> {
  const challenge = await takeChallenge(context.store.db, token, 'activation', context.now);
  if (challenge?.activation_code_id === null || challenge?.activation_code_id === undefined)
    return refuse(context, 'passkey.ceremony-invalid', 'passkey.activation-refused', 'passkey');
  const codeId = challenge.activation_code_id;
  let verified;
  try {
    verified = await verifyRegistrationResponse({
      response,
      expectedChallenge: challenge.challenge,
      expectedOrigin: context.rp.origin,
      expectedRPID: context.rp.id,
      requireUserVerification: true,
    });
  } catch {
    verified = undefined;
  }
  if (verified?.verified !== true)
    return refuse(context, 'passkey.verification-failed', 'passkey.activation-refused', 'passkey');
  const credential = verified.registrationInfo.credential;
  const refused = await context.store.db.transaction().execute(async (trx) => {
    const code = await trx
      .selectFrom('passkey_activation_codes')
      .selectAll()
      .where('id', '=', codeId)
      .forUpdate()
      .executeTakeFirstOrThrow();
    const subject = voterActor(context.secret, code.election_day_id, code.nrn);
    if (code.used_at !== null) return { code: 'passkey.code-used' as const, subject };
    if (code.revoked_at !== null) return { code: 'passkey.code-invalid' as const, subject };
    if (code.expires_at.getTime() <= context.now.getTime()) return { code: 'passkey.code-expired' as const, subject };
    await trx.updateTable('passkey_activation_codes').set({ used_at: context.now }).where('id', '=', codeId).execute();
    const replaced = await trx
      .updateTable('passkey_credentials')
      .set({ revoked_at: context.now, revoked_by: 'replaced' })
      .where('election_day_id', '=', code.election_day_id)
      .where('nrn', '=', code.nrn)
      .where('revoked_at', 'is', null)
      .returning('id')
      .execute();
    await trx
      .insertInto('passkey_credentials')
      .values({
        credential_id: credential.id,
        election_day_id: code.election_day_id,
        post_code: code.post_code,
        nrn: code.nrn,
        user_handle: challenge.user_handle ?? '',
        public_key: Buffer.from(credential.publicKey).toString('base64url'),
        sign_count: credential.counter,
        transports: [...(credential.transports ?? [])],
        activation_code_id: codeId,
        created_at: context.now,
      })
      .execute();
    await appendAudit(
      trx,
      {
        actor: subject,
        action: 'passkey.activated',
        subject,
        details: { post: code.post_code, replaced: replaced.length },
      },
      context.now,
    );
    return undefined;
  });
  if (refused !== undefined) return refuse(context, refused.code, 'passkey.activation-refused', refused.subject);
}

/** Step 1 of login: a challenge for any of this site's passkeys (the voter picks theirs on the device). */
export async function beginPasskeyLogin(
  context: CeremonyContext,
): Promise<{ readonly options: PublicKeyCredentialRequestOptionsJSON; readonly token: string }> {
  const options = await generateAuthenticationOptions({
    rpID: context.rp.id,
    allowCredentials: [],
    userVerification: 'required',
    timeout: CHALLENGE_MINUTES * 60_000,
  });
  const token = await newChallenge(context.store.db, 'login', options.challenge, context.now);
  return { options, token };
}

/** Step 2 of login: the assertion verified against the stored passkey; a voter session opened. */
export async function finishPasskeyLogin(
  context: CeremonyContext,
  lifetimes: SessionLifetimes,
  token: string | undefined,
  response: AuthenticationResponseJSON,
  previousSessionToken: string | undefined,
): Promise<{ readonly token: string; readonly expiresAt: Date }> {
  const db = context.store.db;
  const challenge = await takeChallenge(db, token, 'login', context.now);
  if (challenge === undefined) return refuse(context, 'passkey.ceremony-invalid', 'auth.refused', 'login');
  const stored = await db
    .selectFrom('passkey_credentials')
    .selectAll()
    .where('credential_id', '=', response.id)
    .executeTakeFirst();
  if (stored === undefined) return refuse(context, 'passkey.unknown', 'auth.refused', 'login');
  const subject = voterActor(context.secret, stored.election_day_id, stored.nrn);
  if (stored.revoked_at !== null) return refuse(context, 'passkey.revoked', 'auth.refused', subject);
  const handle = response.response.userHandle;
  if (handle !== undefined && handle !== stored.user_handle)
    return refuse(context, 'passkey.verification-failed', 'auth.refused', subject);
  let verified;
  try {
    verified = await verifyAuthenticationResponse({
      response,
      expectedChallenge: challenge.challenge,
      expectedOrigin: context.rp.origin,
      expectedRPID: context.rp.id,
      credential: {
        id: stored.credential_id,
        publicKey: new Uint8Array(Buffer.from(stored.public_key, 'base64url')),
        counter: Number(stored.sign_count),
      },
      requireUserVerification: true,
    });
  } catch {
    verified = undefined;
  }
  if (verified?.verified !== true) return refuse(context, 'passkey.verification-failed', 'auth.refused', subject);
  const voter = await abroadVoter(db, stored.nrn, stored.post_code);
  if (voter?.electionDayId !== stored.election_day_id || voter.passkeyModes.length === 0)
    return refuse(context, 'passkey.csam-only', 'auth.refused', subject);
  return db.transaction().execute(async (trx) => {
    await purgeExpired(trx, context.now);
    if (previousSessionToken !== undefined)
      await trx.deleteFrom('sessions').where('id', '=', tokenHash(previousSessionToken)).execute();
    await trx
      .updateTable('passkey_credentials')
      .set({ sign_count: verified.authenticationInfo.newCounter, last_used_at: context.now })
      .where('id', '=', stored.id)
      .execute();
    const session = await createSession(
      trx,
      {
        kind: 'voter',
        electionDayId: stored.election_day_id,
        nrn: stored.nrn,
        level: 0,
        idToken: null,
        method: 'passkey',
      },
      lifetimes,
      context.now,
    );
    await appendAudit(
      trx,
      {
        actor: subject,
        action: 'auth.login',
        subject,
        details: { audience: 'voter', method: 'passkey', session: session.id.slice(0, 16) },
      },
      context.now,
    );
    return { token: session.token, expiresAt: session.expiresAt };
  });
}
