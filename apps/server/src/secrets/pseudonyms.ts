// Pseudonyms of people in what the server keeps (the audit log, the hybrid K-codes' state changes,
// the subjects of preparation entries): a keyed hash of the national register number under the
// server secret (kept outside the database), with a key of its own per election day. The same voter
// has the same pseudonym all day long (an auditor can follow one person's entries through a day)
// and unrelated pseudonyms on two days; without the secret, a dump of the database does not give
// the NRN back (an unkeyed hash would: about 10^10 numbers, reversed in a fraction of a second).
import type { ServerSecret } from './server-secret.ts';

/** The purpose of the voter pseudonym's day key (secrets/README.md, "Derivation"). */
export const VOTER_ACTOR_PURPOSE = 'voter-actor';
/** Hex characters kept: 128 bits, no collision among Belgium's voters. */
const LENGTH = 32;

/** What makes a keyed hash: the server secret, or anything holding its keyedHash. */
export type KeyedHasher = Pick<ServerSecret, 'keyedHash'>;

/** A voter (or anyone named by NRN) in the audit log: `voter:` and 32 hex characters, per day. */
export function voterActor(secret: KeyedHasher, electionDayId: string, nrn: string): string {
  return `voter:${secret.keyedHash(VOTER_ACTOR_PURPOSE, electionDayId, nrn).slice(0, LENGTH)}`;
}
