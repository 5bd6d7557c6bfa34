// The ballot box's own secrets, created once and kept in `server_keys`: the Ed25519 key that signs
// receipts (public key published) and the secret of voter pseudonyms. Concurrent first starts agree
// through `on conflict do nothing` and re-reading.
import { createHmac, createPrivateKey, generateKeyPairSync, randomBytes, type KeyObject } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Schema } from '@isoloir/store';
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
  purpose: 'receipt-signing' | 'voter-pseudonym',
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

export async function loadServerKeys(db: Kysely<Schema>): Promise<ServerKeys> {
  const signing = await loadOrCreate(db, 'receipt-signing', newSigningKey);
  const pseudonymRow = await loadOrCreate(db, 'voter-pseudonym', () => ({
    public_key: null,
    secret: randomBytes(32).toString('hex'),
  }));
  const pseudonymSecret = Buffer.from(pseudonymRow.secret, 'hex');
  const receiptPublicKey = signing.public_key ?? '';
  return {
    receiptKey: createPrivateKey({ key: Buffer.from(signing.secret, 'hex'), format: 'der', type: 'pkcs8' }),
    receiptPublicKey,
    receiptKeyId: keyIdOf(receiptPublicKey),
    pseudonym: (electionId, nrn) =>
      createHmac('sha256', pseudonymSecret)
        .update(`isoloir/v1/voter-pseudonym\n${electionId}\n${nrn}`)
        .digest('hex')
        .slice(0, 32),
  };
}
