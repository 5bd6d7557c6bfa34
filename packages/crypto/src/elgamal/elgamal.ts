/**
 * Exponential-free (message-in-the-group) ElGamal over vectors, written additively:
 *   Enc(pk, M; r) = (a, b) = (r·G, M + r·pk),  Dec(sk, (a, b)) = b − sk·a.
 * A ballot is a vector of `width` ciphertexts, each with its own randomness.
 */
import type { Group } from '../group/group.ts';
import { randomScalar } from '../group/scalar.ts';

export interface Ciphertext<P> {
  readonly a: P;
  readonly b: P;
}

/** The election key with optional precomputed tables for repeated use. */
export interface PublicKey<P> {
  readonly pk: P;
  readonly mulPk: (k: bigint) => P;
}

export function publicKey<P>(group: Group<P>, pk: P, precompute = false): PublicKey<P> {
  return { pk, mulPk: precompute ? group.fixedBase(pk) : (k) => group.mul(pk, k) };
}

export function randomScalars(order: bigint, count: number): bigint[] {
  const out: bigint[] = [];
  for (let i = 0; i < count; i++) out.push(randomScalar(order));
  return out;
}

export function encrypt<P>(
  group: Group<P>,
  key: PublicKey<P>,
  messages: readonly P[],
  randomness: readonly bigint[],
): Ciphertext<P>[] {
  return messages.map((m, j) => {
    const r = randomness[j] ?? 0n;
    return { a: group.mulBase(r), b: group.add(m, key.mulPk(r)) };
  });
}

export function reencrypt<P>(
  group: Group<P>,
  key: PublicKey<P>,
  ct: readonly Ciphertext<P>[],
  randomness: readonly bigint[],
): Ciphertext<P>[] {
  return ct.map((c, j) => {
    const r = randomness[j] ?? 0n;
    return { a: group.add(c.a, group.mulBase(r)), b: group.add(c.b, key.mulPk(r)) };
  });
}

export function decryptWithSecret<P>(group: Group<P>, sk: bigint, ct: readonly Ciphertext<P>[]): P[] {
  return ct.map((c) => group.sub(c.b, group.mul(c.a, sk)));
}

/** Opening with the randomness (Benaloh audit): M = b − r·pk, valid only if a = r·G. */
export function openWithRandomness<P>(
  group: Group<P>,
  pk: P,
  ct: readonly Ciphertext<P>[],
  randomness: readonly bigint[],
): P[] | undefined {
  if (randomness.length !== ct.length) return undefined;
  const out: P[] = [];
  for (const [j, c] of ct.entries()) {
    const r = randomness[j] ?? 0n;
    if (!group.equals(c.a, group.mulBase(r))) return undefined;
    out.push(group.sub(c.b, group.mul(pk, r)));
  }
  return out;
}
