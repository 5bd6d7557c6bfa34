/**
 * The bulk steps of the shuffle prover, as pure functions over encoded data so that they can run
 * on any core (inline in a browser, in worker threads on the server). Indices are 0-based here;
 * element i of a chunk is position start+i+1 of the protocol description.
 *
 * Chunks travel as flat byte arrays (elements of `elementLength` bytes back to back), so that a
 * chunk is one buffer to copy to or from a worker, not one object per element.
 */
import type { Group } from '../group/group.ts';
import { generatorH0, generators } from './generators.ts';

export interface Phase1Input {
  readonly pk: Uint8Array;
  readonly start: number;
  readonly count: number;
  readonly width: number;
  /** Per output position i: the encoded input ciphertext e_{π(i)} as a₀, b₀, a₁, b₁, … (flat). */
  readonly inputs: Uint8Array;
  /** r'ᵢ,ᵥ, flat: index i·width + v. */
  readonly reencryption: readonly bigint[];
  /** r_{π(i)}: randomness of the permutation commitment c_{π(i)} = r_{π(i)}·G + hᵢ. */
  readonly commitmentRandomness: readonly bigint[];
  readonly omegaPrime: readonly bigint[];
}

export interface Phase1Output {
  /** The output ciphertexts e'ᵢ, flat as the inputs. */
  readonly outputs: Uint8Array;
  /** c_{π(i)} at output position i, flat. */
  readonly commitments: Uint8Array;
  /** Σ ω'ᵢ·hᵢ over the chunk. */
  readonly sumH: Uint8Array;
  /** Σ ω'ᵢ·a'ᵢ,w and Σ ω'ᵢ·b'ᵢ,w per component w over the chunk. */
  readonly sumA: Uint8Array[];
  readonly sumB: Uint8Array[];
}

const pkTables = new WeakMap<object, { key: string; mul: (k: bigint) => unknown }>();

function pkMul<P>(group: Group<P>, pkBytes: Uint8Array): (k: bigint) => P {
  const key = Array.from(pkBytes).join(',');
  const cached = pkTables.get(group);
  if (cached?.key === key) return cached.mul as (k: bigint) => P;
  const pk = group.decode(pkBytes);
  if (pk === undefined) throw new Error('shuffle kernel: invalid public key');
  const mul = group.fixedBase(pk);
  pkTables.set(group, { key, mul });
  return mul;
}

export function shufflePhase1<P>(group: Group<P>, input: Phase1Input): Phase1Output {
  const mulPk = pkMul(group, input.pk);
  const { count, width } = input;
  const len = group.elementLength;
  const hs = generators(group, input.start, count);
  const outA: P[][] = Array.from({ length: width }, () => new Array<P>(count));
  const outB: P[][] = Array.from({ length: width }, () => new Array<P>(count));
  const outputs = new Uint8Array(count * 2 * width * len);
  const commitments = new Uint8Array(count * len);
  const src = input.inputs;
  for (let i = 0; i < count; i++) {
    for (let w = 0; w < width; w++) {
      const at = (i * 2 * width + 2 * w) * len;
      const a0 = group.decode(src.subarray(at, at + len));
      const b0 = group.decode(src.subarray(at + len, at + 2 * len));
      if (a0 === undefined || b0 === undefined) throw new Error('shuffle kernel: invalid element');
      const r = input.reencryption[i * width + w] ?? 0n;
      const a = group.add(a0, group.mulBase(r));
      const b = group.add(b0, mulPk(r));
      (outA[w] as P[])[i] = a;
      (outB[w] as P[])[i] = b;
      outputs.set(group.encode(a), at);
      outputs.set(group.encode(b), at + len);
    }
    const h = hs[i] ?? group.identity;
    commitments.set(group.encode(group.add(group.mulBase(input.commitmentRandomness[i] ?? 0n), h)), i * len);
  }
  const omegas = input.omegaPrime;
  return {
    outputs,
    commitments,
    sumH: group.encode(group.msm(hs, omegas)),
    sumA: outA.map((pts) => group.encode(group.msm(pts, omegas))),
    sumB: outB.map((pts) => group.encode(group.msm(pts, omegas))),
  };
}

export interface Phase2Input {
  /** ĉᵢ = Rᵢ·G + Uᵢ·H₀ and t̂ᵢ = αᵢ·G + βᵢ·H₀ (the chain in closed form). */
  readonly chainG: readonly bigint[];
  readonly chainH: readonly bigint[];
  readonly tHatG: readonly bigint[];
  readonly tHatH: readonly bigint[];
}

export interface Phase2Output {
  /** ĉᵢ and t̂ᵢ, flat. */
  readonly chain: Uint8Array;
  readonly tHat: Uint8Array;
}

const h0Tables = new WeakMap<object, (k: bigint) => unknown>();

export function shufflePhase2<P>(group: Group<P>, input: Phase2Input): Phase2Output {
  let mulH0 = h0Tables.get(group) as ((k: bigint) => P) | undefined;
  if (mulH0 === undefined) {
    mulH0 = group.fixedBase(generatorH0(group));
    h0Tables.set(group, mulH0);
  }
  const mh = mulH0;
  const len = group.elementLength;
  const count = input.chainG.length;
  const chain = new Uint8Array(count * len);
  const tHat = new Uint8Array(count * len);
  for (let i = 0; i < count; i++) {
    chain.set(group.encode(group.add(group.mulBase(input.chainG[i] ?? 0n), mh(input.chainH[i] ?? 0n))), i * len);
    tHat.set(group.encode(group.add(group.mulBase(input.tHatG[i] ?? 0n), mh(input.tHatH[i] ?? 0n))), i * len);
  }
  return { chain, tHat };
}
