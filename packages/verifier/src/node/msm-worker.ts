/** NODE-ONLY worker entry for the verifier's MSM jobs. */
import { parentPort, workerData } from 'node:worker_threads';
import { isGroupName, loadGroup } from '@isoloir/crypto';
import { runMsmJob, type MsmJob } from '../msm-service.ts';

const { groupName } = workerData as { groupName: string };
if (!isGroupName(groupName)) throw new Error(`unknown group ${groupName}`);
const group = await loadGroup(groupName);
parentPort?.on('message', (m: { id: number; job: MsmJob }) => {
  parentPort?.postMessage({ id: m.id, value: runMsmJob(group, m.job) });
});
