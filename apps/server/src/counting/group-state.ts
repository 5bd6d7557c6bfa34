// Where the count of a voter's group stands, for the voter's portal: not started, identities split
// (being mixed and decrypted), or counted (decrypted and counted), with the time of that change.
import type { Kysely } from 'kysely';
import type { Schema } from '@isoloir/store';
import { groupIdOf, type Category, type Mode } from './layout.ts';

export interface CountingState {
  readonly state: 'not-started' | 'split' | 'counted';
  /** When the state was reached (null while not started). */
  readonly at: Date | null;
}

export async function countingStateOf(
  db: Kysely<Schema>,
  electionId: string,
  constituency: string,
  mode: Mode,
  category: Category,
): Promise<CountingState> {
  const g = await db
    .selectFrom('counting_groups')
    .select(['merged_into', 'split_at', 'counted_at'])
    .where('election_id', '=', electionId)
    .where('group_id', '=', groupIdOf(constituency, mode, category))
    .executeTakeFirst();
  if (g === undefined) return { state: 'not-started', at: null };
  const carrier =
    g.merged_into === null
      ? g
      : await db
          .selectFrom('counting_groups')
          .select(['merged_into', 'split_at', 'counted_at'])
          .where('election_id', '=', electionId)
          .where('group_id', '=', g.merged_into)
          .executeTakeFirst();
  if (carrier?.counted_at !== null && carrier?.counted_at !== undefined)
    return { state: 'counted', at: carrier.counted_at };
  if (carrier?.split_at !== null && carrier?.split_at !== undefined) return { state: 'split', at: carrier.split_at };
  return { state: 'not-started', at: null };
}
