/** Choose a backend by name. The bulk backend needs an async WASM initialisation. */
import type { Group, GroupName } from './group.ts';
import { createRistretto255Noble } from './ristretto255-noble.ts';
import { createSecp256k1Noble } from './secp256k1-noble.ts';
import { createSecp256k1Mcl } from './secp256k1-mcl.ts';

export type BackendName = 'noble' | 'mcl';

/** The election default: secp256k1, chosen by benchmark (see README). */
export const DEFAULT_GROUP: GroupName = 'secp256k1';

export function isGroupName(name: string): name is GroupName {
  return name === 'secp256k1' || name === 'ristretto255';
}

// One instance per backend and process: a group holds no state a caller can change, and the mcl
// backend's fixed-base table of the generator (82,000 points) takes most of a second to build.
const loaded = new Map<string, Promise<Group<unknown>>>();

/** Fastest available backend for bulk work ('mcl' for secp256k1, 'noble' otherwise). */
export async function loadGroup(name: GroupName, backend?: BackendName): Promise<Group<unknown>> {
  if (name === 'ristretto255') {
    if (backend === 'mcl') throw new Error('mcl has no ristretto255');
    return createRistretto255Noble();
  }
  if (backend === 'noble') return createSecp256k1Noble();
  let group = loaded.get('secp256k1/mcl');
  if (group === undefined) {
    group = createSecp256k1Mcl();
    loaded.set('secp256k1/mcl', group);
    group.catch(() => loaded.delete('secp256k1/mcl'));
  }
  return await group;
}
