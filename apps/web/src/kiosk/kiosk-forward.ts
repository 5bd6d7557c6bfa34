// Store and forward: a kiosk's sealed ballots are put in its IndexedDB queue before they are sent,
// and leave it only when the ballot box has answered with receipts (or refused them for good). A
// loop sends what waits every few seconds and tells the post, signed, how many ballots wait. The
// ballot box is idempotent on the ballot ids: a request sent twice is stored once.
//
// ```mermaid
// stateDiagram-v2
//   [*] --> sealed: the voter validates (encrypted, proven, signed by the kiosk)
//   sealed --> queued: written to IndexedDB (durable)
//   queued --> sent: POST /api/kiosk/ballots
//   sent --> acknowledged: receipts (201, or 200 for a retry): removed from the queue
//   sent --> queued: no network, or the server unavailable: sent again later
//   sent --> refused: a refusal with a code (already voted, revoked kiosk…): removed, shown
//   acknowledged --> [*]
// ```
import { send } from '../auth/api.ts';
import { signedRequest } from './kiosk-crypto.ts';
import { dequeue, enqueue, queued, type KioskIdentity, type QueuedCast } from './kiosk-store.ts';

export type SendOutcome =
  { readonly kind: 'acknowledged' } | { readonly kind: 'queued' } | { readonly kind: 'refused'; readonly code: string };

/** Codes after which the same request may succeed later: the entry stays in the queue. */
const TRANSIENT = new Set(['network', 'internal', 'server.unavailable', 'rate.limited']);

export async function sendQueued(entry: QueuedCast): Promise<SendOutcome> {
  const result = await send<unknown>('POST', '/api/kiosk/ballots', entry.body);
  if (result.ok) {
    await dequeue(entry.id);
    return { kind: 'acknowledged' };
  }
  if (TRANSIENT.has(result.code)) return { kind: 'queued' };
  await dequeue(entry.id);
  return { kind: 'refused', code: result.code };
}

/** The voter's validation: queued first (never lost), then sent. */
export async function castOrQueue(entry: QueuedCast): Promise<SendOutcome> {
  await enqueue(entry);
  return sendQueued(entry);
}

/** One round of the loop: every waiting entry sent once, then the heartbeat; returns what still waits. */
export async function forwardOnce(identity: KioskIdentity): Promise<number> {
  for (const entry of await queued()) await sendQueued(entry);
  const left = (await queued()).length;
  const beat = await signedRequest(identity.privateKey, {
    purpose: 'heartbeat',
    kioskId: identity.kioskId,
    at: new Date().toISOString(),
    queued: left,
  });
  await send('POST', '/api/kiosk/heartbeat', beat);
  return left;
}
