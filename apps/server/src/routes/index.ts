// Every route module of the API, in one list. A feature adds one line.
import type { AppInstance } from '../app-instance.ts';
import { electionRoutes } from './elections.ts';
import { adminRoleRoutes } from './admin-roles.ts';
import { auditHeadRoutes } from './audit-heads.ts';
import { authRoutes } from './auth.ts';
import { healthRoutes } from './health.ts';
import { hybridRoutes } from './hybrid.ts';
import { meRoutes } from './me.ts';
import { kioskRoutes } from './kiosk.ts';
import { kioskVotingRoutes } from './kiosk-voting.ts';
import { passkeyRoutes } from './passkey.ts';
import { preparationConsolidationRoutes } from './preparation-consolidation.ts';
import { preparationListRoutes } from './preparation-lists.ts';
import { preparationSetupRoutes } from './preparation-setup.ts';
import { preparationVoterRoutes } from './preparation-voters.ts';
import { votingAuditHandoverRoutes } from './voting-audit-handover.ts';
import { votingBallotRoutes } from './voting-ballots.ts';
import { votingBoardRoutes } from './voting-board.ts';
import { votingBoardHeadRoutes } from './voting-board-heads.ts';
import { votingPeriodRoutes } from './voting-periods.ts';
import { votingPortalRoutes } from './voting-portal.ts';
import { countingContentRoutes } from './counting-contents.ts';
import { countingIdentityRoutes } from './counting-identities.ts';
import { countingHybridReceptionRoutes } from './counting-hybrid-reception.ts';
import { countingHybridEntryRoutes } from './counting-hybrid-entry.ts';
import { countingHybridPvRoutes } from './counting-hybrid-pv.ts';
import { countingProcessRoutes } from './counting-process.ts';
import { countingPublicRoutes } from './counting-public.ts';
import { countingTrusteeRoutes } from './counting-trustee.ts';
import { countingCeremonyRoutes } from './counting-ceremony.ts';
import { resultsRoutes } from './results.ts';
import { watchRoutes } from './watch.ts';

export const ROUTE_MODULES: readonly ((app: AppInstance) => void | Promise<void>)[] = [
  healthRoutes,
  electionRoutes,
  authRoutes,
  meRoutes,
  passkeyRoutes,
  kioskRoutes,
  kioskVotingRoutes,
  adminRoleRoutes,
  preparationSetupRoutes,
  preparationVoterRoutes,
  preparationConsolidationRoutes,
  preparationListRoutes,
  votingPortalRoutes,
  votingBallotRoutes,
  votingAuditHandoverRoutes,
  votingBoardRoutes,
  votingBoardHeadRoutes,
  votingPeriodRoutes,
  hybridRoutes,
  countingIdentityRoutes,
  countingHybridReceptionRoutes,
  countingHybridEntryRoutes,
  countingHybridPvRoutes,
  countingContentRoutes,
  countingTrusteeRoutes,
  countingCeremonyRoutes,
  countingProcessRoutes,
  countingPublicRoutes,
  auditHeadRoutes,
  resultsRoutes,
  watchRoutes,
];
