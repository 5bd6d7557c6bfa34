/** The voter's device: encode, encrypt, prove. Also the Benaloh audit of a spoiled ballot. */
import type { Group } from '../group/group.ts';
import {
  encodeBallot,
  decodeBallot,
  type BallotLayout,
  type DecodedBallot,
  type PlainBallot,
} from '../encoding/ballot-codec.ts';
import { embed, extract } from '../encoding/embed.ts';
import {
  encrypt,
  openWithRandomness,
  publicKey,
  randomScalars,
  type Ciphertext,
  type PublicKey,
} from '../elgamal/elgamal.ts';
import {
  proveEncryption,
  verifyEncryption,
  type BallotContext,
  type EncryptionProof,
} from '../proofs/encryption-proof.ts';
import { err, ok, type Result } from '../result.ts';

export interface EncryptedBallot<P> {
  readonly ciphertexts: readonly Ciphertext<P>[];
  readonly proof: EncryptionProof;
}

export interface EncryptionResult<P> {
  readonly ballot: EncryptedBallot<P>;
  /** Keep secret if cast; reveal it to audit (Benaloh challenge), then the ballot must not be cast. */
  readonly randomness: readonly bigint[];
}

/** `key` may carry precomputed tables for pk when many ballots are encrypted (see publicKey). */
export function encryptBallot<P>(
  group: Group<P>,
  pk: P,
  layout: BallotLayout,
  ctx: BallotContext,
  plain: PlainBallot,
  key: PublicKey<P> = publicKey(group, pk),
): EncryptionResult<P> {
  const messages = encodeBallot(layout, plain).map((chunk) => embed(group, chunk));
  const randomness = randomScalars(group.order, messages.length);
  const ciphertexts = encrypt(group, key, messages, randomness);
  return { ballot: { ciphertexts, proof: proveEncryption(group, ctx, pk, ciphertexts, randomness) }, randomness };
}

export function verifyBallot<P>(group: Group<P>, pk: P, ctx: BallotContext, ballot: EncryptedBallot<P>): boolean {
  return verifyEncryption(group, ctx, pk, ballot.ciphertexts, ballot.proof);
}

export type AuditError = 'proof-invalid' | 'randomness-mismatch';

/** Benaloh audit: with the revealed randomness any device recovers exactly what was encrypted. */
export function auditBallot<P>(
  group: Group<P>,
  pk: P,
  layout: BallotLayout,
  ctx: BallotContext,
  ballot: EncryptedBallot<P>,
  randomness: readonly bigint[],
): Result<DecodedBallot, AuditError> {
  if (!verifyBallot(group, pk, ctx, ballot)) return err('proof-invalid');
  const messages = openWithRandomness(group, pk, ballot.ciphertexts, randomness);
  if (messages === undefined) return err('randomness-mismatch');
  return ok(
    decodeBallot(
      layout,
      messages.map((m) => extract(group, m)),
    ),
  );
}
