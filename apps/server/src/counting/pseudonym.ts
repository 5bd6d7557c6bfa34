// The voter pseudonym of the ballot box (keyed under the server secret, ../voting/server-keys.ts), for
// the offline demo's casting: the same pseudonym as a real cast, as the published roll and as the
// record show — never the national register number, and not computable from it without the key.
import type { Store } from '@isoloir/store';
import { loadServerKeys } from '../voting/server-keys.ts';

export async function voterPseudonyms(store: Store): Promise<(electionId: string, nrn: string) => string> {
  const keys = await loadServerKeys(store);
  return (electionId, nrn) => keys.pseudonym(electionId, nrn);
}
