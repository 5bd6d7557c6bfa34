/**
 * Proof of knowledge of the randomness of every component of an encrypted ballot
 * (Schnorr, batched under one challenge), bound to election, constituency, voter and ballot identifiers.
 *   commitments tⱼ = wⱼ·G,  c = H("isoloir/v1/ballot-proof", group, electionId, constituency, voterId,
 *                                   ballotId, G, pk, [(aⱼ, bⱼ)], [tⱼ]),  sⱼ = wⱼ + c·rⱼ.
 * Binding the constituency means a ballot proven for one constituency cannot be cast, recorded or
 * counted in another one's group without the proof failing.
 * Published: (c, s₁…s_W). Verification recomputes tⱼ = sⱼ·G − c·aⱼ and the challenge.
 * Hashing bⱼ as well as aⱼ makes the ballot non-malleable: no component can be changed.
 */
import type { Group } from '../group/group.ts';
import { randomScalar } from '../group/scalar.ts';
import { hashToScalar, type HashInput } from '../hash/hash-input.ts';
import type { Ciphertext } from '../elgamal/elgamal.ts';

export const BALLOT_PROOF_LABEL = 'isoloir/v1/ballot-proof';

export interface BallotContext {
  readonly electionId: string;
  /** The constituency (or college) whose ballot was filled in: its code, as in the election definition. */
  readonly constituency: string;
  readonly voterId: string;
  readonly ballotId: string;
}

export interface EncryptionProof {
  readonly challenge: bigint;
  readonly responses: readonly bigint[];
}

function challenge<P>(
  group: Group<P>,
  ctx: BallotContext,
  pk: P,
  cts: readonly Ciphertext<P>[],
  commitments: readonly P[],
): bigint {
  const statement: HashInput[] = [
    group.name,
    ctx.electionId,
    ctx.constituency,
    ctx.voterId,
    ctx.ballotId,
    group.encode(group.generator),
    group.encode(pk),
    cts.map((c) => [group.encode(c.a), group.encode(c.b)]),
    commitments.map((t) => group.encode(t)),
  ];
  return hashToScalar(group.order, BALLOT_PROOF_LABEL, statement);
}

export function proveEncryption<P>(
  group: Group<P>,
  ctx: BallotContext,
  pk: P,
  cts: readonly Ciphertext<P>[],
  randomness: readonly bigint[],
): EncryptionProof {
  const nonces = cts.map(() => randomScalar(group.order));
  const c = challenge(
    group,
    ctx,
    pk,
    cts,
    nonces.map((w) => group.mulBase(w)),
  );
  return { challenge: c, responses: nonces.map((w, j) => (w + c * (randomness[j] ?? 0n)) % group.order) };
}

export function verifyEncryption<P>(
  group: Group<P>,
  ctx: BallotContext,
  pk: P,
  cts: readonly Ciphertext<P>[],
  proof: EncryptionProof,
): boolean {
  if (cts.length === 0 || proof.responses.length !== cts.length) return false;
  if (cts.some((c) => group.isIdentity(c.a))) return false;
  const commitments = cts.map((ct, j) =>
    group.sub(group.mulBase(proof.responses[j] ?? 0n), group.mul(ct.a, proof.challenge)),
  );
  return challenge(group, ctx, pk, cts, commitments) === proof.challenge;
}
