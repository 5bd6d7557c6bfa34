// Hybrid voting (mode 6), for the CLI (demo kits, benchmark) and the browser tests.
export { issueKcode, kcodeStatus, voterKcode, type KcodeView } from './kcodes.ts';
export { keyedHashFrom, keyedHashOf, KCODE_PURPOSE, type KeyedHash } from './keyed-hash.ts';
export { hybridVoter, kitContent, kitTemplates, mayPrint, prepareKit, printKit } from './kit-service.ts';
export { renderKit, KitTemplates, type KitContent } from './kit-pdf.ts';
export { hybridVoterNrns, openTestHybridPeriod, setTestHybridWindow } from './test-hybrid.ts';
export { generateKits, type KitFile } from './bulk.ts';
export { issueKcodes } from './kcodes.ts';
export { hybridVoters } from './kit-service.ts';
export { receiveEnvelope, receptionSummary, TRAY_MAX, type EnvelopeReceipt } from './reception.ts';
export {
  encodeBallot,
  finishEntry,
  decideDifference,
  boxBallots,
  boxDifferences,
  type BoxKey,
} from './double-entry-store.ts';
export { boxReconciliation, explainDifference } from './reconciliation.ts';
export { generateHybridPvs, buildHybridPv, hybridGroupId, HYBRID_CATEGORIES } from './hybrid-pv.ts';
export { countPaperBallots } from './hybrid-count.ts';
export { publicKcodeHash } from './public-kcode.ts';
