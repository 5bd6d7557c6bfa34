// The ballot box's per-process state: the database, decoded election keys and the server keys.
// One per Store (so every app built on the same database shares it).
import type { Store } from '@isoloir/store';
import { ElectionKeys } from './election-keys.ts';
import { loadServerKeys, type ServerKeys } from './server-keys.ts';

export interface VotingService {
  readonly store: Store;
  readonly keys: ElectionKeys;
  serverKeys(): Promise<ServerKeys>;
}

const services = new WeakMap<Store, VotingService>();

export function votingService(store: Store): VotingService {
  let service = services.get(store);
  if (service === undefined) {
    let serverKeys: Promise<ServerKeys> | undefined;
    service = {
      store,
      keys: new ElectionKeys(store.db),
      serverKeys: () => {
        serverKeys ??= loadServerKeys(store).catch((error: unknown) => {
          serverKeys = undefined;
          throw error;
        });
        return serverKeys;
      },
    };
    services.set(store, service);
  }
  return service;
}
