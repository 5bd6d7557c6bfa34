// The demo election's key ceremony at `npm start` (development only): 3 trustees, threshold 2, run
// in this process because the demo has no real trustees. Their key shares are written to
// DATA/DEMO-ONLY-trustee-shares/ (mode 600), never into the database; a real election's trustees
// hold their shares on their own machines. Skipped when the election already has a key.
import { join } from 'node:path';
import type { Store } from '@isoloir/store';
import { DEMO_ELECTION_ID } from '../demo/generate-demo.ts';
import { runDemoCeremony } from './ceremony.ts';

export const DEMO_SHARES_FOLDER = 'DEMO-ONLY-trustee-shares';

/** Returns the folder of the share files when it ran, undefined when there was nothing to do. */
export async function seedDemoCeremony(store: Store, dataDir: string, electionId = DEMO_ELECTION_ID): Promise<string | undefined> {
  const election = await store.db.selectFrom('elections').select('id').where('id', '=', electionId).executeTakeFirst();
  if (election === undefined) return undefined;
  const key = await store.db.selectFrom('election_keys').select('election_id').where('election_id', '=', electionId).executeTakeFirst();
  if (key !== undefined) return undefined;
  const shareDir = join(dataDir, DEMO_SHARES_FOLDER);
  await runDemoCeremony(store, electionId, { trustees: 3, threshold: 2, shareDir }, { id: 'system:demo-ceremony' });
  return shareDir;
}
