// The ballot box's keys: the Ed25519 key that signs receipts, created once and kept in `server_keys`
// (public key published; concurrent first starts agree through `on conflict do nothing` and
// re-reading), and the voter pseudonyms, keyed under the server secret kept outside the database
// (../secrets: HKDF per purpose and election, then HMAC-SHA-256), so that a dump of the database does
// not link the published roll and record to people. (An older `voter-pseudonym` row of
// `server_keys` is no longer read.)
import { createPrivateKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Schema, Store } from '@isoloir/store';
import { memorySecretFor } from '../secrets/index.ts';
import { keyIdOf } from './receipt.ts';

export interface ServerKeys {
  readonly receiptKey: KeyObject;
  /** Raw Ed25519 public key, hex (32 bytes). */
  readonly receiptPublicKey: string;
  readonly receiptKeyId: string;
  /** The voter's pseudonym in an election: published in the record and bound into the proof. */
  pseudonym(electionId: string, nrn: string): string;
}

async function loadOrCreate(
  db: Kysely<Schema>,
  purpose: 'receipt-signing',
  create: () => { public_key: string | null; secret: string },
) {
  const found = await db
    .selectFrom('server_keys')
    .select(['public_key', 'secret'])
    .where('purpose', '=', purpose)
    .executeTakeFirst();
  if (found !== undefined) return found;
  await db
    .insertInto('server_keys')
    .values({ purpose, ...create() })
    .onConflict((oc) => oc.column('purpose').doNothing())
    .execute();
  return db
    .selectFrom('server_keys')
    .select(['public_key', 'secret'])
    .where('purpose', '=', purpose)
    .executeTakeFirstOrThrow();
}

function newSigningKey(): { public_key: string; secret: string } {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  const jwk = publicKey.export({ format: 'jwk' });
  return {
    public_key: Buffer.from(jwk.x ?? '', 'base64url').toString('hex'),
    secret: privateKey.export({ format: 'der', type: 'pkcs8' }).toString('hex'),
  };
}

/** The purpose the voter pseudonyms are keyed under (../secrets). */
export const VOTER_PSEUDONYM_PURPOSE = 'isoloir/v1/voter-pseudonym';

export async function loadServerKeys(store: Store): Promise<ServerKeys> {
  const signing = await loadOrCreate(store.db, 'receipt-signing', newSigningKey);
  const secret = memorySecretFor(store);
  const receiptPublicKey = signing.public_key ?? '';
  return {
    receiptKey: createPrivateKey({ key: Buffer.from(signing.secret, 'hex'), format: 'der', type: 'pkcs8' }),
    receiptPublicKey,
    receiptKeyId: keyIdOf(receiptPublicKey),
    pseudonym: (electionId, nrn) => secret.keyedHash(VOTER_PSEUDONYM_PURPOSE, electionId, nrn).slice(0, 32),
  };
}
