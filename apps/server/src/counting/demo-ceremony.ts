// The demo election's key ceremony (development only): the server opens it (3 trustees, threshold
// 2) like the PO would; three trustee processes started by the CLI (`isoloir start`, `isoloir demo`)
// then run `isoloir trustee keygen` against the server over HTTP, as the three development trustee
// officials, exactly as real trustees do on their own machines. Their share files are encrypted
// under DEMO-ONLY passphrases and kept in DATA/DEMO-ONLY-trustee-shares/. This process never holds a share.
import type { Store } from '@isoloir/store';
import { DEMO_DAY_ID, DEMO_ELECTION_ID } from '../demo/generate-demo.ts';
import { openCeremony } from './ceremony-board.ts';

export const DEMO_SHARES_FOLDER = 'DEMO-ONLY-trustee-shares';

/** The demo trustees: who logs in (development identity provider persona) and their DEMO-ONLY passphrase. */
export const DEMO_TRUSTEES = [1, 2, 3].map((trustee) => ({
  trustee,
  persona: trustee === 1 ? 'official-trustee' : `official-trustee-${String(trustee)}`,
  passphrase: `DEMO-ONLY-passphrase-of-trustee-${String(trustee)}`,
  shareFile: `DEMO-ONLY-trustee-${String(trustee)}-share.json`,
}));

/**
 * Opens the demo election's ceremony when it has neither key nor ceremony. Returns true when the
 * demo trustees have a ceremony to run (opened now, or opened earlier and not finished).
 */
export async function openDemoCeremony(store: Store, electionId = DEMO_ELECTION_ID): Promise<boolean> {
  const election = await store.db.selectFrom('elections').select('id').where('id', '=', electionId).executeTakeFirst();
  if (election === undefined) return false;
  const key = await store.db
    .selectFrom('election_keys')
    .select('election_id')
    .where('election_id', '=', electionId)
    .executeTakeFirst();
  if (key !== undefined) return false;
  const ceremony = await store.db
    .selectFrom('key_ceremonies')
    .select('election_id')
    .where('election_id', '=', electionId)
    .executeTakeFirst();
  if (ceremony === undefined)
    await openCeremony(store, electionId, { trustees: 3, threshold: 2 }, { id: 'system:demo-ceremony' });
  return true;
}

/**
 * The demo day's elections whose ceremony the demo trustees have to run (opened now or earlier and
 * not finished), the Chamber first: each election has its own key, from its own ceremony.
 */
export async function openDemoCeremonies(store: Store): Promise<string[]> {
  const elections = await store.db
    .selectFrom('elections')
    .select('id')
    .where('election_day_id', '=', DEMO_DAY_ID)
    .execute();
  const ids = elections
    .map((e) => e.id)
    .sort((a, b) => Number(b === DEMO_ELECTION_ID) - Number(a === DEMO_ELECTION_ID));
  const open: string[] = [];
  for (const id of ids) if (await openDemoCeremony(store, id)) open.push(id);
  return open;
}

/** Where the demo trustees keep their shares of an election: the Chamber's in the folder itself, another's in a subfolder named after it. */
export function demoShareFolderOf(sharesFolder: string, electionId: string): string {
  return electionId === DEMO_ELECTION_ID ? sharesFolder : `${sharesFolder}/${electionId}`;
}
