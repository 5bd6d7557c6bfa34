/**
 * Chaum–Pedersen proof that log_G(X) = log_A(D), bound to a label and a context.
 *   t₁ = w·G, t₂ = w·A,  c = H(label, group, context, G, X, A, D, t₁, t₂),  s = w + c·x.
 * Published (c, s); verification recomputes t₁ = s·G − c·X, t₂ = s·A − c·D.
 */
import type { Group } from '../group/group.ts';
import { randomScalar } from '../group/scalar.ts';
import { hashToScalar, type HashInput } from '../hash/hash-input.ts';

export interface EqualityProof {
  readonly challenge: bigint;
  readonly response: bigint;
}

function challenge<P>(group: Group<P>, label: string, context: readonly HashInput[], pts: readonly P[]): bigint {
  return hashToScalar(group.order, label, [
    group.name,
    context,
    group.encode(group.generator),
    ...pts.map((p) => group.encode(p)),
  ]);
}

export function proveEquality<P>(
  group: Group<P>,
  label: string,
  context: readonly HashInput[],
  x: bigint,
  xPub: P,
  a: P,
  d: P,
): EqualityProof {
  const w = randomScalar(group.order);
  const c = challenge(group, label, context, [xPub, a, d, group.mulBase(w), group.mul(a, w)]);
  return { challenge: c, response: (w + c * x) % group.order };
}

export function verifyEquality<P>(
  group: Group<P>,
  label: string,
  context: readonly HashInput[],
  xPub: P,
  a: P,
  d: P,
  proof: EqualityProof,
): boolean {
  const t1 = group.sub(group.mulBase(proof.response), group.mul(xPub, proof.challenge));
  const t2 = group.sub(group.mul(a, proof.response), group.mul(d, proof.challenge));
  return challenge(group, label, context, [xPub, a, d, t1, t2]) === proof.challenge;
}
