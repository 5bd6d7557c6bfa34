// The counting server's trustee API called in the same process (offline demo, tests): the same
// domain functions the HTTP routes call, with the same proof checks on upload.
import type { Store } from '@isoloir/store';
import { acceptPartial, acceptShuffle, currentCiphertexts, groupsToCount, type CountingCrypto } from '@isoloir/server/counting';
import type { CountingService } from './trustee-work.ts';

export function inProcessService(store: Store, cc: CountingCrypto, electionId: string, trustee: number): CountingService {
  const actor = { id: `trustee:${String(trustee)}` };
  return {
    groups: () => groupsToCount(store, electionId),
    current: (groupId) => currentCiphertexts(store, electionId, groupId),
    publicKey: async () => {
      const k = await store.db.selectFrom('election_keys').select(['public_key', 'threshold']).where('election_id', '=', electionId).executeTakeFirstOrThrow();
      return { publicKey: k.public_key, threshold: k.threshold };
    },
    uploadShuffle: (up) => acceptShuffle(store, cc, up, actor),
    uploadPartial: (up) => acceptPartial(store, cc, up, actor),
  };
}
