/**
 * Verifiable re-encryption shuffle with a Terelius–Wikström proof, following the structure of
 * Haenni et al., "Pseudo-code algorithms for verifiable re-encryption mix-nets" (GenShuffleProof),
 * adapted to additive notation, ciphertext vectors of width W, and a commitment chain computed in
 * closed form (ĉᵢ = Rᵢ·G + Uᵢ·H₀) so that every prover multiplication has a fixed base.
 * See PROTOCOL.md §6 for the notation and every hash input.
 */
import type { Group } from '../group/group.ts';
import { mod, randomScalar } from '../group/scalar.ts';
import { createHasher, bytesToScalar, hashToScalar } from '../hash/hash-input.ts';
import { generatorH0 } from './generators.ts';
import { randomPermutation } from './permutation.ts';
import { chunkRanges, type Runner } from '../parallel/runner.ts';
import type { Phase1Output } from './shuffle-kernels.ts';

export const SHUFFLE_STATEMENT_LABEL = 'isoloir/v1/shuffle-statement';
export const SHUFFLE_U_LABEL = 'isoloir/v1/shuffle-u';
export const SHUFFLE_CHALLENGE_LABEL = 'isoloir/v1/shuffle-challenge';

export interface ShuffleContext {
  readonly electionId: string;
  readonly groupId: string;
  readonly mixNode: number;
}

/** One ciphertext vector, encoded as [a₀, b₀, a₁, b₁, …]. */
export type EncodedCiphertext = readonly Uint8Array[];

export interface ShuffleProof {
  readonly commitments: readonly Uint8Array[];
  readonly chain: readonly Uint8Array[];
  readonly t1: Uint8Array;
  readonly t2: Uint8Array;
  readonly t3: Uint8Array;
  /** Per component w: (Σω'ᵢa'ᵢ − ω₄G, Σω'ᵢb'ᵢ − ω₄pk). */
  readonly t4: readonly (readonly [Uint8Array, Uint8Array])[];
  readonly tHat: readonly Uint8Array[];
  readonly s1: bigint;
  readonly s2: bigint;
  readonly s3: bigint;
  readonly s4: readonly bigint[];
  readonly sHat: readonly bigint[];
  readonly sPrime: readonly bigint[];
}

export interface ShuffleResult {
  readonly outputs: EncodedCiphertext[];
  readonly proof: ShuffleProof;
}

/** Hash of the statement (context, G, H₀, pk, inputs, outputs, permutation commitments). */
export function shuffleStatementSeed<P>(
  group: Group<P>,
  ctx: ShuffleContext,
  pk: Uint8Array,
  inputs: readonly EncodedCiphertext[],
  outputs: readonly EncodedCiphertext[],
  commitments: readonly Uint8Array[],
): Uint8Array {
  const h = createHasher(SHUFFLE_STATEMENT_LABEL);
  h.add([group.name, ctx.electionId, ctx.groupId, ctx.mixNode, inputs.length, (inputs[0]?.length ?? 0) / 2]);
  h.add([group.encode(group.generator), group.encode(generatorH0(group)), pk]);
  for (const list of [inputs, outputs]) for (const ct of list) for (const p of ct) h.add(p);
  for (const c of commitments) h.add(c);
  return h.digest();
}

export function shuffleChallenges(order: bigint, seed: Uint8Array, n: number): bigint[] {
  const u: bigint[] = [];
  for (let j = 1; j <= n; j++) u.push(hashToScalar(order, SHUFFLE_U_LABEL, [seed, j]));
  return u;
}

export function shuffleChallenge(
  order: bigint,
  seed: Uint8Array,
  proof: Pick<ShuffleProof, 'chain' | 't1' | 't2' | 't3' | 't4' | 'tHat'>,
): bigint {
  const h = createHasher(SHUFFLE_CHALLENGE_LABEL);
  h.add(seed);
  for (const c of proof.chain) h.add(c);
  h.add([proof.t1, proof.t2, proof.t3]);
  for (const [a, b] of proof.t4) h.add([a, b]);
  for (const t of proof.tHat) h.add(t);
  return bytesToScalar(h.digest(), order);
}

function sumEncoded<P>(group: Group<P>, encoded: readonly Uint8Array[]): P {
  let acc = group.identity;
  for (const e of encoded) {
    const p = group.decode(e);
    if (p === undefined) throw new Error('shuffle: invalid partial sum');
    acc = group.add(acc, p);
  }
  return acc;
}

function randoms(order: bigint, n: number): bigint[] {
  return Array.from({ length: n }, () => randomScalar(order));
}

export async function shuffleAndProve<P>(
  group: Group<P>,
  runner: Runner,
  ctx: ShuffleContext,
  pkBytes: Uint8Array,
  inputs: readonly EncodedCiphertext[],
): Promise<ShuffleResult> {
  const q = group.order;
  const n = inputs.length;
  const width = (inputs[0]?.length ?? 0) / 2;
  const pk = group.decode(pkBytes);
  if (pk === undefined || n === 0) throw new Error('shuffle: bad public key or empty input');
  const pi = randomPermutation(n);
  const reenc = randoms(q, n * width); // r'ᵢ,ᵥ at index i·W + v
  const r = randoms(q, n); // r_j: randomness of commitment c_j (indexed by input j)
  const rHat = randoms(q, n);
  const omegaHat = randoms(q, n);
  const omegaPrime = randoms(q, n);
  // About 8 chunks per worker: the pool hands them out as workers free up (load balancing).
  const ranges = chunkRanges(n, runner.parallelism * 2);

  const len = group.elementLength;
  const perCt = 2 * width * len;
  const phase1: Phase1Output[] = await runner.run(
    'shufflePhase1',
    ranges.map(([lo, hi]) => {
      const flat = new Uint8Array((hi - lo) * perCt);
      for (let i = lo; i < hi; i++) {
        const ct = inputs[pi[i] ?? 0] ?? [];
        if (ct.length !== 2 * width) throw new Error('shuffle: ciphertexts of different widths');
        ct.forEach((e, k) => {
          if (e.length !== len) throw new Error('shuffle: invalid element');
          flat.set(e, (i - lo) * perCt + k * len);
        });
      }
      return {
        pk: pkBytes,
        start: lo,
        count: hi - lo,
        width,
        inputs: flat,
        reencryption: reenc.slice(lo * width, hi * width),
        commitmentRandomness: pi.slice(lo, hi).map((j) => r[j] ?? 0n),
        omegaPrime: omegaPrime.slice(lo, hi),
      };
    }),
  );
  const outputs: Uint8Array[][] = [];
  const commitmentsAtOutput: Uint8Array[] = [];
  for (const o of phase1) {
    const count = o.commitments.length / len;
    for (let i = 0; i < count; i++) {
      const row: Uint8Array[] = [];
      for (let k = 0; k < 2 * width; k++) row.push(o.outputs.slice(i * perCt + k * len, i * perCt + (k + 1) * len));
      outputs.push(row);
      commitmentsAtOutput.push(o.commitments.slice(i * len, (i + 1) * len));
    }
  }
  const commitments: Uint8Array[] = new Array<Uint8Array>(n);
  pi.forEach((j, i) => {
    commitments[j] = commitmentsAtOutput[i] ?? new Uint8Array(0);
  });

  const seed = shuffleStatementSeed(group, ctx, pkBytes, inputs, outputs, commitments);
  const u = shuffleChallenges(q, seed, n);
  const uPrime = pi.map((j) => u[j] ?? 0n);

  const chainG: bigint[] = [];
  const chainH: bigint[] = [];
  const tHatG: bigint[] = [];
  const tHatH: bigint[] = [];
  let rPrev = 0n;
  let uPrev = 1n;
  for (let i = 0; i < n; i++) {
    const up = uPrime[i] ?? 0n;
    const op = omegaPrime[i] ?? 0n;
    tHatG.push(mod((omegaHat[i] ?? 0n) + op * rPrev, q));
    tHatH.push(mod(op * uPrev, q));
    rPrev = mod((rHat[i] ?? 0n) + up * rPrev, q);
    uPrev = mod(up * uPrev, q);
    chainG.push(rPrev);
    chainH.push(uPrev);
  }
  const phase2 = await runner.run(
    'shufflePhase2',
    ranges.map(([lo, hi]) => ({
      chainG: chainG.slice(lo, hi),
      chainH: chainH.slice(lo, hi),
      tHatG: tHatG.slice(lo, hi),
      tHatH: tHatH.slice(lo, hi),
    })),
  );

  const [w1, w2, w3] = randoms(q, 3);
  const w4 = randoms(q, width);
  const t4 = w4.map((w, k): [Uint8Array, Uint8Array] => [
    group.encode(
      group.sub(
        sumEncoded(
          group,
          phase1.map((o) => o.sumA[k] ?? new Uint8Array(0)),
        ),
        group.mulBase(w),
      ),
    ),
    group.encode(
      group.sub(
        sumEncoded(
          group,
          phase1.map((o) => o.sumB[k] ?? new Uint8Array(0)),
        ),
        group.mul(pk, w),
      ),
    ),
  ]);
  const split = (flat: Uint8Array): Uint8Array[] =>
    Array.from({ length: flat.length / len }, (_, i) => flat.slice(i * len, (i + 1) * len));
  const partial = {
    chain: phase2.flatMap((o) => split(o.chain)),
    t1: group.encode(group.mulBase(w1 ?? 0n)),
    t2: group.encode(group.mulBase(w2 ?? 0n)),
    t3: group.encode(
      group.add(
        group.mulBase(w3 ?? 0n),
        sumEncoded(
          group,
          phase1.map((o) => o.sumH),
        ),
      ),
    ),
    t4,
    tHat: phase2.flatMap((o) => split(o.tHat)),
  };
  const c = shuffleChallenge(q, seed, partial);

  const rBar = r.reduce((acc, x) => acc + x, 0n);
  const rTilde = r.reduce((acc, x, j) => acc + x * (u[j] ?? 0n), 0n);
  const rPrime = Array.from({ length: width }, () => 0n);
  for (let i = 0; i < n; i++)
    for (let k = 0; k < width; k++) rPrime[k] = (rPrime[k] ?? 0n) + (reenc[i * width + k] ?? 0n) * (uPrime[i] ?? 0n);
  return {
    outputs,
    proof: {
      commitments,
      ...partial,
      s1: mod((w1 ?? 0n) - c * rBar, q),
      s2: mod((w2 ?? 0n) - c * rPrev, q),
      s3: mod((w3 ?? 0n) - c * rTilde, q),
      s4: w4.map((w, k) => mod(w - c * (rPrime[k] ?? 0n), q)),
      sHat: omegaHat.map((w, i) => mod(w - c * (rHat[i] ?? 0n), q)),
      sPrime: omegaPrime.map((w, i) => mod(w - c * (uPrime[i] ?? 0n), q)),
    },
  };
}
