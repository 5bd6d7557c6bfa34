// The record's `election` entry: the minimum anonymity set (a frozen setting) and every constituency of the election with its lists and candidates
// (names in position order), the same model the count classifies against (./layout.ts).
import type { DefinitionPayload } from '@isoloir/crypto';
import type { Store } from '@isoloir/store';
import { loadConstituency } from './layout.ts';

export async function electionDefinition(store: Store, electionId: string): Promise<DefinitionPayload> {
  const codes = await store.db
    .selectFrom('constituencies')
    .select('code')
    .where('election_id', '=', electionId)
    .orderBy('code')
    .execute();
  const constituencies: DefinitionPayload['constituencies'][number][] = [];
  for (const { code } of codes) {
    const info = await loadConstituency(store.db, electionId, code);
    constituencies.push({
      code,
      seats: info.model.seats,
      lists: info.model.lists.map((l) => ({
        number: l.number,
        name: l.name,
        effectives: l.effectives.map((c) => c.name),
        substitutes: l.substitutes.map((c) => c.name),
      })),
    });
  }
  const election = await store.db
    .selectFrom('elections')
    .select('anonymity_minimum')
    .where('id', '=', electionId)
    .executeTakeFirstOrThrow();
  return { anonymityMinimum: election.anonymity_minimum, constituencies };
}
