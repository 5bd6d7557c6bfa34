// The consular post's side: find a voter registered at the post (the official compares the name
// and birth date with the identity document in front of them), issue a single-use activation code
// bound to that voter, list the post's passkeys and codes, revoke a passkey. Each command is one
// transaction with its audit entry; the audit log names the voter by pseudonym only.
import { appendAudit, type Schema, type Store } from '@isoloir/store';
import type { Kysely } from 'kysely';
import { AppError } from '../errors.ts';
import type { KeyedHash } from '../hybrid/keyed-hash.ts';
import { voterActor, type KeyedHasher } from '../secrets/pseudonyms.ts';
import { CODE_DAYS, codeHash, newActivationCode, normalizeCode } from './codes.ts';
import { abroadVoter, type AbroadVoter } from './voters.ts';

export interface PostContext {
  readonly secret: KeyedHasher;
  readonly keyedHash: KeyedHash;
  /** `official:<id>` */
  readonly actor: string;
  readonly postCode: string;
  readonly now: Date;
}

export interface VoterAtPost {
  readonly electionDayId: string;
  readonly givenNames: string;
  readonly surname: string;
  readonly birthDate: string;
  readonly modes: readonly number[];
  readonly passkeyModes: readonly number[];
  readonly hasPasskey: boolean;
}

async function voterAtPost(db: Kysely<Schema>, postCode: string, nrn: string): Promise<AbroadVoter> {
  const voter = await abroadVoter(db, nrn, postCode);
  if (voter === undefined) throw new AppError('passkey.not-registered');
  return voter;
}

export async function lookupVoter(db: Kysely<Schema>, postCode: string, nrn: string): Promise<VoterAtPost> {
  const voter = await voterAtPost(db, postCode, nrn);
  const live = await db
    .selectFrom('passkey_credentials')
    .select('id')
    .where('election_day_id', '=', voter.electionDayId)
    .where('nrn', '=', nrn)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return {
    electionDayId: voter.electionDayId,
    givenNames: voter.givenNames,
    surname: voter.surname,
    birthDate: voter.birthDate,
    modes: voter.modes,
    passkeyModes: voter.passkeyModes,
    hasPasskey: live !== undefined,
  };
}

/**
 * Issues a new code for a voter registered at the post (refused when none of their modes accepts a
 * passkey); an earlier unused code of theirs stops working. The code is returned once, never stored.
 */
export async function issueCode(
  store: Store,
  context: PostContext,
  nrn: string,
): Promise<{ readonly code: string; readonly expiresAt: Date }> {
  const voter = await voterAtPost(store.db, context.postCode, nrn);
  if (voter.passkeyModes.length === 0) throw new AppError('passkey.csam-only');
  const code = newActivationCode();
  const normalized = normalizeCode(code) ?? '';
  const expiresAt = new Date(context.now.getTime() + CODE_DAYS * 86_400_000);
  const subject = voterActor(context.secret, voter.electionDayId, nrn);
  await store.db.transaction().execute(async (trx) => {
    const replaced = await trx
      .updateTable('passkey_activation_codes')
      .set({ revoked_at: context.now })
      .where('election_day_id', '=', voter.electionDayId)
      .where('nrn', '=', nrn)
      .where('used_at', 'is', null)
      .where('revoked_at', 'is', null)
      .returning('id')
      .execute();
    await trx
      .insertInto('passkey_activation_codes')
      .values({
        election_day_id: voter.electionDayId,
        post_code: context.postCode,
        nrn,
        code_hash: codeHash(context.keyedHash, voter.electionDayId, normalized),
        issued_by: context.actor,
        issued_at: context.now,
        expires_at: expiresAt,
      })
      .execute();
    await appendAudit(
      trx,
      {
        actor: context.actor,
        action: 'passkey.code-issued',
        subject,
        details: { post: context.postCode, expiresAt: expiresAt.toISOString(), replaced: replaced.length },
      },
      context.now,
    );
  });
  return { code, expiresAt };
}

export interface PostPasskeyRow {
  readonly id: string;
  readonly givenNames: string;
  readonly surname: string;
  readonly createdAt: string;
  readonly lastUsedAt: string | null;
  readonly revokedAt: string | null;
}

export interface PostCodeRow {
  readonly id: string;
  readonly givenNames: string;
  readonly surname: string;
  readonly issuedAt: string;
  readonly expiresAt: string;
  readonly state: 'open' | 'used' | 'expired' | 'revoked';
}

/** The post's passkeys and codes, newest first, with the voters' names (never their numbers). */
export async function postOverview(
  db: Kysely<Schema>,
  postCode: string,
  now: Date,
): Promise<{ readonly passkeys: PostPasskeyRow[]; readonly codes: PostCodeRow[] }> {
  const passkeys = await db
    .selectFrom('passkey_credentials as c')
    .innerJoin('consular_registrations as r', (join) =>
      join
        .onRef('r.election_day_id', '=', 'c.election_day_id')
        .onRef('r.post_code', '=', 'c.post_code')
        .onRef('r.nrn', '=', 'c.nrn'),
    )
    .select(['c.id', 'r.given_names', 'r.surname', 'c.created_at', 'c.last_used_at', 'c.revoked_at'])
    .where('c.post_code', '=', postCode)
    .orderBy('c.id', 'desc')
    .limit(500)
    .execute();
  const codes = await db
    .selectFrom('passkey_activation_codes as k')
    .innerJoin('consular_registrations as r', (join) =>
      join
        .onRef('r.election_day_id', '=', 'k.election_day_id')
        .onRef('r.post_code', '=', 'k.post_code')
        .onRef('r.nrn', '=', 'k.nrn'),
    )
    .select(['k.id', 'r.given_names', 'r.surname', 'k.issued_at', 'k.expires_at', 'k.used_at', 'k.revoked_at'])
    .where('k.post_code', '=', postCode)
    .orderBy('k.id', 'desc')
    .limit(500)
    .execute();
  return {
    passkeys: passkeys.map((p) => ({
      id: p.id,
      givenNames: p.given_names,
      surname: p.surname,
      createdAt: p.created_at.toISOString(),
      lastUsedAt: p.last_used_at?.toISOString() ?? null,
      revokedAt: p.revoked_at?.toISOString() ?? null,
    })),
    codes: codes.map((k) => ({
      id: k.id,
      givenNames: k.given_names,
      surname: k.surname,
      issuedAt: k.issued_at.toISOString(),
      expiresAt: k.expires_at.toISOString(),
      state:
        k.used_at !== null
          ? 'used'
          : k.revoked_at !== null
            ? 'revoked'
            : k.expires_at.getTime() <= now.getTime()
              ? 'expired'
              : 'open',
    })),
  };
}

/** Revokes a passkey of the post: it stops working at once (sessions it opened end too). */
export async function revokePasskey(store: Store, context: PostContext, passkeyId: string): Promise<void> {
  if (!/^[0-9]{1,18}$/.test(passkeyId)) throw new AppError('passkey.not-found');
  await store.db.transaction().execute(async (trx) => {
    const row = await trx
      .updateTable('passkey_credentials')
      .set({ revoked_at: context.now, revoked_by: context.actor })
      .where('id', '=', passkeyId)
      .where('post_code', '=', context.postCode)
      .where('revoked_at', 'is', null)
      .returning(['election_day_id', 'nrn'])
      .executeTakeFirst();
    if (row === undefined) throw new AppError('passkey.not-found');
    await trx
      .deleteFrom('sessions')
      .where('election_day_id', '=', row.election_day_id)
      .where('voter_nrn', '=', row.nrn)
      .where('login_method', '=', 'passkey')
      .execute();
    await appendAudit(
      trx,
      {
        actor: context.actor,
        action: 'passkey.revoked',
        subject: voterActor(context.secret, row.election_day_id, row.nrn),
        details: { post: context.postCode, passkey: passkeyId },
      },
      context.now,
    );
  });
}
