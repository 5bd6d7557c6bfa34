/** NODE-ONLY worker thread entry: loads the group backend once and runs kernels on request. */
import { parentPort, workerData } from 'node:worker_threads';
import { loadGroup, type BackendName } from '../group/load-group.ts';
import type { GroupName } from '../group/group.ts';
import { runKernel, type KernelName } from '../parallel/runner.ts';

const data = workerData as { groupName: GroupName; backend: BackendName | undefined };
const group = await loadGroup(data.groupName, data.backend);

parentPort?.on('message', (msg: { id: number; kernel: KernelName; input: never }) => {
  try {
    const value = runKernel(group, msg.kernel, msg.input);
    parentPort?.postMessage({ id: msg.id, ok: true, value });
  } catch (e) {
    parentPort?.postMessage({ id: msg.id, ok: false, error: e instanceof Error ? e.message : String(e) });
  }
});
