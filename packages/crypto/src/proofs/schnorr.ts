/**
 * Schnorr proof of knowledge of x with X = x·G, bound to a label and a context.
 *   t = w·G,  c = H(label, group, context, G, X, t),  s = w + c·x.  Published (c, s).
 */
import type { Group } from '../group/group.ts';
import { randomScalar } from '../group/scalar.ts';
import { hashToScalar, type HashInput } from '../hash/hash-input.ts';

export interface SchnorrProof {
  readonly challenge: bigint;
  readonly response: bigint;
}

function challenge<P>(group: Group<P>, label: string, context: readonly HashInput[], x: P, t: P): bigint {
  return hashToScalar(group.order, label, [
    group.name,
    context,
    group.encode(group.generator),
    group.encode(x),
    group.encode(t),
  ]);
}

export function proveSchnorr<P>(
  group: Group<P>,
  label: string,
  context: readonly HashInput[],
  secret: bigint,
): SchnorrProof {
  const w = randomScalar(group.order);
  const c = challenge(group, label, context, group.mulBase(secret), group.mulBase(w));
  return { challenge: c, response: (w + c * secret) % group.order };
}

export function verifySchnorr<P>(
  group: Group<P>,
  label: string,
  context: readonly HashInput[],
  x: P,
  proof: SchnorrProof,
): boolean {
  const t = group.sub(group.mulBase(proof.response), group.mul(x, proof.challenge));
  return challenge(group, label, context, x, t) === proof.challenge;
}
