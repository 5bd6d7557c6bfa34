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

/** Tasks in flight per worker: 2, so that a worker never waits for the next message. */
const IN_FLIGHT = 2;

export function createWorkerPool(
  groupName: GroupName,
  backend?: BackendName,
  size = availableParallelism(),
): WorkerPool {
  const workers = Array.from(
    { length: size },
    () => new Worker(new URL('./kernel-worker.ts', import.meta.url), { workerData: { groupName, backend } }),
  );
  const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  // Tasks wait in one queue and go to whichever worker frees up first: when the machine is shared,
  // a slowed-down worker simply takes fewer chunks (no static split that waits for the slowest).
  const queue: { id: number; kernel: KernelName; input: unknown }[] = [];
  const load = workers.map(() => 0);
  let nextId = 0;

  function dispatch(): void {
    for (let w = 0; w < workers.length && queue.length > 0; w++) {
      while ((load[w] ?? 0) < IN_FLIGHT && queue.length > 0) {
        const task = queue.shift();
        if (task === undefined) break;
        load[w] = (load[w] ?? 0) + 1;
        workers[w]?.postMessage(task);
      }
    }
  }

  workers.forEach((worker, w) => {
    worker.on('message', (reply: Reply) => {
      const p = pending.get(reply.id);
      pending.delete(reply.id);
      load[w] = Math.max(0, (load[w] ?? 1) - 1);
      dispatch();
      if (p === undefined) return;
      if (reply.ok) p.resolve(reply.value);
      else p.reject(new Error(reply.error ?? 'worker error'));
    });
    worker.on('error', (e: Error) => {
      for (const p of pending.values()) p.reject(e);
      pending.clear();
      queue.length = 0;
    });
  });

  function submit(kernel: KernelName, input: unknown): Promise<unknown> {
    const id = nextId++;
    return new Promise((resolve, reject) => {
      pending.set(id, { resolve, reject });
      queue.push({ id, kernel, input });
      dispatch();
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
