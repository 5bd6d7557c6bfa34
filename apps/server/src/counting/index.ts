// Counting of electronic votes (modes 7 and 8): see README "Counting and reports".
export { CountingError, type CountingActor, type CountingErrorCode } from './errors.ts';
export { runDemoCeremony, type TrusteeShareFile, type PublishedCeremony } from './ceremony.ts';
export { importPollingStationList, parsePollingStationCsv, type PollingStationReport } from './polling-stations.ts';
export { identifyDoubleVotes, listDoubleVotesForTeamA, listCancellationsForTeamB, confirmDoubleVote, cancelDoubleVote, confirmDoubleVotes, cancelDoubleVotes } from './double-votes.ts';
export { prepareGroups, listGroups, mergeGroup, splitIdentities, DEFAULT_MINIMUM_GROUP_SIZE, type GroupSummary } from './split.ts';
export { acceptShuffle, acceptPartial, groupsToCount, currentCiphertexts, electionKey, countingCryptoFor, type CountingChecks, type CountingCrypto, type ShuffleChecker, type GroupWork, type ShuffleUpload, type PartialUpload } from './mixing.ts';
export { tallyGroup, classifyDecoded, markedBallot } from './tally.ts';
export { emitRecord, buildRecord, writeRecord } from './record.ts';
export { generatePvs, approvePv, buildPv, type PvContent, type PvKey } from './pv.ts';
export { pvCsv } from './pv-csv.ts';
export { pvPdf } from './pv-pdf.ts';
export { exportBundle, exportEml, type ExportBundle } from './export-bundle.ts';
export { voterPseudonym } from './pseudonym.ts';
export { packRows, unpackRows, toHex, fromHex } from './blob.ts';
export { groupIdOf, electionLayout, loadConstituency } from './layout.ts';
export { remoteVoters, type RemoteVoter } from './attendance.ts';
export { seedDemoCeremony, DEMO_SHARES_FOLDER } from './demo-ceremony.ts';
export { shuffleProofJson } from './proof-json.ts';
