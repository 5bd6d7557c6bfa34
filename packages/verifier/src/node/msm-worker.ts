/** NODE-ONLY worker entry for the verifier's MSM jobs. */
import { parentPort, workerData } from 'node:worker_threads';
import { isGroupName, loadGroup } from '@isoloir/crypto';
import { runMsmJob } from '../msm-service.ts';
import type { PackedMsmJob } from './msm-pool.ts';

const { groupName } = workerData as { groupName: string };
if (!isGroupName(groupName)) throw new Error(`unknown group ${groupName}`);
const group = await loadGroup(groupName);
parentPort?.on('message', (m: { id: number; job: PackedMsmJob }) => {
  const { packed, lengths, ...rest } = m.job;
  const points: Uint8Array[] = [];
  let at = 0;
  for (const len of lengths) {
    points.push(packed.subarray(at, at + len));
    at += len;
  }
  parentPort?.postMessage({ id: m.id, value: runMsmJob(group, { ...rest, points }) });
});
