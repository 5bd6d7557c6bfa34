/**
 * NODE-ONLY: a pool of worker threads running the kernels of ./runner.ts. Not imported by the
 * platform-neutral protocol code; the server, the CLI and the benchmarks pass it in as a Runner.
 */
import { Worker } from 'node:worker_threads';
import { availableParallelism } from 'node:os';
import type { GroupName } from '../group/group.ts';
import type { BackendName } from '../group/load-group.ts';
import type { KernelInput, KernelName, KernelOutput, Runner } from '../parallel/runner.ts';

interface Reply {
  readonly id: number;
  readonly ok: boolean;
  readonly value?: unknown;
  readonly error?: string;
}

export interface WorkerPool extends Runner {
  close(): Promise<void>;
}

export function createWorkerPool(groupName: GroupName, backend?: BackendName, size = availableParallelism()): WorkerPool {
  const workers = Array.from({ length: size }, () => new Worker(new URL('./kernel-worker.ts', import.meta.url), { workerData: { groupName, backend } }));
  const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  const load = workers.map(() => 0);
  let nextId = 0;
  workers.forEach((worker, w) => {
    worker.on('message', (reply: Reply) => {
      const p = pending.get(reply.id);
      pending.delete(reply.id);
      load[w] = (load[w] ?? 1) - 1;
      if (p === undefined) return;
      if (reply.ok) p.resolve(reply.value);
      else p.reject(new Error(reply.error ?? 'worker error'));
    });
    worker.on('error', (e: Error) => {
      for (const p of pending.values()) p.reject(e);
      pending.clear();
    });
  });

  function submit(kernel: KernelName, input: unknown): Promise<unknown> {
    let w = 0;
    for (let i = 1; i < workers.length; i++) if ((load[i] ?? 0) < (load[w] ?? 0)) w = i;
    load[w] = (load[w] ?? 0) + 1;
    const id = nextId++;
    return new Promise((resolve, reject) => {
      pending.set(id, { resolve, reject });
      workers[w]?.postMessage({ id, kernel, input });
    });
  }

  return {
    parallelism: size,
    run: async <K extends KernelName>(kernel: K, inputs: readonly KernelInput<K>[]) =>
      (await Promise.all(inputs.map((input) => submit(kernel, input)))) as KernelOutput<K>[],
    close: async () => {
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}
