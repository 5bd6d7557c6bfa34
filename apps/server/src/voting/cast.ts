// The cast command: the ballot box's one way in. Checks, in order: the election key (published by
// the trustees), the ballot's form and width, the voter's eligibility for this election and
// constituency, the proof (bound to election, voter pseudonym and ballot id); then, in ONE
// transaction: the period (key-share lock on its row), the voter's earlier ballots (advisory lock
// per voter and election), idempotency, the limit X, replay; supersede the previous ballot, insert,
// audit. The caller acknowledges only after the commit. Refusals are values, never exceptions.
import { sql } from 'kysely';
import { verifyBallot } from '@isoloir/crypto';
import { appendAudit, type Schema } from '@isoloir/store';
import type { Transaction } from 'kysely';
import { voterActor } from '../auth/login-service.ts';
import { onlineEligibility } from './eligibility.ts';
import { periodRefusal, periodState } from './period.ts';
import { signReceipt, trackingCode, type SignedReceipt } from './receipt.ts';
import type { VotingService } from './service.ts';
import { decodeBallot, type CastBody } from './wire.ts';

export type CastRefusal =
  | 'voting.no-key'
  | 'ballot.width'
  | 'ballot.malformed'
  | 'voting.not-eligible'
  | 'ballot.wrong-constituency'
  | 'ballot.proof-invalid'
  | 'voting.not-open'
  | 'voting.closed'
  | 'voting.limit-reached'
  | 'ballot.duplicate'
  | 'ballot.id-reused';

export interface CastReceipt extends SignedReceipt {
  readonly ballotId: string;
  /** 1 for the first ballot of the voter in this election, then 2, … */
  readonly sequence: number;
  readonly maxBallots: number;
  /** True when this answers a retry of a ballot already received (nothing new stored). */
  readonly replayed: boolean;
}

export type CastResult = { readonly ok: true; readonly receipt: CastReceipt } | { readonly ok: false; readonly code: CastRefusal };

export interface CastInput {
  readonly electionDayId: string;
  readonly nrn: string;
  readonly electionId: string;
  readonly body: CastBody;
  readonly now: Date;
}

const refuse = (code: CastRefusal): CastResult => ({ ok: false, code });

export async function castBallot(service: VotingService, input: CastInput): Promise<CastResult> {
  const { body, electionId } = input;
  const key = await service.keys.get(electionId);
  if (key === undefined) return refuse('voting.no-key');
  const decoded = decodeBallot(key.group, key.width, body);
  if (!decoded.ok) return refuse(decoded.code);
  const place = await onlineEligibility(service.store.db, input.electionDayId, input.nrn, electionId);
  if (place === undefined) return refuse('voting.not-eligible');
  if (place.constituencyCode !== body.constituency) return refuse('ballot.wrong-constituency');
  const keys = await service.serverKeys();
  const voterId = keys.pseudonym(electionId, input.nrn);
  if (!verifyBallot(key.group, key.pk, { electionId, voterId, ballotId: body.ballotId }, decoded.ballot)) return refuse('ballot.proof-invalid');
  const code = trackingCode({ electionId, ciphertexts: body.ciphertexts, proof: body.proof });
  return service.store.db.transaction().execute((trx) => store(trx, service, input, { voterId, code, category: place.category }));
}

async function store(trx: Transaction<Schema>, service: VotingService, input: CastInput, ballot: { voterId: string; code: string; category: 'belgium' | 'abroad' }): Promise<CastResult> {
  const { body, electionId, nrn, now } = input;
  const period = await trx.selectFrom('voting_periods').select(['opens_at', 'closes_at', 'max_ballots', 'closed_at', 'closed_by']).where('election_id', '=', electionId).where('mode', '=', 'online').forKeyShare().executeTakeFirst();
  const closed = periodRefusal(periodState(period, now));
  if (closed !== undefined || period === undefined) return refuse(closed ?? 'voting.not-open');
  // One voter's ballots in one election are written one at a time.
  await sql`select pg_advisory_xact_lock(hashtextextended(${`isoloir/ballots/${electionId}/${nrn}`}, 0))`.execute(trx);
  const earlier = await trx.selectFrom('ballots').select(['id', 'sequence', 'status', 'tracking_code', 'received_at', 'receipt_signature']).where('election_id', '=', electionId).where('voter_nrn', '=', nrn).orderBy('sequence').execute();
  const keys = await service.serverKeys();
  const same = earlier.find((b) => b.id === body.ballotId);
  if (same !== undefined) {
    if (same.tracking_code !== ballot.code) return refuse('ballot.id-reused');
    const receivedAt = same.received_at.toISOString();
    const receipt = { electionId, trackingCode: same.tracking_code, receivedAt, keyId: keys.receiptKeyId, signature: same.receipt_signature };
    return { ok: true, receipt: { ...receipt, ballotId: same.id, sequence: same.sequence, maxBallots: period.max_ballots, replayed: true } };
  }
  if (earlier.length >= period.max_ballots) return refuse('voting.limit-reached');
  const replay = await trx
    .selectFrom('ballots')
    .select('id')
    .where((eb) => eb.or([eb('tracking_code', '=', ballot.code), eb.and([eb('election_id', '=', electionId), eb(sql`ciphertexts ->> 0`, '=', body.ciphertexts[0] ?? '')])]))
    .limit(1)
    .executeTakeFirst();
  if (replay !== undefined) return refuse('ballot.duplicate');
  const idTaken = await trx.selectFrom('ballots').select('id').where('id', '=', body.ballotId).executeTakeFirst();
  if (idTaken !== undefined) return refuse('ballot.id-reused');
  const signed = signReceipt(keys.receiptKey, { electionId, trackingCode: ballot.code, receivedAt: now.toISOString(), keyId: keys.receiptKeyId });
  const sequence = (earlier.at(-1)?.sequence ?? 0) + 1;
  const previous = earlier.filter((b) => b.status === 'received').map((b) => b.id);
  if (previous.length > 0) await trx.updateTable('ballots').set({ status: 'superseded', status_changed_at: now }).where('id', 'in', previous).execute();
  await trx
    .insertInto('ballots')
    .values({
      id: body.ballotId, election_id: electionId, constituency_code: body.constituency, mode: 'online', category: ballot.category, voter_nrn: nrn, voter_id: ballot.voterId, sequence,
      ciphertexts: JSON.stringify(body.ciphertexts), proof: JSON.stringify(body.proof), tracking_code: ballot.code, idempotency_key: body.ballotId, received_at: now, receipt_signature: signed.signature,
    })
    .execute();
  // Last, so that the audit chain's row lock is held for the shortest time.
  await appendAudit(trx, { actor: voterActor(nrn), action: 'ballot.cast', subject: electionId, details: { ballotId: body.ballotId, constituency: body.constituency, sequence, trackingCode: ballot.code, superseded: previous } }, now);
  return { ok: true, receipt: { ...signed, ballotId: body.ballotId, sequence, maxBallots: period.max_ballots, replayed: false } };
}
