// The cast command: the ballot box's one way in. One request carries one sealed ballot per election
// (the booth casts every election of the day together); it is accepted or refused as a whole. Checks,
// in this order: for each ballot, the election key (published by the trustees, cached per process),
// the ballot's form and width; then, in ONE transaction, per ballot one checking statement: the
// voter's eligibility for this election and constituency (or college), the proof (bound to election,
// voter pseudonym and ballot id), the period of the mode (the setup's window, the PO's acts under a
// key-share lock, so a close waits for ballots in flight), the voter's earlier ballots, idempotency,
// the limit (X re-votes: X + 1 ballots), replay and ballot-id checks (the first also claims an audit
// chain head); then, only if every ballot passed, per ballot one writing statement: supersede the
// previous ballot, insert the new one, append its audit entry on the same chain. On PostgreSQL the
// BEGIN travels with the first checking statement and the COMMIT with the last write (one round trip
// each, @isoloir/store pipelined.ts); a refused request's transaction is rolled back (it wrote
// nothing). The caller acknowledges only after the commit. A retry of the same request (same ballot ids) returns the same
// receipts. Two requests of one voter racing each other are stopped by the unique indexes (sequence,
// one current ballot, idempotency key) and the loser runs again from the start, so it sees the
// winner's ballots. Refusals are values, never exceptions. See README.md for the costs.
import { sql, type RawBuilder, type Transaction } from 'kysely';
import { verifyBallot } from '@isoloir/crypto';
import {
  auditWriteSql,
  claimAuditHeadSql,
  heldAuditHead,
  nextAuditEntry,
  pipelinedTransaction,
  waitAuditHeadSql,
  type AuditHead,
  type PendingAuditEntry,
  type Schema,
} from '@isoloir/store';
import { offers, placeOf, placeSql, type LinkedRequirement } from './eligibility.ts';
import { cancelUnlinked, linkMissing } from './linked-places.ts';
import { MODE_NUMBER, periodRefusal, periodState, type BoxMode } from './period.ts';
import { factsOf } from './periods.ts';
import { signReceipt, trackingCode, type SignedReceipt } from './receipt.ts';
import type { VotingService } from './service.ts';
import { decodeBallot, type CastBody } from './wire.ts';

export type CastRefusal =
  | 'voting.no-key'
  | 'ballot.width'
  | 'ballot.malformed'
  | 'ballot.same-election'
  | 'ballot.linked-choice'
  | 'voting.not-eligible'
  | 'ballot.wrong-constituency'
  | 'ballot.proof-invalid'
  | 'voting.not-open'
  | 'voting.closed'
  | 'voting.limit-reached'
  | 'ballot.duplicate'
  | 'ballot.id-reused'
  | 'kiosk.foreign-post';

export interface CastReceipt extends SignedReceipt {
  readonly ballotId: string;
  /** 1 for the first ballot of the voter in this election, then 2, … */
  readonly sequence: number;
  /** X + 1 online (X re-votes), 1 at a kiosk. */
  readonly maxBallots: number;
  /** True when this answers a retry of a ballot already received (nothing new stored). */
  readonly replayed: boolean;
}

/** A refusal names the election of the first ballot refused; nothing of the request is stored. */
export type CastResult =
  | { readonly ok: true; readonly receipts: readonly CastReceipt[]; readonly replayed: boolean }
  | { readonly ok: false; readonly code: CastRefusal; readonly electionId: string };

export interface CastItem {
  readonly electionId: string;
  readonly body: CastBody;
}

export interface CastInput {
  readonly electionDayId: string;
  readonly nrn: string;
  /**
   * Who the audit entry names: the voter's keyed pseudonym of the day (`voterActor` under the server
   * secret, apps/server/src/secrets/pseudonyms.ts), never the NRN.
   */
  readonly actor: string;
  /** The ballot box's mode: online (7) today; kiosk (8) reads its own period. */
  readonly mode?: BoxMode | undefined;
  /** Mode 8: the kiosk (its id goes in the audit entry) and its post, which the voter's file must name. */
  readonly kiosk?: { readonly id: string; readonly post: string } | undefined;
  /** Runs in the cast's transaction after new ballots are written (the kiosk's signature rows). */
  readonly alsoWrite?: ((trx: Transaction<Schema>, receipts: readonly CastReceipt[]) => Promise<void>) | undefined;
  readonly ballots: readonly CastItem[];
  readonly now: Date;
}

const refuse = (code: CastRefusal, electionId: string): CastResult => ({ ok: false, code, electionId });

/** Attempts of one cast when a concurrent request of the same voter won a unique index. */
const ATTEMPTS = 4;

export interface Ballot {
  readonly electionId: string;
  readonly body: CastBody;
  readonly voterId: string;
  readonly code: string;
  readonly proofValid: () => boolean;
}

export async function castBallots(service: VotingService, input: CastInput): Promise<CastResult> {
  const seen = new Set<string>();
  const ballots: Ballot[] = [];
  const keys = await service.serverKeys();
  for (const { electionId, body } of input.ballots) {
    if (seen.has(electionId)) return refuse('ballot.same-election', electionId);
    seen.add(electionId);
    const key = await service.keys.get(electionId);
    if (key === undefined) return refuse('voting.no-key', electionId);
    const decoded = decodeBallot(key.group, key.width, body);
    if (!decoded.ok) return refuse(decoded.code, electionId);
    const voterId = keys.pseudonym(electionId, input.nrn);
    let proofValid: boolean | undefined;
    ballots.push({
      electionId,
      body,
      voterId,
      code: trackingCode({
        electionId,
        constituency: body.constituency,
        ciphertexts: body.ciphertexts,
        proof: body.proof,
      }),
      // Checked once, after eligibility, however many attempts the transaction takes.
      proofValid: () =>
        (proofValid ??= verifyBallot(
          key.group,
          key.pk,
          { electionId, constituency: body.constituency, voterId, ballotId: body.ballotId },
          decoded.ballot,
        )),
    });
  }
  const first = ballots[0];
  if (first === undefined) throw new Error('cast: no ballot');
  const { db, pgPool } = service.store;
  for (let attempt = 1; ; attempt += 1) {
    try {
      // PostgreSQL: BEGIN goes with the first checking statement and COMMIT with the last write
      // (pipelined.ts), 2 round trips for a ballot. PGlite, and the kiosk (which writes its own rows
      // in the transaction): a Kysely transaction, the same statements one round trip each.
      return pgPool !== undefined && input.alsoWrite === undefined
        ? await pipelinedTransaction(pgPool, (transaction) =>
            store(
              {
                run: (query) => transaction.query(query.compile(db)),
                last: (query) => transaction.commitWith(query.compile(db)),
              },
              service,
              input,
              ballots,
            ),
          )
        : await db.transaction().execute((trx) => {
            const run = async <R>(query: RawBuilder<R>): Promise<R[]> => (await query.execute(trx)).rows;
            return store({ run, last: run, trx }, service, input, ballots);
          });
    } catch (error) {
      const refusal = uniqueViolation(error);
      if (refusal === undefined) throw error;
      if (attempt >= ATTEMPTS) return refuse(refusal, first.electionId);
    }
  }
}

/** The cast's transaction as its statements see it. */
interface Statements {
  /** Runs one statement of the transaction. */
  run<R>(query: RawBuilder<R>): Promise<R[]>;
  /** Runs the transaction's last statement; resolves once the transaction is committed. */
  last<R>(query: RawBuilder<R>): Promise<R[]>;
  /** The Kysely transaction, where there is one (for `alsoWrite`). */
  readonly trx?: Transaction<Schema> | undefined;
}

/** A unique index stopped the insert: a concurrent request committed first (tried again), or, at the last attempt, the refusal it stands for. */
function uniqueViolation(error: unknown): CastRefusal | undefined {
  if (typeof error !== 'object' || error === null || (error as { code?: unknown }).code !== '23505') return undefined;
  const constraint = (error as { constraint?: unknown }).constraint;
  if (constraint === 'ballots_pkey' || constraint === 'ballots_election_id_voter_nrn_idempotency_key_key')
    return 'ballot.id-reused';
  return constraint === 'ballots_tracking_code_key' || constraint === 'ballots_first_component'
    ? 'ballot.duplicate'
    : 'voting.limit-reached';
}

/** Everything the decision on one ballot needs, as one row. */
interface Checked {
  /** The voter's earlier ballots in this election: how many, the last sequence, the current ones (ids, in order). */
  readonly earlier: number;
  readonly last_sequence: number | null;
  readonly current_ids: string[];
  /**
   * The stored ballot with this ballot's id, if any (looked up by its primary key alone, so that the
   * plan never depends on the table's statistics): the voter's own in this election (a retry), or
   * someone else's (the id is taken).
   */
  readonly same_mine: boolean | null;
  readonly same_sequence: number | null;
  readonly same_tracking_code: string | null;
  readonly same_received_at: Date | null;
  readonly same_signature: string | null;
  readonly same_head_seq: number | null;
  readonly same_head_hash: string | null;
  readonly replay: boolean;
  readonly shard: number | null;
  readonly head_seq: string | null;
  readonly head_hash: string | null;
  readonly mode_periods: Record<string, { opens: string; closes: string } | undefined> | null;
  readonly online_revote_limit: number | null;
  readonly acts: boolean | null;
  readonly opened_at: Date | null;
  readonly closed_at: Date | null;
  readonly place_choices: string[] | null;
  readonly place_category: 'belgium' | 'abroad' | null;
  readonly place_mode: number | null;
  readonly place_kiosk_post: string | null;
  readonly place_requires_election_id: string | null;
  readonly place_requires_constituency: string | null;
  /** The voter has a linked place that requires another choice in this election (migration 0039). */
  readonly unlinks: boolean;
  /** The board's latest head (packages/crypto board-head.ts): named in the receipt. */
  readonly board_seq: number | null;
  readonly board_hash: string | null;
}

/** What the checks decided for one ballot: a refusal, a replay of a stored ballot, or a new ballot to write. */
export type Decision =
  | { readonly kind: 'refused'; readonly code: CastRefusal }
  | { readonly kind: 'replay'; readonly receipt: CastReceipt }
  | {
      readonly kind: 'new';
      readonly ballot: Ballot;
      readonly category: 'belgium' | 'abroad';
      readonly sequence: number;
      readonly previous: string[];
      readonly maxBallots: number;
      readonly boardHead: { readonly seq: number; readonly hash: string } | null;
      /** The place's link (./linked-places.ts), checked against the whole cast. */
      readonly requires: LinkedRequirement | null;
      /** This ballot's choice cancels the voter's ballot of a linked place (./linked-places.ts). */
      readonly unlinks: boolean;
    };

/** The checking statement of one ballot; the first ballot's also claims an audit chain head. */
function checkSql(input: CastInput, mode: BoxMode, ballot: Ballot, claimHead: boolean): RawBuilder<Checked> {
  const { body, electionId } = ballot;
  const { nrn } = input;
  const head = claimHead
    ? sql`${claimAuditHeadSql()}`
    : sql`select null::integer as shard, null::bigint as seq, null::text as hash where false`;
  return sql<Checked>`/* isoloir:prepared */
    with head as materialized (${head}),
    acts as materialized (
      select opened_at, closed_at from voting_periods
      where election_id = ${electionId} and mode = ${mode} for key share
    ),
    setup as materialized (
      select s.mode_periods, s.online_revote_limit from elections e
      join election_day_settings s on s.election_day_id = e.election_day_id
      where e.id = ${electionId}
    ),
    place as materialized (${placeSql(input.electionDayId, nrn, electionId, MODE_NUMBER[mode])}),
    board as materialized (select seq, hash from board_heads where election_id = ${electionId} order by seq desc limit 1),
    earlier as materialized (
      select count(*)::integer as earlier, max(sequence) as last_sequence,
        coalesce(array_agg(id::text order by sequence) filter (where status = 'received'), '{}') as current_ids
      from (
        select id, sequence, status from ballots where election_id = ${electionId} and voter_nrn = ${nrn} order by sequence
      ) as mine
    ),
    same as materialized (
      select b.election_id = ${electionId} and b.voter_nrn = ${nrn} as same_mine, b.sequence as same_sequence,
        b.tracking_code as same_tracking_code, b.received_at as same_received_at, b.receipt_signature as same_signature,
        b.receipt_head_seq as same_head_seq,
        (select rh.hash from board_heads rh where rh.election_id = b.election_id and rh.seq = b.receipt_head_seq) as same_head_hash
      from ballots b where b.id = ${body.ballotId}::uuid
    )
    select exists (select 1 from ballots where tracking_code = ${ballot.code})
        or exists (select 1 from ballots where election_id = ${electionId} and ciphertexts ->> 0 = ${body.ciphertexts[0] ?? ''}) as replay,
      head.shard, head.seq as head_seq, head.hash as head_hash,
      setup.mode_periods, setup.online_revote_limit,
      (select count(*) from acts) > 0 as acts, acts.opened_at, acts.closed_at,
      place.choices as place_choices, place.category as place_category, place.mode as place_mode, place.kiosk_post as place_kiosk_post,
      place.requires_election_id as place_requires_election_id, place.requires_constituency as place_requires_constituency,
      exists (select 1 from frozen_voter_places lp where lp.election_day_id = ${input.electionDayId} and lp.nrn = ${nrn}
                 and lp.requires_election_id = ${electionId} and lp.requires_constituency <> ${body.constituency}) as unlinks,
      board.seq as board_seq, board.hash as board_hash,
      earlier.earlier, earlier.last_sequence, earlier.current_ids,
      same.same_mine, same.same_sequence, same.same_tracking_code, same.same_received_at, same.same_signature, same.same_head_seq, same.same_head_hash
    from earlier left join head on true left join setup on true left join acts on true left join place on true
      left join board on true left join same on true`;
}

/** The decision on one ballot from its checking statement's row (no I/O but the proof check). */
function decide(input: CastInput, mode: BoxMode, ballot: Ballot, checks: Checked): Decision {
  const { body, electionId } = ballot;
  const { now } = input;
  const refused = (code: CastRefusal): Decision => ({ kind: 'refused', code });
  const place = placeOf(
    electionId,
    checks.place_choices === null || checks.place_category === null || checks.place_mode === null
      ? undefined
      : {
          choices: checks.place_choices,
          category: checks.place_category,
          mode: checks.place_mode,
          kiosk_post: checks.place_kiosk_post,
          requires_election_id: checks.place_requires_election_id,
          requires_constituency: checks.place_requires_constituency,
        },
  );
  if (place?.mode !== MODE_NUMBER[mode]) return refused('voting.not-eligible');
  // A mode-8 voter votes at the kiosk of the post named in their registration, no other.
  if (input.kiosk !== undefined && place.kioskPost !== input.kiosk.post) return refused('kiosk.foreign-post');
  // The constituency the ballot is for must be the voter's, or one of the colleges the law lets them choose.
  if (!offers(place, body.constituency)) return refused('ballot.wrong-constituency');
  if (!ballot.proofValid()) return refused('ballot.proof-invalid');
  const setup =
    checks.mode_periods === null
      ? undefined
      : { mode_periods: checks.mode_periods, online_revote_limit: checks.online_revote_limit };
  const facts = factsOf(
    mode,
    setup,
    checks.acts === true ? { opened_at: checks.opened_at, closed_at: checks.closed_at } : undefined,
  );
  const closed = periodRefusal(periodState(facts, now));
  if (closed !== undefined) return refused(closed);
  if (checks.same_mine === true) {
    if (
      checks.same_tracking_code !== ballot.code ||
      checks.same_received_at === null ||
      checks.same_signature === null ||
      checks.same_sequence === null
    )
      return refused('ballot.id-reused');
    const replayHead =
      checks.same_head_seq === null || checks.same_head_hash === null
        ? null
        : { seq: checks.same_head_seq, hash: checks.same_head_hash };
    return {
      kind: 'replay',
      receipt: {
        electionId,
        constituency: body.constituency,
        boardHead: replayHead,
        trackingCode: ballot.code,
        receivedAt: checks.same_received_at.toISOString(),
        keyId: '',
        signature: checks.same_signature,
        ballotId: body.ballotId,
        sequence: checks.same_sequence,
        maxBallots: facts.maxBallots,
        replayed: true,
      },
    };
  }
  if (checks.earlier >= facts.maxBallots) return refused('voting.limit-reached');
  if (checks.replay) return refused('ballot.duplicate');
  if (checks.same_mine === false) return refused('ballot.id-reused');
  const boardHead =
    checks.board_seq === null || checks.board_hash === null ? null : { seq: checks.board_seq, hash: checks.board_hash };
  return {
    kind: 'new',
    ballot,
    category: place.category,
    sequence: (checks.last_sequence ?? 0) + 1,
    previous: checks.current_ids,
    maxBallots: facts.maxBallots,
    boardHead,
    requires: place.requires,
    unlinks: checks.unlinks,
  };
}

async function store(
  statements: Statements,
  service: VotingService,
  input: CastInput,
  ballots: readonly Ballot[],
): Promise<CastResult> {
  const mode = input.mode ?? 'online';
  const decisions: Decision[] = [];
  let claimed: Checked | undefined;
  for (const [i, ballot] of ballots.entries()) {
    const checks = (await statements.run(checkSql(input, mode, ballot, i === 0)))[0];
    if (checks === undefined) throw new Error('cast: the checks returned no row');
    if (i === 0) claimed = checks;
    const decision = decide(input, mode, ballot, checks);
    if (decision.kind === 'refused') return refuse(decision.code, ballot.electionId);
    decisions.push(decision);
  }
  const keys = await service.serverKeys();
  const replays = decisions.filter((d) => d.kind === 'replay');
  if (replays.length === decisions.length)
    return { ok: true, receipts: replays.map((d) => ({ ...d.receipt, keyId: keys.receiptKeyId })), replayed: true };
  // Part of a request already stored, part not: not a retry of the same request.
  const replayed = replays[0];
  if (replayed !== undefined) return refuse('ballot.id-reused', replayed.receipt.electionId);
  const unlinked = linkMissing(decisions, ballots);
  if (unlinked !== undefined) return refuse('ballot.linked-choice', unlinked);
  let row: { shard: number; seq: string; hash: string } | undefined =
    claimed !== undefined && claimed.shard !== null && claimed.head_seq !== null && claimed.head_hash !== null
      ? { shard: claimed.shard, seq: claimed.head_seq, hash: claimed.head_hash }
      : undefined;
  // Every audit chain held by another transaction (more writers than chains): wait for one.
  row ??= (await statements.run(waitAuditHeadSql()))[0];
  if (row === undefined) throw new Error('cast: no audit chain');
  let head: AuditHead =
    statements.trx === undefined
      ? { shard: row.shard, seq: BigInt(row.seq), hash: row.hash }
      : heldAuditHead(statements.trx, row);
  const news = decisions.filter((d) => d.kind === 'new');
  const receipts: CastReceipt[] = [];
  // A ballot that cancels a linked place's ballot (./linked-places.ts) writes after its own write:
  // then the COMMIT travels with a statement of its own, after everything.
  const unlinking = news.some((d) => d.unlinks);
  for (const [i, decision] of news.entries()) {
    const last = !unlinking && i === news.length - 1;
    const { entry, receipt } = await write(statements, keys, input, mode, decision, head, last);
    head = { shard: entry.shard, seq: entry.shardSeq, hash: entry.hash };
    receipts.push(receipt);
    if (decision.unlinks) head = await cancelUnlinked((query) => statements.run(query), input, decision.ballot, head);
  }
  if (unlinking) await statements.last(sql`select 1`);
  if (input.alsoWrite !== undefined) {
    if (statements.trx === undefined) throw new Error('cast: alsoWrite needs a Kysely transaction');
    await input.alsoWrite(statements.trx, receipts);
  }
  return { ok: true, receipts, replayed: false };
}

async function write(
  statements: Statements,
  keys: Awaited<ReturnType<VotingService['serverKeys']>>,
  input: CastInput,
  mode: BoxMode,
  decision: Extract<Decision, { kind: 'new' }>,
  head: AuditHead,
  last: boolean,
): Promise<{ entry: PendingAuditEntry; receipt: CastReceipt }> {
  const { ballot, sequence, previous, category } = decision;
  const { electionId, body } = ballot;
  const { nrn, now } = input;
  const signed = signReceipt(keys.receiptKey, {
    electionId,
    constituency: body.constituency,
    trackingCode: ballot.code,
    receivedAt: now.toISOString(),
    keyId: keys.receiptKeyId,
    boardHead: decision.boardHead,
  });
  const entry = nextAuditEntry(
    head,
    {
      actor: input.actor,
      action: 'ballot.cast',
      subject: electionId,
      details: {
        ballotId: body.ballotId,
        constituency: body.constituency,
        mode,
        ...(input.kiosk === undefined ? {} : { kioskId: input.kiosk.id }),
        sequence,
        trackingCode: ballot.code,
        superseded: previous,
      },
    },
    now,
  );
  const audit = auditWriteSql(entry);
  // The head moves first, only from where the entry expects it; the ballot, its predecessor's
  // superseding and the audit entry are written only if it moved (data-modifying CTEs cannot see
  // each other's rows, only what they return), so that a failed check writes nothing even when the
  // COMMIT travels with this statement. Supersede before inserting (the insert reads the update's
  // count, which orders them: at most one current ballot per voter is a unique index).
  const query = sql<{ inserted: string; advanced: string }>`/* isoloir:prepared */
    with head as (${audit.advance}),
    superseded as (
      update ballots set status = 'superseded', status_changed_at = ${now}
      where election_id = ${electionId} and voter_nrn = ${nrn} and status = 'received' and exists (select 1 from head)
      returning id
    ),
    ballot as (
      insert into ballots (id, election_id, constituency_code, mode, category, voter_nrn, voter_id, sequence, ciphertexts, proof, tracking_code, idempotency_key, received_at, receipt_signature, receipt_head_seq)
      select ${body.ballotId}::uuid, ${electionId}, ${body.constituency}, ${mode}, ${category}, ${nrn}, ${ballot.voterId}, ${sequence},
        ${JSON.stringify(body.ciphertexts)}::jsonb, ${JSON.stringify(body.proof)}::jsonb, ${ballot.code}, ${body.ballotId}, ${now}, ${signed.signature}, ${decision.boardHead?.seq ?? null}::integer
      from (select count(*) from superseded) as done, head
      returning id
    ),
    entry as (${audit.insertIfAdvanced})
    select (select count(*) from ballot) as inserted, (select count(*) from head) as advanced`;
  const written = (await (last ? statements.last(query) : statements.run(query)))[0];
  if (written === undefined || Number(written.inserted) !== 1 || Number(written.advanced) !== 1)
    throw new Error(`cast: ballot or audit head not written (${JSON.stringify(written)})`);
  return {
    entry,
    receipt: { ...signed, ballotId: body.ballotId, sequence, maxBallots: decision.maxBallots, replayed: false },
  };
}

/** One ballot alone (the single-election route, the benchmark): a request of one. */
export async function castBallot(
  service: VotingService,
  input: Omit<CastInput, 'ballots'> & CastItem,
): Promise<{ readonly ok: true; readonly receipt: CastReceipt } | { readonly ok: false; readonly code: CastRefusal }> {
  const result = await castBallots(service, {
    electionDayId: input.electionDayId,
    nrn: input.nrn,
    actor: input.actor,
    mode: input.mode,
    now: input.now,
    ballots: [{ electionId: input.electionId, body: input.body }],
  });
  if (!result.ok) return { ok: false, code: result.code };
  const receipt = result.receipts[0];
  if (receipt === undefined) throw new Error('cast: no receipt');
  return { ok: true, receipt };
}
