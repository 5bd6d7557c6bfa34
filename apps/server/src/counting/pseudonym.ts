// The voter pseudonym used by the OFFLINE DEMO (the ballot box keeps its own keyed pseudonym in
// ballots.voter_id, apps/server/src/voting/pseudonym.ts): the record shows it, never the NRN.
// pseudonym, never the national register number. Contract with the ballot box (issue 7): the
// voter's device proves its ballot for context { electionId, voterId: voterPseudonym(…), ballotId: ballots.id }.
import { createHash } from 'node:crypto';

export function voterPseudonym(electionId: string, nrn: string): string {
  return createHash('sha256').update(`isoloir/v1/voter-pseudonym\n${electionId}\n${nrn}`).digest('hex').slice(0, 32);
}
