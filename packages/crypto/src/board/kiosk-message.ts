// What a kiosk at a consular post signs when it sends a voter's ballots (mode 8, issue #17): the
// election day, the kiosk, the voter's visit token (issued to this kiosk for this voter while they
// were logged in) and, per ballot, the election, the ballot id and the tracking code (a hash of the
// ballot's content). A signature therefore cannot be moved to another day, kiosk, voter, ballot id
// or ballot content; a kiosk replaying the same request gets the same receipts and nothing new is
// stored (the ballot box is idempotent on the ballot id). The same bytes in the kiosk and the server.
import { canonicalJson } from '../record/canonical-json.ts';

export const KIOSK_MESSAGE_LABEL = 'isoloir/v1/kiosk-ballots\n';

export interface KioskBallotRef {
  readonly electionId: string;
  readonly ballotId: string;
  readonly trackingCode: string;
}

export interface KioskMessage {
  readonly electionDayId: string;
  readonly kioskId: string;
  readonly visit: string;
  readonly ballots: readonly KioskBallotRef[];
}

/** The UTF-8 bytes signed (ECDSA P-256, SHA-256): the label, then the canonical JSON, ballots by election. */
export function kioskMessage(message: KioskMessage): Uint8Array {
  const ballots = [...message.ballots]
    .sort((a, b) => (a.electionId < b.electionId ? -1 : a.electionId > b.electionId ? 1 : 0))
    .map((b) => ({ electionId: b.electionId, ballotId: b.ballotId, trackingCode: b.trackingCode }));
  const body = canonicalJson({
    electionDayId: message.electionDayId,
    kioskId: message.kioskId,
    visit: message.visit,
    ballots,
  });
  return new TextEncoder().encode(KIOSK_MESSAGE_LABEL + body);
}

export const KIOSK_REQUEST_LABEL = 'isoloir/v1/kiosk-request\n';

/** A kiosk's other signed requests (opening a voter's visit, the heartbeat): fresh by their time stamp. */
export interface KioskRequest {
  readonly purpose: 'visit' | 'heartbeat';
  readonly kioskId: string;
  /** ISO 8601 instant on the kiosk's clock; the server accepts a few minutes either way. */
  readonly at: string;
  /** The heartbeat: sealed ballots waiting on the kiosk. */
  readonly queued?: number | undefined;
}

export function kioskRequestMessage(request: KioskRequest): Uint8Array {
  const body = canonicalJson({
    purpose: request.purpose,
    kioskId: request.kioskId,
    at: request.at,
    queued: request.queued ?? null,
  });
  return new TextEncoder().encode(KIOSK_REQUEST_LABEL + body);
}
