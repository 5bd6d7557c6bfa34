/**
 * The verifier's bulk arithmetic: "is Σ kᵢ·Pᵢ the identity?" over encoded points and shuffle
 * generators, split in jobs. Inline by default (platform-neutral); ./node/msm-pool.ts runs the
 * jobs on worker threads. Decoding (validation) of every point happens inside the job.
 */
import type { Group } from '@isoloir/crypto';
import { hsRange } from './hashes.ts';

export interface MsmJob {
  readonly points: readonly Uint8Array[];
  readonly scalars: readonly bigint[];
  /** Optional: also Σ gᵢ·h_{from+i} over shuffle generators. */
  readonly generatorsFrom?: number;
  readonly generatorScalars?: readonly bigint[];
}

/** Encoded partial sum, or undefined if a point does not decode. */
export function runMsmJob<P>(group: Group<P>, job: MsmJob): Uint8Array | undefined {
  const pts: P[] = [];
  for (const b of job.points) {
    const p = group.decode(b);
    if (p === undefined) return undefined;
    pts.push(p);
  }
  let sum = group.msm(pts, job.scalars);
  if (job.generatorScalars !== undefined && job.generatorScalars.length > 0) {
    const from = job.generatorsFrom ?? 0;
    const gens = hsRange(group, from, job.generatorScalars.length);
    sum = group.add(sum, group.msm(gens, job.generatorScalars));
  }
  return group.encode(sum);
}

export interface MsmService {
  readonly parallelism: number;
  run(jobs: readonly MsmJob[]): Promise<(Uint8Array | undefined)[]>;
}

export function inlineMsm(group: Group<unknown>): MsmService {
  return { parallelism: 1, run: (jobs) => Promise.resolve(jobs.map((j) => runMsmJob(group, j))) };
}
