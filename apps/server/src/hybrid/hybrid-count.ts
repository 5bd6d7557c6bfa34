// The count of a done hybrid box (issue #16): each agreed paper ballot (double entry, ./double-entry.ts)
// classified by packages/electoral as the Electoral Code says — valid, blank, or invalid by the rule
// of art. 156 §2 (paper not of the official model, several head boxes, a head box and another list's
// candidates, several lists, altered or recognisable), the valid ones in categories B/C/D/E of
// art. 156 §1 (a head box beside candidates of its own list counts as those candidates) — then
// summed: list figures and preference votes, integers only. The same form as the record's legal
// counts of electronic ballots (../counting/tally.ts), so the PV prints both alike.
import type { LegalCounts } from '@isoloir/crypto';
import { classifyBallot, type Constituency, type MarkedBallot } from '@isoloir/electoral';
import { legalCountsOf } from '../counting/tally.ts';

export function countPaperBallots(constituency: Constituency, ballots: readonly MarkedBallot[]): LegalCounts {
  return legalCountsOf(
    constituency,
    ballots.map((b) => classifyBallot(constituency, b)),
  );
}
