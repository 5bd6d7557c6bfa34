// The cast command: the ballot box's one way in. Checks, in this order: the election key (published
// by the trustees, cached per process), the ballot's form and width; then, in ONE transaction of two
// statements: (1) the voter's eligibility for this election and constituency, then the proof (bound
// to election, voter pseudonym and ballot id), the period (key-share lock on its row, so a close
// waits for ballots in flight), the voter's earlier ballots, idempotency, the limit X, replay and
// ballot-id checks, and the claim of an audit chain head; (2) supersede the previous ballot, insert
// the new one, append the audit entry and move its chain's head. The caller acknowledges only after
// the commit. Two requests of one voter racing each other are stopped by the unique indexes
// (sequence, one current ballot, idempotency key) and the loser runs again from the start, so it
// sees the winner's ballot. Refusals are values, never exceptions. See README.md for the costs.
import { sql } from 'kysely';
import { verifyBallot } from '@isoloir/crypto';
import { auditWriteSql, claimAuditHead, claimAuditHeadSql, heldAuditHead, nextAuditEntry, type AuditHead, type Schema } from '@isoloir/store';
import type { Transaction } from 'kysely';
import { voterActor } from '../auth/login-service.ts';
import { onlinePlace, onlinePlaceSql } from './eligibility.ts';
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

/** Attempts of one cast when a concurrent request of the same voter won a unique index. */
const ATTEMPTS = 4;

export async function castBallot(service: VotingService, input: CastInput): Promise<CastResult> {
  const { body, electionId } = input;
  const key = await service.keys.get(electionId);
  if (key === undefined) return refuse('voting.no-key');
  const decoded = decodeBallot(key.group, key.width, body);
  if (!decoded.ok) return refuse(decoded.code);
  const keys = await service.serverKeys();
  const voterId = keys.pseudonym(electionId, input.nrn);
  let proofValid: boolean | undefined;
  const ballot: Ballot = {
    voterId,
    code: trackingCode({ electionId, ciphertexts: body.ciphertexts, proof: body.proof }),
    // Checked once, after eligibility, however many attempts the transaction takes.
    proofValid: () => (proofValid ??= verifyBallot(key.group, key.pk, { electionId, voterId, ballotId: body.ballotId }, decoded.ballot)),
  };
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await service.store.db.transaction().execute((trx) => store(trx, service, input, ballot));
    } catch (error) {
      const refusal = uniqueViolation(error);
      if (refusal === undefined) throw error;
      if (attempt >= ATTEMPTS) return refuse(refusal);
    }
  }
}

interface Ballot {
  readonly voterId: string;
  readonly code: string;
  readonly proofValid: () => boolean;
}

/** A unique index stopped the insert: a concurrent request committed first (tried again), or, at the last attempt, the refusal it stands for. */
function uniqueViolation(error: unknown): CastRefusal | undefined {
  if (typeof error !== 'object' || error === null || (error as { code?: unknown }).code !== '23505') return undefined;
  const constraint = (error as { constraint?: unknown }).constraint;
  if (constraint === 'ballots_pkey' || constraint === 'ballots_election_id_voter_nrn_idempotency_key_key') return 'ballot.id-reused';
  return constraint === 'ballots_tracking_code_key' || constraint === 'ballots_first_component' ? 'ballot.duplicate' : 'voting.limit-reached';
}

/** One row per earlier ballot of the voter (or one row of nulls), each carrying every other answer. */
interface Checked {
  readonly id: string | null;
  readonly sequence: number | null;
  readonly status: string | null;
  readonly tracking_code: string | null;
  readonly received_at: Date | null;
  readonly receipt_signature: string | null;
  readonly replay: boolean;
  readonly id_taken: boolean;
  readonly shard: number | null;
  readonly head_seq: string | null;
  readonly head_hash: string | null;
  readonly opens_at: Date | null;
  readonly closes_at: Date | null;
  readonly max_ballots: number | null;
  readonly closed_at: Date | null;
  readonly closed_by: string | null;
  readonly place_code: string | null;
  readonly place_category: 'belgium' | 'abroad' | null;
  readonly place_mode: number | null;
  readonly place_source: 'consolidated' | 'register' | null;
}

async function store(trx: Transaction<Schema>, service: VotingService, input: CastInput, ballot: Ballot): Promise<CastResult> {
  const { body, electionId, nrn, now } = input;
  // (1) Everything the decision needs, in one statement.
  const { rows } = await sql<Checked>`/* isoloir:prepared */
    with head as materialized (${claimAuditHeadSql()}),
    period as materialized (
      select opens_at, closes_at, max_ballots, closed_at, closed_by from voting_periods
      where election_id = ${electionId} and mode = 'online' for key share
    ),
    place as materialized (${onlinePlaceSql(input.electionDayId, nrn, electionId)}),
    checks as (
      select exists (select 1 from ballots where tracking_code = ${ballot.code})
          or exists (select 1 from ballots where election_id = ${electionId} and ciphertexts ->> 0 = ${body.ciphertexts[0] ?? ''}) as replay,
        exists (select 1 from ballots where id = ${body.ballotId}::uuid) as id_taken,
        head.shard, head.seq as head_seq, head.hash as head_hash,
        period.opens_at, period.closes_at, period.max_ballots, period.closed_at, period.closed_by,
        place.code as place_code, place.category as place_category, place.mode as place_mode, place.source as place_source
      from (select 1) as one left join head on true left join period on true left join place on true
    )
    select b.id, b.sequence, b.status, b.tracking_code, b.received_at, b.receipt_signature, checks.*
    from checks left join ballots b on b.election_id = ${electionId} and b.voter_nrn = ${nrn}
    order by b.sequence`.execute(trx);
  const checks = rows[0];
  if (checks === undefined) throw new Error('cast: the checks returned no row');
  const place = onlinePlace(electionId, checks.place_code === null || checks.place_category === null || checks.place_source === null ? undefined : { code: checks.place_code, category: checks.place_category, mode: checks.place_mode, source: checks.place_source });
  if (place === undefined) return refuse('voting.not-eligible');
  if (place.constituencyCode !== body.constituency) return refuse('ballot.wrong-constituency');
  if (!ballot.proofValid()) return refuse('ballot.proof-invalid');
  const period = checks.opens_at === null || checks.closes_at === null || checks.max_ballots === null ? undefined : { opens_at: checks.opens_at, closes_at: checks.closes_at, max_ballots: checks.max_ballots, closed_at: checks.closed_at, closed_by: checks.closed_by };
  const closed = periodRefusal(periodState(period, now));
  if (closed !== undefined || period === undefined) return refuse(closed ?? 'voting.not-open');
  const earlier = rows.filter((b) => b.id !== null);
  const keys = await service.serverKeys();
  const same = earlier.find((b) => b.id === body.ballotId);
  if (same !== undefined) {
    if (same.tracking_code !== ballot.code || same.received_at === null || same.receipt_signature === null || same.sequence === null) return refuse('ballot.id-reused');
    const receipt = { electionId, trackingCode: ballot.code, receivedAt: same.received_at.toISOString(), keyId: keys.receiptKeyId, signature: same.receipt_signature };
    return { ok: true, receipt: { ...receipt, ballotId: body.ballotId, sequence: same.sequence, maxBallots: period.max_ballots, replayed: true } };
  }
  if (earlier.length >= period.max_ballots) return refuse('voting.limit-reached');
  if (checks.replay) return refuse('ballot.duplicate');
  if (checks.id_taken) return refuse('ballot.id-reused');
  // Every audit chain held by another transaction (more writers than chains): wait for one.
  const head: AuditHead = checks.shard !== null && checks.head_seq !== null && checks.head_hash !== null ? heldAuditHead(trx, { shard: checks.shard, seq: checks.head_seq, hash: checks.head_hash }) : await claimAuditHead(trx);
  const signed = signReceipt(keys.receiptKey, { electionId, trackingCode: ballot.code, receivedAt: now.toISOString(), keyId: keys.receiptKeyId });
  const sequence = (earlier.at(-1)?.sequence ?? 0) + 1;
  const previous = earlier.filter((b) => b.status === 'received').map((b) => b.id);
  const entry = nextAuditEntry(head, { actor: voterActor(nrn), action: 'ballot.cast', subject: electionId, details: { ballotId: body.ballotId, constituency: body.constituency, sequence, trackingCode: ballot.code, superseded: previous } }, now);
  const audit = auditWriteSql(entry);
  // (2) Supersede before inserting (the insert reads the update's count, which orders them: at most
  // one current ballot per voter is a unique index), then the audit entry and its chain's head.
  const written = await sql<{ inserted: string; advanced: string }>`/* isoloir:prepared */
    with superseded as (
      update ballots set status = 'superseded', status_changed_at = ${now}
      where election_id = ${electionId} and voter_nrn = ${nrn} and status = 'received'
      returning id
    ),
    ballot as (
      insert into ballots (id, election_id, constituency_code, mode, category, voter_nrn, voter_id, sequence, ciphertexts, proof, tracking_code, idempotency_key, received_at, receipt_signature)
      select ${body.ballotId}::uuid, ${electionId}, ${body.constituency}, 'online', ${place.category}, ${nrn}, ${ballot.voterId}, ${sequence},
        ${JSON.stringify(body.ciphertexts)}::jsonb, ${JSON.stringify(body.proof)}::jsonb, ${ballot.code}, ${body.ballotId}, ${now}, ${signed.signature}
      from (select count(*) from superseded) as done
      returning id
    ),
    entry as (${audit.insert}),
    head as (${audit.advance})
    select (select count(*) from ballot) as inserted, (select count(*) from head) as advanced`.execute(trx);
  const done = written.rows[0];
  if (done === undefined || Number(done.inserted) !== 1 || Number(done.advanced) !== 1) throw new Error(`cast: ballot or audit head not written (${JSON.stringify(done)})`);
  return { ok: true, receipt: { ...signed, ballotId: body.ballotId, sequence, maxBallots: period.max_ballots, replayed: false } };
}
