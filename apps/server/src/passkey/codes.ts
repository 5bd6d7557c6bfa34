// Activation codes: 12 characters from 32 that cannot be mistaken for one another (no 0/O, 1/I),
// 60 bits drawn by the system's generator, shown in three groups (`K7QM-3XRP-9TWD`). Only a keyed
// hash is stored (HMAC under the server secret's key for this purpose and election day, kept
// outside the database: ../secrets), as the hybrid K-codes are (../hybrid/keyed-hash.ts).
import { randomInt } from 'node:crypto';
import type { KeyedHash } from '../hybrid/keyed-hash.ts';

export const ACTIVATION_PURPOSE = 'passkey-activation';
const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
const LENGTH = 12;
/** How long a code may be used after the post issues it. */
export const CODE_DAYS = 14;

export function newActivationCode(): string {
  let code = '';
  for (let i = 0; i < LENGTH; i += 1) code += ALPHABET.charAt(randomInt(ALPHABET.length));
  return `${code.slice(0, 4)}-${code.slice(4, 8)}-${code.slice(8)}`;
}

/** The code as typed (spaces, dashes, lower case) in its one stored form, or undefined when it cannot be one. */
export function normalizeCode(typed: string): string | undefined {
  const bare = typed.toUpperCase().replace(/[\s-]/g, '');
  if (bare.length !== LENGTH) return undefined;
  for (const c of bare) if (!ALPHABET.includes(c)) return undefined;
  return bare;
}

export function codeHash(keyedHash: KeyedHash, electionDayId: string, normalized: string): string {
  return keyedHash(ACTIVATION_PURPOSE, electionDayId, normalized);
}
