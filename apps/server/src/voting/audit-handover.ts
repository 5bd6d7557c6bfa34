// An audited ballot handed to a second device (the booth's QR code). The booth encrypts the audit
// data with AES-256-GCM under a random key that stays in the link's fragment; the server keeps the
// opaque blob for 24 hours under 128 random bits and never holds the key, so it cannot read the
// choice. One voter holds at most HANDOVERS_PER_VOTER live handovers. Storing one is a command: its
// audit entry (the election, the size; never the id, which is the capability to fetch) is in the
// same transaction, which also deletes expired handovers.
import { randomBytes } from 'node:crypto';
import { appendAudit, type Store } from '@isoloir/store';
import { AppError } from '../errors.ts';

export const HANDOVER_LIFETIME_MS = 24 * 60 * 60 * 1000;
export const HANDOVERS_PER_VOTER = 10;
/** IV (12) + at least one byte + tag (16). */
export const HANDOVER_MIN_BYTES = 29;
export const HANDOVER_MAX_BYTES = 256 * 1024;

export interface StoredHandover {
  readonly id: string;
  readonly expiresAt: Date;
}

export async function storeHandover(
  store: Store,
  input: { readonly electionId: string; readonly actor: string; readonly blob: Uint8Array; readonly now: Date },
): Promise<StoredHandover> {
  const { electionId, actor, blob, now } = input;
  if (blob.length < HANDOVER_MIN_BYTES || blob.length > HANDOVER_MAX_BYTES)
    throw new AppError('request.invalid', 'blob');
  const id = randomBytes(16).toString('base64url');
  const expiresAt = new Date(now.getTime() + HANDOVER_LIFETIME_MS);
  return store.db.transaction().execute(async (trx) => {
    const election = await trx.selectFrom('elections').select('id').where('id', '=', electionId).executeTakeFirst();
    if (election === undefined) throw new AppError('audit.handover-not-found', 'electionId');
    await trx.deleteFrom('audit_handovers').where('expires_at', '<=', now).execute();
    const live = await trx
      .selectFrom('audit_handovers')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('actor', '=', actor)
      .executeTakeFirstOrThrow();
    if (Number(live.n) >= HANDOVERS_PER_VOTER) throw new AppError('audit.handover-limit');
    await trx
      .insertInto('audit_handovers')
      .values({ id, election_id: electionId, actor, blob, created_at: now, expires_at: expiresAt })
      .execute();
    await appendAudit(
      trx,
      { actor, action: 'ballot.audit-handover', subject: electionId, details: { bytes: blob.length } },
      now,
    );
    return { id, expiresAt };
  });
}

/** The blob of a live handover; refused alike when it never existed and when it expired. */
export async function readHandover(
  store: Store,
  id: string,
  now: Date,
): Promise<{ readonly electionId: string; readonly blob: Uint8Array; readonly expiresAt: Date }> {
  const row = await store.db
    .selectFrom('audit_handovers')
    .select(['election_id', 'blob', 'expires_at'])
    .where('id', '=', id)
    .where('expires_at', '>', now)
    .executeTakeFirst();
  if (row === undefined) throw new AppError('audit.handover-not-found');
  return { electionId: row.election_id, blob: row.blob, expiresAt: row.expires_at };
}
