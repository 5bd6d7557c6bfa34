// The preparatory phase, for the CLI and other packages: imports, registration, consolidation,
// freezing, lists and letters. Each command takes the actor as a plain value.
export { CLI_ACTOR, type Actor, type PreparationRole } from './actor.ts';
export { PreparationError, type PreparationErrorCode } from './errors.ts';
export {
  importElectionSetup,
  parseElectionSetupText,
  daySettings,
  type ElectionSetup,
  type DaySettings,
} from './setup.ts';
export { CSAM_ONLY } from './setup.ts';
export { importCommunes, parseCommunesCsv, electionConstituencies } from './communes.ts';
export { importCommuneVoters, type ImportReport } from './commune-import.ts';
export {
  importConsularRegister,
  registerAbroad,
  changeRegistration,
  withdrawRegistration,
  optIn,
  recordOptIns,
  type Registration,
} from './consular.ts';
export { consolidate, resolveConflict, listConflicts, latestConsolidation, type Resolution } from './consolidate.ts';
export { freezeDay } from './freeze.ts';
export { writeFrozenFiles, isFrozen } from './frozen-files.ts';
export { modeFileChunks, modeCounts, REMOTE_MODES, type RemoteMode } from './mode-files.ts';
export { importLists, parseListsCsv, parseListsJson, ListsRejected } from './lists.ts';
export { generateAllLetters, renderLetters, letterContext, unitVoters, type BulkProgress } from './letters.ts';
export {
  seedPreparationDemo,
  demoCommunes,
  communesCsv,
  generateVoters,
  communeVoterLine,
  COMMUNE_HEADER,
  DEMO_SETUP,
  demoSetupAround,
  DEMO_POSTS,
  type GeneratedVoter,
} from './demo-preparation.ts';
export type { ByteSource } from './csv.ts';
