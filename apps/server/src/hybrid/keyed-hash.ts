// The keyed hash a K-code is stored under: `keyedHash(purpose, electionDayId, value)`, HMAC-SHA256 under
// a key of that purpose and election day, derived from a secret kept outside the database. The server
// secret of apps/server/src/secrets (the privacy work) provides it; until it is on main this module
// stands in with the same signature and derivation (HKDF-SHA256 per purpose and day, then HMAC),
// from a random secret held in memory per store. Switching is one line (`keyedHashOf`).
import { createHmac, hkdfSync, randomBytes } from 'node:crypto';
import type { Store } from '@isoloir/store';

export type KeyedHash = (purpose: string, electionDayId: string, value: string) => string;

/** The purpose K-codes are hashed under. */
export const KCODE_PURPOSE = 'hybrid-kcode';

const secrets = new WeakMap<Store, Buffer>();

/** The keyed hash of this store's server (stand-in: a secret in memory, one per store). */
export function keyedHashOf(store: Store): KeyedHash {
  let master = secrets.get(store);
  if (master === undefined) {
    master = randomBytes(32);
    secrets.set(store, master);
  }
  const secret = master;
  return (purpose, electionDayId, value) => {
    const key = Buffer.from(
      hkdfSync('sha256', secret, 'isoloir/server-secret/v1', `day-key\0${purpose}\0${electionDayId}`, 32),
    );
    return createHmac('sha256', key).update(value, 'utf8').digest('hex');
  };
}
