// The online ballot box, for the CLI (benchmark) and the browser tests.
export { castBallot, castBallots, type CastResult, type CastReceipt, type CastRefusal } from './cast.ts';
export { votingService, type VotingService } from './service.ts';
export { changePeriod, type PeriodCommand } from './periods.ts';
export { verifyReceipt, trackingCode } from './receipt.ts';
export {
  publishHead,
  publishDueHeads,
  listHeads,
  headWithBatch,
  startBoardClerk,
  headPolicyFromEnv,
  DEFAULT_HEAD_POLICY,
  type HeadPolicy,
  type HeadSummary,
} from './board-heads.ts';
export { eligibilityOf, type Eligibility } from './eligibility.ts';
export {
  publishTestKey,
  addSecondElection,
  addThirdElection,
  THIRD_ELECTION_ID,
  openTestPeriod,
  setTestWindow,
  dateFrom,
  encryptForCast,
  layoutOf,
  SECOND_ELECTION_ID,
} from './test-election.ts';
export type { CastBody } from './wire.ts';
