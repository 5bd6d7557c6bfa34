/** Bulk ballot encryption over encoded data (load generation, benchmarks, demos). */
import type { Group } from '../group/group.ts';
import { encryptBallot } from './encrypt-ballot.ts';
import type { BallotLayout, PlainBallot } from '../encoding/ballot-codec.ts';
import type { BallotContext } from '../proofs/encryption-proof.ts';
import { publicKey, type PublicKey } from '../elgamal/elgamal.ts';

const keys = new WeakMap<object, unknown>();

export interface EncryptBallotsInput {
  readonly pk: Uint8Array;
  readonly layout: BallotLayout;
  readonly ballots: readonly { readonly context: BallotContext; readonly plain: PlainBallot }[];
}

export interface EncodedEncryptedBallot {
  readonly ciphertexts: Uint8Array[];
  readonly challenge: bigint;
  readonly responses: readonly bigint[];
}

export function encryptBallots<P>(group: Group<P>, input: EncryptBallotsInput): EncodedEncryptedBallot[] {
  const pk = group.decode(input.pk);
  if (pk === undefined) throw new Error('encrypt kernel: invalid public key');
  const hexKey = Array.from(input.pk).join(',');
  let cached = keys.get(group) as { hex: string; key: PublicKey<P> } | undefined;
  if (cached?.hex !== hexKey) {
    cached = { hex: hexKey, key: publicKey(group, pk, true) };
    keys.set(group, cached);
  }
  const key = cached.key;
  return input.ballots.map(({ context, plain }) => {
    const { ballot } = encryptBallot(group, pk, input.layout, context, plain, key);
    return {
      ciphertexts: ballot.ciphertexts.flatMap((c) => [group.encode(c.a), group.encode(c.b)]),
      challenge: ballot.proof.challenge,
      responses: ballot.proof.responses,
    };
  });
}
