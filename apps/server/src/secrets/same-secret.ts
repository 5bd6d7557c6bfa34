// Every API node on one database keys pseudonyms and K-codes with the same server secret
// (deploy/README.md): a node with another secret would give a voter another pseudonym, refuse the
// ballots its booth prepared elsewhere and make K-codes no node recognises. The first start records
// the secret's fingerprint (one-way, never the secret); a start with another secret is refused.
import type { Store } from '@isoloir/store';
import type { ServerSecret } from './server-secret.ts';

/** Why this secret may not serve this database (another one was recorded), or undefined. */
export async function otherSecretProblem(store: Store, secret: ServerSecret): Promise<string | undefined> {
  await store.db
    .insertInto('server_secret_fingerprint')
    .values({ fingerprint: secret.fingerprint })
    .onConflict((oc) => oc.column('singleton').doNothing())
    .execute();
  const recorded = await store.db
    .selectFrom('server_secret_fingerprint')
    .select('fingerprint')
    .executeTakeFirstOrThrow();
  if (recorded.fingerprint === secret.fingerprint) return undefined;
  return `the server secret${secret.path === undefined ? '' : ` ${secret.path}`} (fingerprint ${secret.fingerprint}) is not the one this database serves with (fingerprint ${recorded.fingerprint}): every node must be started with the same ISOLOIR_SECRET_FILE`;
}
