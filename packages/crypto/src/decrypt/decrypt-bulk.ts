/**
 * Threshold decryption of a whole group of encoded ciphertexts, using a Runner for the bulk work.
 * Same proof as ./partial-decryption.ts (identical hash inputs), over encoded data.
 */
import type { Group } from '../group/group.ts';
import { createHasher, hashToScalar } from '../hash/hash-input.ts';
import { proveEquality, verifyEquality, type EqualityProof } from '../proofs/chaum-pedersen.ts';
import { chunkRanges, type Runner } from '../parallel/runner.ts';
import { lagrangeAtZero } from '../keygen/polynomial.ts';
import { err, ok, type Result } from '../result.ts';
import {
  DECRYPTION_BATCH_LABEL,
  DECRYPTION_COEFFICIENT_LABEL,
  DECRYPTION_PROOF_LABEL,
  type DecryptionContext,
} from './partial-decryption.ts';
import type { EncodedCiphertext } from '../shuffle/shuffle-prove.ts';

export interface EncodedPartialDecryption {
  readonly trustee: number;
  /** shares[i][w] = xⱼ·a for ciphertext i, component w (encoded). */
  readonly shares: readonly (readonly Uint8Array[])[];
  readonly proof: EqualityProof;
}

function components(cts: readonly EncodedCiphertext[], part: 0 | 1): Uint8Array[] {
  const out: Uint8Array[] = [];
  for (const ct of cts) for (let w = part; w < ct.length; w += 2) out.push(ct[w] ?? new Uint8Array(0));
  return out;
}

async function batch<P>(
  group: Group<P>,
  runner: Runner,
  ctx: DecryptionContext,
  trustee: number,
  vk: P,
  as: readonly Uint8Array[],
  ds: readonly Uint8Array[],
): Promise<{ seed: Uint8Array; a: P; d: P }> {
  const h = createHasher(DECRYPTION_BATCH_LABEL);
  h.add([group.name, ctx.electionId, ctx.groupId, trustee, group.encode(vk)]);
  for (const a of as) h.add(a);
  for (const d of ds) h.add(d);
  const seed = h.digest();
  const rho = as.map((_, k) => hashToScalar(group.order, DECRYPTION_COEFFICIENT_LABEL, [seed, k]));
  const sums = await runner.run(
    'decryptShares',
    chunkRanges(as.length, runner.parallelism).map(([lo, hi]) => ({
      op: 'batch' as const,
      a: as.slice(lo, hi),
      d: ds.slice(lo, hi),
      rho: rho.slice(lo, hi),
    })),
  );
  let a = group.identity;
  let d = group.identity;
  for (const [sa, sd] of sums) {
    const pa = sa === undefined ? undefined : group.decode(sa);
    const pd = sd === undefined ? undefined : group.decode(sd);
    if (pa === undefined || pd === undefined) throw new Error('decrypt: bad partial sum');
    a = group.add(a, pa);
    d = group.add(d, pd);
  }
  return { seed, a, d };
}

function regroup(flat: readonly Uint8Array[], width: number): Uint8Array[][] {
  const out: Uint8Array[][] = [];
  for (let i = 0; i < flat.length; i += width) out.push(flat.slice(i, i + width));
  return out;
}

export async function partialDecryptBulk<P>(
  group: Group<P>,
  runner: Runner,
  ctx: DecryptionContext,
  trustee: number,
  secret: bigint,
  cts: readonly EncodedCiphertext[],
): Promise<EncodedPartialDecryption> {
  const as = components(cts, 0);
  const parts = await runner.run(
    'decryptShares',
    chunkRanges(as.length, runner.parallelism).map(([lo, hi]) => ({
      op: 'shares' as const,
      secret,
      a: as.slice(lo, hi),
    })),
  );
  const ds = parts.flat();
  const vk = group.mulBase(secret);
  const { seed, a, d } = await batch(group, runner, ctx, trustee, vk, as, ds);
  const proof = proveEquality(
    group,
    DECRYPTION_PROOF_LABEL,
    [ctx.electionId, ctx.groupId, trustee, seed],
    secret,
    vk,
    a,
    d,
  );
  return { trustee, shares: regroup(ds, (cts[0]?.length ?? 2) / 2), proof };
}

export async function verifyPartialDecryptionBulk<P>(
  group: Group<P>,
  runner: Runner,
  ctx: DecryptionContext,
  vk: P,
  cts: readonly EncodedCiphertext[],
  pd: EncodedPartialDecryption,
): Promise<boolean> {
  if (pd.shares.length !== cts.length || pd.shares.some((row, i) => row.length * 2 !== (cts[i]?.length ?? -1)))
    return false;
  const as = components(cts, 0);
  const ds = pd.shares.flat();
  if (ds.some((d) => group.decode(d) === undefined)) return false;
  const { seed, a, d } = await batch(group, runner, ctx, pd.trustee, vk, as, ds);
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

/** Plaintext elements (encoded) from `threshold` verified partial decryptions. */
export async function combineBulk<P>(
  group: Group<P>,
  runner: Runner,
  threshold: number,
  cts: readonly EncodedCiphertext[],
  partials: readonly EncodedPartialDecryption[],
): Promise<Result<Uint8Array[][], 'too-few-trustees' | 'duplicate-trustee'>> {
  const used = partials.slice(0, threshold);
  const indices = used.map((p) => p.trustee);
  if (new Set(indices).size !== indices.length) return err('duplicate-trustee');
  if (used.length < threshold) return err('too-few-trustees');
  const lambdas = indices.map((j) => lagrangeAtZero(indices, j, group.order));
  const bs = components(cts, 1);
  const shares = used.map((p) => p.shares.flat());
  const parts = await runner.run(
    'decryptShares',
    chunkRanges(bs.length, runner.parallelism).map(([lo, hi]) => ({
      op: 'combine' as const,
      b: bs.slice(lo, hi),
      shares: shares.map((s) => s.slice(lo, hi)),
      lambdas,
    })),
  );
  return ok(regroup(parts.flat(), (cts[0]?.length ?? 2) / 2));
}
