/**
 * Threshold decryption share of trustee j for every ciphertext component of a group:
 *   dₖ = xⱼ·aₖ, with one batched Chaum–Pedersen proof that log_G(vkⱼ) = log_A(D) where
 *   seed = H("isoloir/v1/decryption-batch", group, electionId, groupId, j, vkⱼ, [aₖ], [dₖ]),
 *   ρₖ = H("isoloir/v1/decryption-coefficient", seed, k),  A = Σ ρₖ·aₖ,  D = Σ ρₖ·dₖ.
 * If any dₖ ≠ xⱼ·aₖ then D ≠ xⱼ·A except with probability 1/q, so the proof fails.
 */
import type { Group } from '../group/group.ts';
import { createHasher, hashToScalar } from '../hash/hash-input.ts';
import type { Ciphertext } from '../elgamal/elgamal.ts';
import { proveEquality, verifyEquality, type EqualityProof } from '../proofs/chaum-pedersen.ts';

export const DECRYPTION_BATCH_LABEL = 'isoloir/v1/decryption-batch';
export const DECRYPTION_COEFFICIENT_LABEL = 'isoloir/v1/decryption-coefficient';
export const DECRYPTION_PROOF_LABEL = 'isoloir/v1/decryption-proof';

export interface DecryptionContext {
  readonly electionId: string;
  readonly groupId: string;
}

export interface PartialDecryption<P> {
  readonly trustee: number;
  /** shares[i][w] = xⱼ·a for ciphertext i, component w. */
  readonly shares: readonly (readonly P[])[];
  readonly proof: EqualityProof;
}

function batch<P>(
  group: Group<P>,
  ctx: DecryptionContext,
  trustee: number,
  vk: P,
  cts: readonly (readonly Ciphertext<P>[])[],
  shares: readonly (readonly P[])[],
): { seed: Uint8Array; a: P; d: P } {
  const h = createHasher(DECRYPTION_BATCH_LABEL);
  h.add([group.name, ctx.electionId, ctx.groupId, trustee, group.encode(vk)]);
  for (const ct of cts) for (const c of ct) h.add(group.encode(c.a));
  for (const row of shares) for (const d of row) h.add(group.encode(d));
  const seed = h.digest();
  const as: P[] = [];
  const ds: P[] = [];
  const rhos: bigint[] = [];
  cts.forEach((ct, i) => {
    ct.forEach((c, w) => {
      as.push(c.a);
      ds.push(shares[i]?.[w] ?? group.identity);
      rhos.push(hashToScalar(group.order, DECRYPTION_COEFFICIENT_LABEL, [seed, rhos.length]));
    });
  });
  return { seed, a: group.msm(as, rhos), d: group.msm(ds, rhos) };
}

export function partialDecrypt<P>(
  group: Group<P>,
  ctx: DecryptionContext,
  trustee: number,
  secret: bigint,
  cts: readonly (readonly Ciphertext<P>[])[],
): PartialDecryption<P> {
  const shares = cts.map((ct) => ct.map((c) => group.mul(c.a, secret)));
  const vk = group.mulBase(secret);
  const { seed, a, d } = batch(group, ctx, trustee, vk, cts, shares);
  const proof = proveEquality(
    group,
    DECRYPTION_PROOF_LABEL,
    [ctx.electionId, ctx.groupId, trustee, seed],
    secret,
    vk,
    a,
    d,
  );
  return { trustee, shares, proof };
}

export function verifyPartialDecryption<P>(
  group: Group<P>,
  ctx: DecryptionContext,
  vk: P,
  cts: readonly (readonly Ciphertext<P>[])[],
  pd: PartialDecryption<P>,
): boolean {
  if (pd.shares.length !== cts.length || pd.shares.some((row, i) => row.length !== (cts[i]?.length ?? -1)))
    return false;
  const { seed, a, d } = batch(group, ctx, pd.trustee, vk, cts, pd.shares);
  return verifyEquality(
    group,
    DECRYPTION_PROOF_LABEL,
    [ctx.electionId, ctx.groupId, pd.trustee, seed],
    vk,
    a,
    d,
    pd.proof,
  );
}
