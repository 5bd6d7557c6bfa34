/**
 * The verifier's own statement of every Fiat–Shamir hash (PROTOCOL.md §2). It uses only the hash
 * primitive of @isoloir/crypto (injective SHA-512 encoding), never the prover's proof code.
 */
import { createHasher, bytesToScalar, hashToElement, hashToScalar, type Group, type HashInput } from '@isoloir/crypto';

export const LABELS = {
  ballot: 'isoloir/v1/ballot-proof',
  dealer: 'isoloir/v1/dkg-coefficient',
  trusteeKey: 'isoloir/v1/trustee-key',
  generator: 'isoloir/v1/shuffle-generator',
  shuffleStatement: 'isoloir/v1/shuffle-statement',
  shuffleU: 'isoloir/v1/shuffle-u',
  shuffleChallenge: 'isoloir/v1/shuffle-challenge',
  decryptionBatch: 'isoloir/v1/decryption-batch',
  decryptionCoefficient: 'isoloir/v1/decryption-coefficient',
  decryptionProof: 'isoloir/v1/decryption-proof',
} as const;

export { createHasher, bytesToScalar, hashToScalar, type HashInput };

const h0Cache = new WeakMap<object, unknown>();
const hCache = new WeakMap<object, unknown[]>();

export function h0<P>(group: Group<P>): P {
  let h = h0Cache.get(group) as P | undefined;
  if (h === undefined) {
    h = hashToElement(group, LABELS.generator, [group.name, 'h0']);
    h0Cache.set(group, h);
  }
  return h;
}

/** h₁ … h_n */
export function hs<P>(group: Group<P>, n: number): P[] {
  return hsRange(group, 0, n);
}

/** h_{from+1} … h_{from+count}: derives (and caches) only the generators asked for. */
export function hsRange<P>(group: Group<P>, from: number, count: number): P[] {
  let cache = hCache.get(group) as (P | undefined)[] | undefined;
  if (cache === undefined) {
    cache = [];
    hCache.set(group, cache);
  }
  const out: P[] = [];
  for (let i = from + 1; i <= from + count; i++) {
    let h = cache[i - 1];
    if (h === undefined) {
      h = hashToElement(group, LABELS.generator, [group.name, i]);
      cache[i - 1] = h;
    }
    out.push(h);
  }
  return out;
}

/** Schnorr-style check: c == H(label, [group, context, G, ...points]) with the given recomputed points. */
export function challengeOf<P>(group: Group<P>, label: string, context: HashInput, points: readonly P[]): bigint {
  return hashToScalar(group.order, label, [
    group.name,
    context,
    group.encode(group.generator),
    ...points.map((p) => group.encode(p)),
  ]);
}
