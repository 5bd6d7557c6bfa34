/**
 * Bulk work is expressed as kernels over encoded data, run by a runner: inline (browser, tests)
 * or on worker threads (node-only module ./node-worker-pool.ts). Protocol code only sees this.
 */
import type { Group } from '../group/group.ts';
import { shufflePhase1, shufflePhase2 } from '../shuffle/shuffle-kernels.ts';
import { decryptShares } from '../decrypt/decrypt-kernel.ts';
import { checkBallotProofs } from '../ballot/verify-kernel.ts';
import { encryptBallots } from '../ballot/encrypt-kernel.ts';

export const kernels = {
  shufflePhase1,
  shufflePhase2,
  decryptShares,
  checkBallotProofs,
  encryptBallots,
} as const;

type Kernels = typeof kernels;
export type KernelName = keyof Kernels;
export type KernelInput<K extends KernelName> = Parameters<Kernels[K]>[1];
export type KernelOutput<K extends KernelName> = ReturnType<Kernels[K]>;

export interface Runner {
  /** Number of workers; protocol code splits work into at least this many chunks. */
  readonly parallelism: number;
  run<K extends KernelName>(kernel: K, inputs: readonly KernelInput<K>[]): Promise<KernelOutput<K>[]>;
}

export function runKernel<K extends KernelName>(
  group: Group<unknown>,
  kernel: K,
  input: KernelInput<K>,
): KernelOutput<K> {
  const fn = kernels[kernel] as (g: Group<unknown>, i: KernelInput<K>) => KernelOutput<K>;
  return fn(group, input);
}

export function inlineRunner(group: Group<unknown>): Runner {
  return {
    parallelism: 1,
    run: (kernel, inputs) => Promise.resolve(inputs.map((input) => runKernel(group, kernel, input))),
  };
}

/** Split [0, n) into contiguous ranges for the runner. */
export function chunkRanges(n: number, parallelism: number, minChunk = 256): [number, number][] {
  const chunks = Math.max(1, Math.min(Math.ceil(n / minChunk), parallelism * 4));
  const size = Math.ceil(n / chunks);
  const out: [number, number][] = [];
  for (let lo = 0; lo < n; lo += size) out.push([lo, Math.min(n, lo + size)]);
  return out;
}
