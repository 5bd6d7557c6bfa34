// The K-code's public hash (PROTOCOL.md §8, `hybrid-receipt-log`): what the election record shows of
// each envelope's code, so that a voter who kept their K-code finds their envelope and its decision.
// SHA-256 over a domain tag, the election day and the compact code (18 symbols, 85 random bits: the
// code cannot be recovered from its hash by trying them). Unlike the keyed hash the code is stored
// under (./keyed-hash.ts), anyone can compute it; it links to no voter, since no table of the
// record names the voter who holds a code.
import { createHash } from 'node:crypto';

export const PUBLIC_KCODE_TAG = 'isoloir/v1/kcode-public';

/** hex(SHA-256(UTF-8 of `isoloir/v1/kcode-public` LF electionDayId LF compactCode)). */
export function publicKcodeHash(electionDayId: string, compactCode: string): string {
  return createHash('sha256').update(`${PUBLIC_KCODE_TAG}\n${electionDayId}\n${compactCode}`, 'utf8').digest('hex');
}
