/** NODE-ONLY: the verifier's own worker pool for MsmService jobs. */
import { Worker } from 'node:worker_threads';
import { availableParallelism } from 'node:os';
import type { MsmJob, MsmService } from '../msm-service.ts';

/** A job as sent to a worker: the points packed into one buffer (one copy, not one object each). */
export interface PackedMsmJob {
  readonly packed: Uint8Array;
  readonly lengths: Uint32Array;
  readonly scalars: readonly bigint[];
  readonly generatorsFrom?: number;
  readonly generatorScalars?: readonly bigint[];
}

function pack(job: MsmJob): PackedMsmJob {
  const lengths = new Uint32Array(job.points.length);
  let total = 0;
  job.points.forEach((p, i) => {
    lengths[i] = p.length;
    total += p.length;
  });
  const packed = new Uint8Array(total);
  let at = 0;
  for (const p of job.points) {
    packed.set(p, at);
    at += p.length;
  }
  return {
    packed,
    lengths,
    scalars: job.scalars,
    ...(job.generatorsFrom === undefined ? {} : { generatorsFrom: job.generatorsFrom }),
    ...(job.generatorScalars === undefined ? {} : { generatorScalars: job.generatorScalars }),
  };
}

export interface MsmPool extends MsmService {
  close(): Promise<void>;
}

export function createMsmPool(groupName: string, size = availableParallelism()): MsmPool {
  const workers = Array.from(
    { length: size },
    () => new Worker(new URL('./msm-worker.ts', import.meta.url), { workerData: { groupName } }),
  );
  const pending = new Map<number, (v: Uint8Array | undefined) => void>();
  // One queue; each worker holds at most 2 jobs, so a worker slowed down by other load takes fewer.
  const queue: { id: number; job: PackedMsmJob }[] = [];
  const load = workers.map(() => 0);
  let next = 0;
  const dispatch = (): void => {
    workers.forEach((w, i) => {
      while ((load[i] ?? 0) < 2 && queue.length > 0) {
        const task = queue.shift();
        if (task === undefined) return;
        load[i] = (load[i] ?? 0) + 1;
        w.postMessage(task);
      }
    });
  };
  workers.forEach((w, i) => {
    w.on('message', (m: { id: number; value: Uint8Array | undefined }) => {
      load[i] = Math.max(0, (load[i] ?? 1) - 1);
      dispatch();
      pending.get(m.id)?.(m.value);
      pending.delete(m.id);
    });
  });
  return {
    parallelism: size,
    run: (jobs: readonly MsmJob[]) =>
      Promise.all(
        jobs.map(
          (job) =>
            new Promise<Uint8Array | undefined>((resolve) => {
              const id = next++;
              pending.set(id, resolve);
              queue.push({ id, job: pack(job) });
              dispatch();
            }),
        ),
      ),
    close: async () => {
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}
