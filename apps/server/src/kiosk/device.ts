// The kiosk as a caller: it proves who it is by signing each request with its enrolled key (see
// packages/crypto kiosk-message.ts). A signed request is fresh for a few minutes either way of the
// server's clock; a revoked kiosk is refused. The heartbeat tells the post how many sealed ballots
// wait on the kiosk (store and forward).
import { kioskRequestMessage, type KioskRequest } from '@isoloir/crypto';
import type { Schema, Store } from '@isoloir/store';
import type { Kysely } from 'kysely';
import { AppError } from '../errors.ts';
import { verifyKioskSignature } from './signature.ts';

/** How far a kiosk's clock may be from the server's. */
const SKEW_MS = 5 * 60_000;

export interface KioskRow {
  readonly id: string;
  readonly post: string;
  readonly publicKey: string;
}

/** An enrolled, non-revoked kiosk, or the stable refusal. */
export async function liveKiosk(db: Kysely<Schema>, kioskId: string): Promise<KioskRow> {
  const row = await db
    .selectFrom('kiosks')
    .select(['id', 'post_code', 'public_key', 'revoked_at'])
    .where('id', '=', kioskId)
    .executeTakeFirst();
  if (row === undefined) throw new AppError('kiosk.unknown');
  if (row.revoked_at !== null) throw new AppError('kiosk.revoked');
  return { id: row.id, post: row.post_code, publicKey: row.public_key };
}

export interface SignedRequest extends KioskRequest {
  readonly signature?: string | undefined;
}

export async function checkSignedRequest(db: Kysely<Schema>, request: SignedRequest, now: Date): Promise<KioskRow> {
  const kiosk = await liveKiosk(db, request.kioskId);
  if (request.signature === undefined) throw new AppError('kiosk.unsigned');
  const at = Date.parse(request.at);
  if (!verifyKioskSignature(kiosk.publicKey, kioskRequestMessage(request), request.signature))
    throw new AppError('kiosk.signature-invalid');
  if (!Number.isFinite(at) || Math.abs(at - now.getTime()) > SKEW_MS) throw new AppError('kiosk.signature-invalid');
  return kiosk;
}

export async function heartbeat(store: Store, request: SignedRequest, now: Date): Promise<{ readonly post: string }> {
  const kiosk = await checkSignedRequest(store.db, { ...request, purpose: 'heartbeat' }, now);
  await store.db
    .updateTable('kiosks')
    .set({ last_seen_at: now, queued: request.queued ?? 0 })
    .where('id', '=', kiosk.id)
    .execute();
  return { post: kiosk.post };
}
