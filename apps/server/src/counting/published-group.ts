// What is published of a group once identities are split from contents, so that a trustee (or
// anybody) can recompute the group's input before decrypting: every ballot of the group (and of the
// groups merged into it) with its voter pseudonym, ciphertexts and status, the cancellations with
// their reason, and the anonymised input itself. The same data enters the record (record.ts).
import type { Store } from '@isoloir/store';
import { toHex, unpackRows } from './blob.ts';
import { CountingError } from './errors.ts';

export interface PublishedBallot {
  readonly ballotId: string;
  readonly voterId: string;
  readonly ciphertexts: readonly string[];
  /** null: to count (received until its set is counted, then counted); else why it is not (superseded by a later ballot, voted-at-polling-station…). */
  readonly cancellation: string | null;
}

export interface PublishedGroup {
  readonly groupId: string;
  readonly ballots: readonly PublishedBallot[];
  /** The anonymised input: the counted ballots' ciphertexts in random order (hex). */
  readonly input: readonly (readonly string[])[];
}

export async function publishedGroup(store: Store, electionId: string, groupId: string): Promise<PublishedGroup> {
  const g = await store.db
    .selectFrom('counting_groups')
    .selectAll()
    .where('election_id', '=', electionId)
    .where('group_id', '=', groupId)
    .executeTakeFirst();
  if (g === undefined || g.input === null || g.merged_into !== null)
    throw new CountingError('counting.not-split', `group ${groupId} has no anonymised input`);
  const members = await store.db
    .selectFrom('counting_groups')
    .select(['constituency_code', 'mode', 'category'])
    .where('election_id', '=', electionId)
    .where((eb) => eb.or([eb('group_id', '=', groupId), eb('merged_into', '=', groupId)]))
    .execute();
  const ballots: PublishedBallot[] = [];
  for (const m of members) {
    const rows = await store.db
      .selectFrom('ballots')
      .select(['id', 'voter_id', 'ciphertexts', 'status', 'cancellation_reason'])
      .where('election_id', '=', electionId)
      .where('constituency_code', '=', m.constituency_code)
      .where('mode', '=', m.mode)
      .where('category', '=', m.category)
      .orderBy('id')
      .execute();
    for (const b of rows) {
      ballots.push({
        ballotId: b.id,
        voterId: b.voter_id,
        ciphertexts: b.ciphertexts as string[],
        cancellation:
          b.status === 'counted' || b.status === 'received'
            ? null
            : b.status === 'superseded'
              ? 'superseded'
              : (b.cancellation_reason ?? 'cancelled'),
      });
    }
  }
  ballots.sort((a, b) => (a.ballotId < b.ballotId ? -1 : 1));
  return { groupId, ballots, input: unpackRows(new Uint8Array(g.input)).map((row) => row.map(toHex)) };
}
