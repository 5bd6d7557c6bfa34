// Keys derived from the server secret, one per purpose and election day, and the keyed hashes made
// with them. The derivation (documented in README.md, "Derivation"):
//
//   dayKey(purpose, day) = HKDF-SHA256(ikm = master, salt = "isoloir/server-secret/v1",
//                                      info = "day-key" 0x00 purpose 0x00 day, length = 32)
//   keyedHash(purpose, day, value) = hex(HMAC-SHA256(dayKey(purpose, day), value))
//
// Two days (or two purposes) give unrelated keys: a pseudonym of one day says nothing about the
// same person's pseudonym on another day, and knowing one day's key gives no other.
import { createHash, createHmac, hkdfSync } from 'node:crypto';

export const DERIVATION_SALT = 'isoloir/server-secret/v1';
/** Bytes of the master secret (and of every derived key). */
export const SECRET_BYTES = 32;

function label(name: string, value: string): string {
  if (value === '' || value.includes('\0')) throw new RangeError(`a ${name} is a non-empty text without NUL`);
  return value;
}

/** The key of one purpose for one election day (32 bytes). */
export function deriveDayKey(master: Uint8Array, purpose: string, electionDayId: string): Buffer {
  const info = `day-key\0${label('purpose', purpose)}\0${label('election day id', electionDayId)}`;
  return Buffer.from(hkdfSync('sha256', master, DERIVATION_SALT, info, SECRET_BYTES));
}

/** HMAC-SHA256 of `value` under a day key, lower-case hex (64 characters). */
export function hmacHex(key: Uint8Array, value: string): string {
  return createHmac('sha256', key).update(value, 'utf8').digest('hex');
}

/**
 * What names a secret in logs and reports without revealing it: the first 16 hex characters of the
 * SHA-256 of a key derived for that use only (so the fingerprint helps no one guess the secret).
 */
export function fingerprintOf(master: Uint8Array): string {
  const key = hkdfSync('sha256', master, DERIVATION_SALT, 'fingerprint', SECRET_BYTES);
  return createHash('sha256').update(Buffer.from(key)).digest('hex').slice(0, 16);
}
