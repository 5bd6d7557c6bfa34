// Counting of electronic votes (modes 7 and 8): see README "Counting and reports".
export { CountingError, type CountingActor, type CountingErrorCode } from './errors.ts';
export { publishKey, publishedCeremony, type PublishedCeremony } from './ceremony.ts';
export {
  openCeremony,
  registerTrustee,
  postToBoard,
  closeAnswers,
  ceremonyTranscript,
  readBoard,
  registrationBody,
  postBody,
  trusteeOf,
  signingKeyOf,
  CEREMONY_FORMAT,
  type PostKind,
} from './ceremony-board.ts';
export {
  ceremonyState,
  complaintsOf,
  dealerPublics,
  qualifiedOf,
  type Board,
  type CeremonyPhase,
  type DealingPayload,
  type CheckedPayload,
  type AnswerPayload,
  type VerificationKeyPayload,
} from './ceremony-state.ts';
export {
  SIGNING_LABELS,
  signedMessage,
  signatureValid,
  rowsDigest,
  proofDigest,
  shuffleSigningBody,
  partialSigningBody,
  type SigningLabel,
} from './trustee-signature.ts';
export { publishedGroup, type PublishedGroup, type PublishedBallot } from './published-group.ts';
export { importPollingStationList, parsePollingStationCsv, type PollingStationReport } from './polling-stations.ts';
export {
  identifyDoubleVotes,
  listDoubleVotesForTeamA,
  listCancellationsForTeamB,
  confirmDoubleVote,
  cancelDoubleVote,
  confirmDoubleVotes,
  cancelDoubleVotes,
} from './double-votes.ts';
export {
  prepareGroups,
  listGroups,
  splitIdentities,
  DEFAULT_MINIMUM_GROUP_SIZE,
  type GroupSummary,
  type GroupState,
} from './split.ts';
export { MINIMUM_ANONYMITY_SET, planMerges, type MergePlan, type MergeRule } from './anonymity.ts';
export {
  registerStations,
  waiveStation,
  stationStatus,
  setOfficeDetails,
  markSession,
  addObservation,
  officeInfo,
  type StationStatus,
  type OfficeInfo,
  type OfficeMember,
} from './office.ts';
export { countConstituency, electionCounted, type ConstituencyResults } from './results.ts';
export { pvFigures, figuresError, type PvFigures } from './pv-figures.ts';
export { countingStateOf, type CountingState } from './group-state.ts';
export {
  acceptShuffle,
  acceptPartial,
  groupsToCount,
  currentCiphertexts,
  electionKey,
  countingCryptoFor,
  type CountingChecks,
  type CountingCrypto,
  type ShuffleChecker,
  type GroupWork,
  type ShuffleUpload,
  type PartialUpload,
  type Uploader,
} from './mixing.ts';
export { tallyGroup, classifyDecoded, markedBallot, legalCounts } from './tally.ts';
export { emitRecord, buildRecord, writeRecord } from './record.ts';
export { generatePvs, approvePv, buildPv, type PvContent, type PvKey } from './pv.ts';
export { pvCsv } from './pv-csv.ts';
export { pvPdf } from './pv-pdf.ts';
export { exportBundle, exportEml, type ExportBundle } from './export-bundle.ts';
export { voterPseudonyms } from './pseudonym.ts';
export { publishRoll, publishedRoll } from './roll.ts';
export { electionDefinition } from './record-definition.ts';
export { packRows, unpackRows, toHex, fromHex } from './blob.ts';
export { groupIdOf, electionLayout, loadConstituency } from './layout.ts';
export { remoteVoters, type RemoteVoter } from './attendance.ts';
export {
  openDemoCeremony,
  openDemoCeremonies,
  demoShareFolderOf,
  DEMO_SHARES_FOLDER,
  DEMO_TRUSTEES,
} from './demo-ceremony.ts';
export { shuffleProofJson } from './proof-json.ts';
