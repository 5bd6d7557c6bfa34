/** NODE-ONLY: the verifier's own worker pool for MsmService jobs. */
import { Worker } from 'node:worker_threads';
import { availableParallelism } from 'node:os';
import type { MsmJob, MsmService } from '../msm-service.ts';

export interface MsmPool extends MsmService {
  close(): Promise<void>;
}

export function createMsmPool(groupName: string, size = availableParallelism()): MsmPool {
  const workers = Array.from({ length: size }, () => new Worker(new URL('./msm-worker.ts', import.meta.url), { workerData: { groupName } }));
  const pending = new Map<number, (v: Uint8Array | undefined) => void>();
  let next = 0;
  for (const w of workers) {
    w.on('message', (m: { id: number; value: Uint8Array | undefined }) => {
      pending.get(m.id)?.(m.value);
      pending.delete(m.id);
    });
  }
  return {
    parallelism: size,
    run: (jobs: readonly MsmJob[]) =>
      Promise.all(
        jobs.map(
          (job, i) =>
            new Promise<Uint8Array | undefined>((resolve) => {
              const id = next++;
              pending.set(id, resolve);
              workers[i % workers.length]?.postMessage({ id, job });
            }),
        ),
      ),
    close: async () => {
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}
