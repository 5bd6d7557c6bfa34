// The proof checks the running server applies to trustees' uploads: the shuffle proof checked by
// @isoloir/verifier (the server may not import it, so `isoloir start` injects it), on worker
// threads created at the first upload and ended when the server stops.
import { loadNodeWorkerPool, type Group, type Runner } from '@isoloir/crypto';
import { loadMsmPool, verifyShuffleProof, type MsmService } from '@isoloir/verifier';
import type { CountingChecks, ShuffleChecker } from '@isoloir/server/counting';

type Closable = { close(): Promise<void> };

export function verifierChecks(): CountingChecks {
  const msms = new Map<string, Promise<MsmService & Closable>>();
  const runners = new Map<string, Runner & Closable>();
  const msmFor = (group: Group<unknown>): Promise<MsmService & Closable> => {
    let m = msms.get(group.name);
    if (m === undefined) {
      m = loadMsmPool().then((mod) => mod.createMsmPool(group.name));
      msms.set(group.name, m);
    }
    return m;
  };
  return {
    shuffleCheckerFor(group): ShuffleChecker {
      return async (st, inputs, outputs, proof) =>
        verifyShuffleProof(
          group,
          st,
          inputs,
          outputs,
          proof,
          `shuffle ${st.groupId} #${String(st.mixNode)}`,
          await msmFor(group),
        );
    },
    close: async () => {
      for (const m of msms.values()) await (await m).close();
      for (const r of runners.values()) await r.close();
    },
    runnerFor(group) {
      let r = runners.get(group.name);
      if (r === undefined) {
        r = workerPools.createWorkerPool(group.name);
        runners.set(group.name, r);
      }
      return r;
    },
  };
}

const workerPools = await loadNodeWorkerPool();
