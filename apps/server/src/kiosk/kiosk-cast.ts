// A kiosk's ballots (mode 8): the online booth's sealed ballots (one per election of the day), with
// the kiosk's id, the voter's visit token and the kiosk's signature over them (packages/crypto
// kiosk-message.ts). Accepted only from an enrolled, non-revoked kiosk of the post named in the
// voter's mode-8 registration, in the setup's kiosk period (the ballot box checks the period and the
// post inside its transaction), one kiosk vote per voter and election (a second visit: the stable
// `kiosk.already-voted`). The same request sent again (store and forward after a network cut) is
// answered with the same receipts and stores nothing new. The kiosk's signature is kept beside each
// ballot, written in the cast's transaction; the cast's audit entry names the kiosk.
import { kioskMessage, trackingCode } from '@isoloir/crypto';
import type { Store } from '@isoloir/store';
import type { ErrorCode } from '../errors.ts';
import { AppError } from '../errors.ts';
import { voterActor, type KeyedHasher } from '../secrets/pseudonyms.ts';
import { castBallots, type CastItem, type CastReceipt } from '../voting/cast.ts';
import { auditRefusal } from '../voting/refusals.ts';
import type { VotingService } from '../voting/service.ts';
import { liveKiosk } from './device.ts';
import { verifyKioskSignature } from './signature.ts';
import { visitOf } from './visit.ts';

export interface KioskCast {
  readonly kioskId: string;
  readonly visit: string;
  readonly signature?: string | undefined;
  readonly ballots: readonly CastItem[];
}

/** What the ballot box's refusals mean at a kiosk. */
function kioskCode(code: ErrorCode): ErrorCode {
  if (code === 'voting.limit-reached') return 'kiosk.already-voted';
  return code === 'voting.not-eligible' ? 'kiosk.not-registered' : code;
}

export async function castAtKiosk(
  service: VotingService,
  store: Store,
  secret: KeyedHasher,
  input: KioskCast,
  now: Date,
): Promise<{ readonly receipts: readonly CastReceipt[]; readonly replayed: boolean }> {
  const kiosk = await liveKiosk(store.db, input.kioskId);
  if (input.signature === undefined) throw new AppError('kiosk.unsigned');
  const visit = await visitOf(store, kiosk.id, input.visit, now);
  const message = kioskMessage({
    electionDayId: visit.electionDayId,
    kioskId: kiosk.id,
    visit: input.visit,
    ballots: input.ballots.map(({ electionId, body }) => ({
      electionId,
      ballotId: body.ballotId,
      trackingCode: trackingCode({ electionId, ...body }),
    })),
  });
  if (!verifyKioskSignature(kiosk.publicKey, message, input.signature)) throw new AppError('kiosk.signature-invalid');
  const actor = voterActor(secret, visit.electionDayId, visit.nrn);
  const signature = input.signature;
  const result = await castBallots(service, {
    electionDayId: visit.electionDayId,
    nrn: visit.nrn,
    actor,
    mode: 'kiosk',
    kiosk: { id: kiosk.id, post: kiosk.post },
    ballots: input.ballots,
    now,
    alsoWrite: async (trx, receipts) => {
      if (receipts.length === 0) return;
      await trx
        .insertInto('kiosk_ballots')
        .values(
          receipts.map((r) => ({
            ballot_id: r.ballotId,
            kiosk_id: kiosk.id,
            visit_hash: visit.hash,
            signature,
            received_at: now,
          })),
        )
        .execute();
    },
  });
  if (!result.ok) {
    const code = kioskCode(result.code);
    await auditRefusal(store, { actor, electionId: result.electionId, code, field: `kiosk:${kiosk.id}` }, now);
    throw new AppError(code, result.electionId);
  }
  return { receipts: result.receipts, replayed: result.replayed };
}
