// The keyed hash a K-code is stored under: `keyedHash(purpose, electionDayId, value)`, HMAC-SHA256 under
// the key of that purpose and election day derived from the server secret, which is kept outside the
// database (../secrets). The server passes its own (`app.context.secret`); `keyedHashOf` is the
// secret an in-memory store's server uses (tests, the offline demo), the same one `buildApp` picks.
import type { Store } from '@isoloir/store';
import { memorySecretFor, type ServerSecret } from '../secrets/index.ts';

export type KeyedHash = ServerSecret['keyedHash'];

/** The purpose K-codes are hashed under. */
export const KCODE_PURPOSE = 'hybrid-kcode';

/** The keyed hash of the server secret. */
export function keyedHashFrom(secret: ServerSecret): KeyedHash {
  return (purpose, electionDayId, value) => secret.keyedHash(purpose, electionDayId, value);
}

/** The keyed hash of an in-memory store's server (its secret lives in memory, one per store). */
export function keyedHashOf(store: Store): KeyedHash {
  return keyedHashFrom(memorySecretFor(store));
}
