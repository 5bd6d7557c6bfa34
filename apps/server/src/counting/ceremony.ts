// The trustees' key ceremony (Pedersen DKG, t of n) as its published part enters the server and the
// record: dealers' commitments and proofs, complaints with the answers, the election key with each
// trustee's verification key and proof, and the whole signed transcript of the board
// (ceremony-board.ts). The server never deals, never sees a share in clear: each trustee runs
// `isoloir trustee keygen` on their own machine.
import { ballotWidth, type Json } from '@isoloir/crypto';
import { appendAudit, type Store } from '@isoloir/store';
import type { Transaction } from 'kysely';
import type { Schema } from '@isoloir/store';
import { electionLayout } from './layout.ts';
import { CountingError, type CountingActor } from './errors.ts';

/** The published ceremony, exactly as its entries enter the election record. */
export interface PublishedCeremony {
  readonly dealers: readonly Json[];
  readonly complaints: readonly Json[];
  readonly key: Json;
  /** The signed board (isoloir-ceremony/1), see ceremonyTranscript. */
  readonly transcript?: Json;
}

export interface KeyToPublish {
  readonly electionId: string;
  readonly group: string;
  readonly threshold: number;
  readonly trustees: number;
  readonly publicKey: string;
  readonly ceremony: PublishedCeremony;
}

/** Writes the election key (inside the caller's transaction, with its audit entry). */
export async function publishKey(trx: Transaction<Schema>, k: KeyToPublish, actor: CountingActor): Promise<void> {
  // Read through the transaction: on PGlite (one connection) a read outside it would wait for it.
  const layout = await electionLayout(trx, k.electionId);
  const existing = await trx
    .selectFrom('election_keys')
    .select('election_id')
    .where('election_id', '=', k.electionId)
    .executeTakeFirst();
  if (existing !== undefined) throw new CountingError('counting.state', `election ${k.electionId} already has a key`);
  await trx
    .insertInto('election_keys')
    .values({
      election_id: k.electionId,
      group_name: k.group,
      public_key: k.publicKey,
      threshold: k.threshold,
      trustees: k.trustees,
      ballot_width: ballotWidth(layout),
      layout: JSON.stringify(layout),
      ceremony: JSON.stringify(k.ceremony),
    })
    .execute();
  await appendAudit(trx, {
    actor: actor.id,
    action: 'keys.published',
    subject: k.electionId,
    details: { trustees: k.trustees, threshold: k.threshold, publicKey: k.publicKey },
  });
}

/** The ceremony as published with the key (undefined before). */
export async function publishedCeremony(store: Store, electionId: string): Promise<PublishedCeremony | undefined> {
  const k = await store.db
    .selectFrom('election_keys')
    .select('ceremony')
    .where('election_id', '=', electionId)
    .executeTakeFirst();
  return k?.ceremony as PublishedCeremony | undefined;
}
