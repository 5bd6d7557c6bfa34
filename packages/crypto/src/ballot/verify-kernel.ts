/** Bulk ballot-proof checking over encoded ballots (see parallel/runner.ts). */
import type { Group } from '../group/group.ts';
import { verifyEncryption, type BallotContext } from '../proofs/encryption-proof.ts';
import type { Ciphertext } from '../elgamal/elgamal.ts';

export interface EncodedBallotToCheck {
  readonly context: BallotContext;
  /** [a₀, b₀, a₁, b₁, …] */
  readonly ciphertexts: readonly Uint8Array[];
  readonly challenge: bigint;
  readonly responses: readonly bigint[];
}

export interface BallotCheckInput {
  readonly pk: Uint8Array;
  readonly ballots: readonly EncodedBallotToCheck[];
}

export function checkBallotProofs<P>(group: Group<P>, input: BallotCheckInput): boolean[] {
  const pk = group.decode(input.pk);
  if (pk === undefined) return input.ballots.map(() => false);
  return input.ballots.map((ballot) => {
    const cts: Ciphertext<P>[] = [];
    for (let w = 0; w + 1 < ballot.ciphertexts.length; w += 2) {
      const a = group.decode(ballot.ciphertexts[w] ?? new Uint8Array(0));
      const b = group.decode(ballot.ciphertexts[w + 1] ?? new Uint8Array(0));
      if (a === undefined || b === undefined) return false;
      cts.push({ a, b });
    }
    if (cts.length * 2 !== ballot.ciphertexts.length) return false;
    return verifyEncryption(group, ballot.context, pk, cts, {
      challenge: ballot.challenge,
      responses: ballot.responses,
    });
  });
}
