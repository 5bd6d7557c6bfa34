/**
 * The bulk steps of the shuffle prover, as pure functions over encoded data so that they can run
 * on any core (inline in a browser, in worker threads on the server). Indices are 0-based here;
 * element i of a chunk is position start+i+1 of the protocol description.
 */
import type { Group } from '../group/group.ts';
import { generatorH0, generators } from './generators.ts';

export interface Phase1Input {
  readonly pk: Uint8Array;
  readonly start: number;
  /** Per output position i: the encoded input ciphertext e_{π(i)} as [a₀, b₀, a₁, b₁, …]. */
  readonly inputs: readonly (readonly Uint8Array[])[];
  readonly reencryption: readonly (readonly bigint[])[];
  /** r_{π(i)}: randomness of the permutation commitment c_{π(i)} = r_{π(i)}·G + hᵢ. */
  readonly commitmentRandomness: readonly bigint[];
  readonly omegaPrime: readonly bigint[];
}

export interface Phase1Output {
  readonly outputs: Uint8Array[][];
  readonly commitments: Uint8Array[];
  /** Σ ω'ᵢ·hᵢ over the chunk. */
  readonly sumH: Uint8Array;
  /** Σ ω'ᵢ·a'ᵢ,w and Σ ω'ᵢ·b'ᵢ,w per component w over the chunk. */
  readonly sumA: Uint8Array[];
  readonly sumB: Uint8Array[];
}

function mustDecode<P>(group: Group<P>, bytes: Uint8Array | undefined): P {
  const p = bytes === undefined ? undefined : group.decode(bytes);
  if (p === undefined) throw new Error('shuffle kernel: invalid element');
  return p;
}

const pkTables = new WeakMap<object, { key: string; mul: (k: bigint) => unknown }>();

function pkMul<P>(group: Group<P>, pkBytes: Uint8Array): (k: bigint) => P {
  const key = Array.from(pkBytes).join(',');
  const cached = pkTables.get(group);
  if (cached?.key === key) return cached.mul as (k: bigint) => P;
  const mul = group.fixedBase(mustDecode(group, pkBytes));
  pkTables.set(group, { key, mul });
  return mul;
}

export function shufflePhase1<P>(group: Group<P>, input: Phase1Input): Phase1Output {
  const mulPk = pkMul(group, input.pk);
  const hs = generators(group, input.start, input.inputs.length);
  const width = (input.inputs[0]?.length ?? 0) / 2;
  const outA: P[][] = Array.from({ length: width }, () => []);
  const outB: P[][] = Array.from({ length: width }, () => []);
  const outputs: Uint8Array[][] = [];
  const commitments: Uint8Array[] = [];
  input.inputs.forEach((enc, i) => {
    const row: Uint8Array[] = [];
    for (let w = 0; w < width; w++) {
      const r = input.reencryption[i]?.[w] ?? 0n;
      const a = group.add(mustDecode(group, enc[2 * w]), group.mulBase(r));
      const b = group.add(mustDecode(group, enc[2 * w + 1]), mulPk(r));
      outA[w]?.push(a);
      outB[w]?.push(b);
      row.push(group.encode(a), group.encode(b));
    }
    outputs.push(row);
    const h = hs[i] ?? group.identity;
    commitments.push(group.encode(group.add(group.mulBase(input.commitmentRandomness[i] ?? 0n), h)));
  });
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
  readonly chain: Uint8Array[];
  readonly tHat: Uint8Array[];
}

const h0Tables = new WeakMap<object, (k: bigint) => unknown>();

export function shufflePhase2<P>(group: Group<P>, input: Phase2Input): Phase2Output {
  let mulH0 = h0Tables.get(group) as ((k: bigint) => P) | undefined;
  if (mulH0 === undefined) {
    mulH0 = group.fixedBase(generatorH0(group));
    h0Tables.set(group, mulH0);
  }
  const mh = mulH0;
  return {
    chain: input.chainG.map((r, i) => group.encode(group.add(group.mulBase(r), mh(input.chainH[i] ?? 0n)))),
    tHat: input.tHatG.map((r, i) => group.encode(group.add(group.mulBase(r), mh(input.tHatH[i] ?? 0n)))),
  };
}
