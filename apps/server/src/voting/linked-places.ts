// Linked places (migration 0039): a place of one election offered only together with a choice in
// another election of the same cast. The law has one: the Brussels members of the Flemish Parliament
// are elected only by the Brussels voters who do not vote for a list of the French language group in
// the Brussels Parliament election (special act of 12 January 1989 on the Brussels institutions,
// art. 14 al. 2); the voter's place `bruxelles-capitale` in the Flemish election requires their
// Brussels Parliament ballot to be in `groupe-neerlandais`. [U] A blank vote chosen within the French
// group counts as a French-group vote, as on the 2024 voting machines (the voter chooses the group first).
//
// Two rules, both inside the cast's transaction:
// - a ballot for a linked place is accepted only with the required ballot in the same cast
//   (`linkMissing`: the whole cast is refused `ballot.linked-choice`);
// - a ballot of the required election in another group cancels the voter's current ballot of the
//   linked place (`cancelUnlinked`): reason `french-language-group`, `cancelled_by` naming the new
//   ballot (the record publishes it as the evidence), one audit entry per cancelled ballot. A later
//   cast in the Dutch group with a new Flemish ballot counts again; the cancelled one stays cancelled.
import { sql, type RawBuilder } from 'kysely';
import { auditWriteSql, nextAuditEntry, type AuditHead } from '@isoloir/store';
import type { Ballot, CastInput, Decision } from './cast.ts';

/** The election of the first new ballot whose link the cast does not hold, or undefined. */
export function linkMissing(decisions: readonly Decision[], ballots: readonly Ballot[]): string | undefined {
  for (const d of decisions) {
    if (d.kind !== 'new' || d.requires === null) continue;
    const { electionId, constituency } = d.requires;
    if (!ballots.some((b) => b.electionId === electionId && b.body.constituency === constituency))
      return d.ballot.electionId;
  }
  return undefined;
}

/**
 * Cancels the voter's current ballots of the places linked to `ballot`'s election in another
 * constituency than `ballot`'s; runs after `ballot` is written (it is the evidence). Returns the audit
 * chain's new head. `run` runs a statement in the cast's transaction (cast.ts).
 */
export async function cancelUnlinked(
  run: <R>(query: RawBuilder<R>) => Promise<R[]>,
  input: Pick<CastInput, 'electionDayId' | 'nrn' | 'actor' | 'now'>,
  ballot: Pick<Ballot, 'electionId' | 'body'>,
  head: AuditHead,
): Promise<AuditHead> {
  const rows = await run(sql<{ id: string; election_id: string }>`
    update ballots b
       set status = 'cancelled', cancellation_reason = 'french-language-group',
           cancelled_by = ${ballot.body.ballotId}::uuid, status_changed_at = ${input.now}
      from frozen_voter_places p
     where p.election_day_id = ${input.electionDayId} and p.nrn = ${input.nrn}
       and p.requires_election_id = ${ballot.electionId} and p.requires_constituency <> ${ballot.body.constituency}
       and b.election_id = p.election_id and b.voter_nrn = ${input.nrn} and b.status = 'received'
    returning b.id, b.election_id`);
  let at = head;
  for (const row of rows) {
    const entry = nextAuditEntry(
      at,
      {
        actor: input.actor,
        action: 'ballot.cancelled',
        subject: row.election_id,
        details: { ballotId: row.id, reason: 'french-language-group', cancelledBy: ballot.body.ballotId },
      },
      input.now,
    );
    const audit = auditWriteSql(entry);
    const written = await run(sql<{ advanced: string }>`
      with entry as (${audit.insert}), head as (${audit.advance})
      select (select count(*) from head) as advanced`);
    if (Number(written[0]?.advanced) !== 1) throw new Error('cast: audit head moved while held');
    at = { shard: entry.shard, seq: entry.shardSeq, hash: entry.hash };
  }
  return at;
}
