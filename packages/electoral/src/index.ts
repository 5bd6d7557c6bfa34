// @isoloir/electoral: Belgian electoral law as pure functions. No I/O, no clock, no dependencies.
export type { Result } from './result.ts';
export { ok, err, unwrap } from './result.ts';
export type { Fraction, FractionParseError } from './fraction.ts';
export { fraction, compare, multiply, ceil, ceilShare, parseFraction, formatFraction } from './fraction.ts';
export type { Language, Labels } from './labels.ts';
export { LANGUAGES, label, sameLabel } from './labels.ts';
export type {
  ElectionDay,
  Election,
  ElectionKind,
  ElectionRules,
  SeatMethod,
  TieBreak,
  Constituency,
  CandidateList,
  Candidate,
} from './model.ts';
export { defaultRules } from './election-rules.ts';
export type { ModelError } from './validate-constituency.ts';
export { validateConstituency } from './validate-constituency.ts';
export type { ListRule, ListCandidate, ListDraft, ConstituencyDraft, ListViolation } from './list-composition.ts';
export { checkLists, maxSubstitutes } from './list-composition.ts';
export type { SubstituteRule, GenderRule, ListNumbering } from './elections/list-rules.ts';
export {
  substituteBounds,
  listRulesForKind,
  COMMON_LIST_RULES,
  CHAMBER_LIST_RULES,
  EUROPEAN_LIST_RULES,
  REGIONAL_LIST_RULES,
  BRUSSELS_LIST_RULES,
  GERMAN_SPEAKING_LIST_RULES,
  LOCAL_FLANDERS_LIST_RULES,
  LOCAL_WALLONIA_LIST_RULES,
  LOCAL_BRUSSELS_LIST_RULES,
} from './elections/list-rules.ts';
export type { MarkedBallot, Mark, HeadBoxMark, CandidateMark, PaperState, BallotCategory } from './ballot.ts';
export type { InvalidBallotRule, BallotRule } from './ballot-rules.ts';
export { INVALID_BALLOT_RULES, INVALID_BALLOT_RULE_CODES } from './ballot-rules.ts';
export type { BallotClass, ValidBallot } from './classify.ts';
export { classifyBallot } from './classify.ts';
export type { Count, ListCount } from './count.ts';
export { countBallots, emptyCount, listFigure, validBallots, invalidBallots } from './count.ts';
export type { MergeError } from './count-merge.ts';
export { mergeCounts, compareCounts } from './count-merge.ts';
export type { SeatInput, ListVotes, ListSeats, SeatError } from './seats.ts';
export { allocateSeats, divisor } from './seats.ts';
export type { Contender } from './seats-tie.ts';
export type { Devolved } from './devolution.ts';
export { devolve, rankByTotal } from './devolution.ts';
export type { DesignationInput, Designation, CandidateOutcome, DesignationError } from './designation.ts';
export { designate, eligibility } from './designation.ts';
export type { Nrn, NrnError } from './nrn.ts';
export { parseNrn, formatNrn, compactNrn, nrnCheck } from './nrn.ts';
export type { NrnSpec, NrnSpecError } from './nrn-generate.ts';
export { makeNrn, testNrns } from './nrn-generate.ts';
export type {
  OfficialConstituency,
  OfficialList,
  OfficialCandidate,
  OfficialInputError,
  OfficialInputErrorCode,
} from './official-format.ts';
export { parseOfficialConstituency } from './official-parse.ts';
export { toConstituency } from './official-model.ts';
export type { OfficialOptions, OfficialError, TiedList } from './official-results.ts';
export { computeOfficialResults } from './official-results.ts';
export { compareOfficialResults, COMPUTED_LIST_FIELDS, COMPUTED_CANDIDATE_FIELDS } from './official-compare.ts';
export type {
  ElectionCode,
  Citation,
  TieBreakStep,
  TieBreakRule,
  Territory,
  StatutoryConstituency,
  Placement,
  VoterRules,
  ListRules,
  StatutoryElection,
  VoterPlacement,
  LocalRegion,
  LocalRules,
} from './elections/index.ts';
export {
  ELECTION_CODES,
  STATUTORY_ELECTIONS,
  ELECTION_DAY_2024,
  statutoryElection,
  isElectionCode,
  placeResident,
  oldEnough,
  inTerritory,
  CHAMBER,
  EUROPEAN,
  FLEMISH,
  WALLOON,
  BRUSSELS,
  GERMAN_SPEAKING,
  RHODE_SAINT_GENESE_CANTON,
  GERMAN_LANGUAGE_AREA,
  VOEREN,
  COMINES_WARNETON,
  LOCAL_RULES,
  LOCAL_REGIONS,
} from './elections/index.ts';
export type { KcodeError } from './kcode.ts';
export {
  formatKcode,
  kcodeCheckSymbol,
  kcodeFromBytes,
  parseKcode,
  KCODE_ALPHABET,
  KCODE_LENGTH,
  KCODE_RANDOM_BYTES,
} from './kcode.ts';
