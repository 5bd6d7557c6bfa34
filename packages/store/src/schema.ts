// Row types of every table, as Kysely sees them. Keep in step with ../migrations.
import type { ColumnType, Generated } from 'kysely';

export type Language = 'fr' | 'nl' | 'de';
export type Labels = Readonly<Record<'fr' | 'nl' | 'de' | 'en', string>>;
type Json<T> = ColumnType<T, string, string>;

export interface ElectionDayTable {
  id: string;
  label: Json<Labels>;
  voting_date: ColumnType<string, string, string>;
  created_at: Generated<Date>;
  /** 0002: the lowest CSAM/FAS assurance level (LevelNNN) a voter may log in with. */
  minimum_assurance_level: Generated<number>;
}

export interface ElectionTable {
  id: string;
  election_day_id: string;
  kind: 'chamber' | 'european' | 'regional' | 'communal';
  label: Json<Labels>;
  seat_method: 'dhondt' | 'imperiali';
  threshold_percent: number;
  minimum_age: number;
  /** The minimum anonymity set (migration 0008): no counting set of fewer electronic ballots is decrypted. */
  anonymity_minimum: ColumnType<number, number | undefined, number>;
  created_at: Generated<Date>;
}

export interface ConstituencyTable {
  election_id: string;
  code: string;
  label: Json<Labels>;
  seats: number;
  languages: Language[];
  /** The main office's postal address (0015): the hybrid kit's outer-envelope label. */
  main_office_address: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface PartyListTable {
  election_id: string;
  constituency_code: string;
  list_number: number;
  label: string;
}

export interface CandidateTable {
  election_id: string;
  constituency_code: string;
  list_number: number;
  kind: 'effective' | 'substitute';
  position: number;
  given_name: string;
  surname: string;
  gender: 'F' | 'M' | 'X';
  /** `YYYY-MM-DD` (migration 0012); null for lists loaded without it. The tie-break's age step needs it. */
  birth_date: string | null;
}

export interface VoterTable {
  election_day_id: string;
  nrn: string;
  given_name: string;
  surname: string;
  birth_date: ColumnType<string, string, string>;
  sex: 'F' | 'M';
  language: Language;
  category: 'belgium' | 'abroad';
  commune_nis: string;
  country: string;
  constituency_code: string;
}

export interface AuditLogTable {
  /** From a sequence: the global identifier and reading order. */
  seq: ColumnType<string, string | undefined, never>;
  /** Which chain (0–63), and the position in it. */
  shard: number;
  shard_seq: ColumnType<string, string, never>;
  at: string;
  actor: string;
  action: string;
  subject: string;
  details: Json<unknown>;
  prev_hash: string;
  hash: string;
}

/** The head of one audit chain (shard): its last position and hash. */
export interface AuditShardTable {
  shard: number;
  seq: ColumnType<string, string, string>;
  hash: string;
}

/** 0022: a signed checkpoint of every audit chain's head (./audit-anchor.ts). */
export interface AuditCheckpointTable {
  seq: number;
  reason: 'start' | 'periodic' | 'phase' | 'manual';
  phases: Json<readonly { readonly action: string; readonly subject: string }[]>;
  published_at: ColumnType<Date, Date | string, never>;
  previous: string;
  shards: Json<readonly AuditShardHeadJson[]>;
  hash: string;
  key_id: string;
  signature: string;
}

/** One chain in a checkpoint: its last position (decimal), that entry's hash, the running numbering hash. */
export interface AuditShardHeadJson {
  readonly shard: number;
  readonly position: string;
  readonly hash: string;
  readonly numbering: string;
}

export interface SchemaMigrationTable {
  version: number;
  name: string;
  checksum: string;
  applied_at: Generated<Date>;
}

// 0003: the preparatory phase.
export type ModePeriods = Readonly<
  Record<'hybrid' | 'online' | 'kiosk', { readonly opens: string; readonly closes: string }>
>;
export type ResidentModes = Readonly<
  Record<'hybrid' | 'online' | 'kiosk', { readonly open: boolean; readonly optIn: boolean }>
>;

export type ModeAuthentication = Readonly<Record<'hybrid' | 'online' | 'kiosk', 'csam' | 'csam-or-passkey'>>;

export interface ElectionDaySettingsTable {
  election_day_id: string;
  mode_periods: Json<ModePeriods>;
  resident_modes: Json<ResidentModes>;
  abroad_modes: number[];
  registration_deadline: ColumnType<string, string, string>;
  online_revote_limit: number;
  setup_hash: string;
  frozen_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  lists_hash: ColumnType<string | null, string | null | undefined, string | null>;
  /** 0029: per remote mode, who may log in by passkey (voters registered abroad) or by CSAM only. */
  mode_authentication: ColumnType<ModeAuthentication, string | undefined, string>;
}

export interface CommuneTable {
  election_day_id: string;
  nis: string;
  name_fr: string;
  name_nl: string;
  name_de: string;
}

export interface CommuneConstituencyTable {
  election_day_id: string;
  nis: string;
  election_id: string;
  language: '*' | Language;
  constituency_code: string;
  /** 0039: a linked place, offered only with the voter's ballot of that election in that constituency. */
  requires_election_id: ColumnType<string | null, string | null | undefined, string | null>;
  requires_constituency: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface ConsularPostTable {
  code: string;
  label: Json<Labels>;
  country: string;
  address: string;
}

export type ImportKind = 'commune-voters' | 'consular-register' | 'communes' | 'lists' | 'setup';

export interface PreparationImportTable {
  id: Generated<string>;
  election_day_id: string;
  kind: ImportKind;
  scope: string;
  actor: string;
  file_sha256: string;
  rows_total: number;
  rows_accepted: number;
  rows_rejected: number;
  at: Generated<Date>;
}

export interface ImportRejectionTable {
  import_id: string;
  line: number;
  col: string;
  code: string;
  value: string;
}

export interface CommuneFileTable {
  id: Generated<string>;
  election_day_id: string;
  nis: string;
  version: number;
  import_id: string;
  voters: number;
  current: boolean;
}

export interface CommuneVoterTable {
  file_id: string;
  line: number;
  nrn: string;
  surname: string;
  given_names: string;
  birth_date: ColumnType<string, string, string>;
  sex: 'F' | 'M';
  street: string;
  postcode: string;
  locality: string;
  language: Language;
  deprived: boolean;
  deceased: boolean;
}

export interface ConsularRegistrationTable {
  election_day_id: string;
  post_code: string;
  nrn: string;
  surname: string;
  given_names: string;
  birth_date: ColumnType<string, string, string>;
  sex: 'F' | 'M';
  address: string;
  country: string;
  email: string;
  attachment_nis: string;
  language: Language;
  mode: number;
  kiosk_post_code: string | null;
  status: 'active' | 'withdrawn';
  updated_at: Generated<Date>;
}

export interface ResidentOptInTable {
  election_day_id: string;
  nrn: string;
  mode: number;
  at: Generated<Date>;
}

export interface ConsolidationTable {
  id: Generated<string>;
  election_day_id: string;
  actor: string;
  at: Generated<Date>;
  voters: number;
  frozen_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
}

export interface ConsolidatedVoterTable {
  consolidation_id: string;
  nrn: string;
  category: 'belgium' | 'abroad';
  source: string;
  commune_nis: string;
  post_code: string | null;
  surname: string;
  given_names: string;
  birth_date: ColumnType<string, string, string>;
  sex: 'F' | 'M';
  language: Language;
  address: string;
  mode: number | null;
  kiosk_post: string | null;
  status: 'ok' | 'conflict' | 'excluded';
}

export type ConflictKind = 'two-communes' | 'commune-and-abroad' | 'twice-abroad' | 'deceased' | 'deprived';

export interface ConsolidationConflictTable {
  consolidation_id: string;
  nrn: string;
  kind: ConflictKind;
  sources: Json<unknown>;
  resolution: string | null;
  resolved_by: string | null;
  resolved_at: Date | null;
}

export interface ModeFileTable {
  consolidation_id: string;
  mode: number;
  sha256: string;
  voters: number;
  counts: Json<unknown>;
}

// 0002: identity and access.
export type OfficialRole =
  | 'po-admin'
  | 'commune-official'
  | 'consular-official'
  | 'team-a'
  | 'team-b'
  | 'trustee'
  | 'kiosk-operator'
  | 'observer'
  | 'president';

export interface OfficialTable {
  id: string;
  nrn: string;
  given_name: string;
  surname: string;
  created_at: Generated<Date>;
}

export interface RoleAssignmentTable {
  id: string;
  official_id: string;
  role: OfficialRole;
  scope: string | null;
  granted_by: string;
  granted_at: Generated<Date>;
  /** 0023: the second PO administrator who confirmed the grant (null: bootstrapped). */
  confirmed_by: ColumnType<string | null, string | null | undefined, string | null>;
}

/** 0023: a role grant waiting for a second PO administrator (separation of duties). */
export interface RoleGrantRequestTable {
  id: string;
  official_id: string;
  role: OfficialRole;
  scope: string | null;
  requested_by: string;
  requested_at: Generated<Date>;
  state: ColumnType<'pending' | 'confirmed' | 'rejected', 'pending' | undefined, 'confirmed' | 'rejected'>;
  decided_by: string | null;
  decided_at: Date | null;
  assignment_id: string | null;
}

/** 0023: who ever held Team A or Team B of a constituency on an election day (never deleted). */
export interface TeamMembershipTable {
  election_day_id: string;
  official_id: string;
  team: 'team-a' | 'team-b';
  constituency_code: string;
  first_held_at: Generated<Date>;
}

export interface LoginAttemptTable {
  id: string;
  state: string;
  nonce: string;
  code_verifier: string;
  audience: 'voter' | 'official';
  created_at: Date;
  expires_at: Date;
  consumed_at: Date | null;
}

export interface SessionTable {
  id: string;
  kind: 'voter' | 'official';
  election_day_id: string | null;
  voter_nrn: string | null;
  official_id: string | null;
  assurance_level: number;
  csrf_token: string;
  id_token: string | null;
  created_at: Date;
  last_seen_at: Date;
  expires_at: Date;
  /** 0029: how the session was opened (a passkey session has assurance level 0). */
  login_method: ColumnType<'csam' | 'passkey', 'csam' | 'passkey' | undefined, never>;
}

// 0004: the electronic ballot box.
export interface ElectionKeyTable {
  election_id: string;
  group_name: string;
  public_key: string;
  threshold: number;
  trustees: number;
  ballot_width: number;
  layout: Json<unknown>;
  ceremony: Json<unknown>;
  created_at: Generated<Date>;
}

export interface VotingPeriodTable {
  election_id: string;
  mode: 'hybrid' | 'online' | 'kiosk';
  /** The PO's opening (0013); the period itself is the setup's (election_day_settings.mode_periods). */
  opened_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  opened_by: ColumnType<string | null, string | null | undefined, string | null>;
  closed_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  closed_by: ColumnType<string | null, string | null | undefined, string | null>;
}

export type BallotStatus = 'received' | 'superseded' | 'cancelled' | 'counted';
export type CancellationReason = 'voted-at-polling-station' | 'voted-twice' | 'ineligible' | 'french-language-group';

export interface BallotTable {
  id: string;
  election_id: string;
  constituency_code: string;
  mode: 'online' | 'kiosk';
  category: 'belgium' | 'abroad';
  voter_nrn: string;
  voter_id: string;
  sequence: number;
  ciphertexts: Json<unknown>;
  proof: Json<unknown>;
  tracking_code: string;
  idempotency_key: string;
  received_at: ColumnType<Date, Date | string, Date | string>;
  receipt_signature: string;
  status: ColumnType<BallotStatus, BallotStatus | undefined, BallotStatus>;
  cancellation_reason: CancellationReason | null;
  status_changed_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  /** 0039: the linked election's ballot whose group choice cancelled this one (`french-language-group`). */
  cancelled_by: ColumnType<string | null, string | null | undefined, string | null>;
  /** 0011: the board head whose batch holds the ballot (null until one covers it). */
  board_seq: ColumnType<number | null, number | null | undefined, number | null>;
  /** 0011: the head named in the ballot's receipt (null: none was published yet). */
  receipt_head_seq: ColumnType<number | null, number | null | undefined, number | null>;
}

// 0011: the anchored bulletin board's signed heads (append-only).
export interface BoardHeadTable {
  election_id: string;
  seq: number;
  kind: 'opening' | 'periodic' | 'closing';
  previous: string;
  published_at: ColumnType<Date, Date | string, never>;
  key_fingerprint: string;
  total: number;
  batch: number;
  hash: string;
  key_id: string;
  signature: string;
}

/** 0036: the fingerprint of the server secret the database was first started with (one row). */
export interface ServerSecretFingerprintTable {
  singleton: Generated<boolean>;
  fingerprint: string;
  recorded_at: Generated<Date>;
}

export interface ServerKeyTable {
  purpose: 'receipt-signing' | 'voter-pseudonym';
  public_key: string | null;
  secret: string;
  created_at: Generated<Date>;
}

// 0005: counting of electronic votes.
export interface PollingStationImportTable {
  id: string;
  election_day_id: string;
  station: string;
  sha256: string;
  accepted: number;
  rejected: Json<unknown>;
  actor: string;
  imported_at: Generated<Date>;
}

export interface PollingStationVoteTable {
  election_day_id: string;
  nrn: string;
  station: string;
  import_id: string;
}

export interface DoubleVoteTable {
  ballot_id: string;
  election_id: string;
  constituency_code: string;
  voter_nrn: string;
  station: string;
  status: ColumnType<
    'identified' | 'confirmed' | 'cancelled',
    'identified' | 'confirmed' | 'cancelled' | undefined,
    'identified' | 'confirmed' | 'cancelled'
  >;
  confirmed_by: string | null;
  confirmed_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  cancelled_by: string | null;
  cancelled_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
}

export interface CountingGroupTable {
  election_id: string;
  group_id: string;
  constituency_code: string;
  mode: 'online' | 'kiosk';
  category: 'belgium' | 'abroad';
  ballots: number;
  merged_into: string | null;
  merge_decided_by: string | null;
  input: Uint8Array | null;
  created_at: Generated<Date>;
  split_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  counted_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  merge_rule: 'abroad-with-belgium' | 'across-modes' | null;
}

export interface CountingShuffleTable {
  election_id: string;
  group_id: string;
  mix_node: number;
  trustee: number;
  outputs: Uint8Array;
  proof: Json<unknown>;
  uploaded_at: Generated<Date>;
  /** Ed25519 signature by the trustee's registered signing key (migration 0009). */
  signature: string | null;
}

export interface CountingPartialTable {
  election_id: string;
  group_id: string;
  trustee: number;
  shares: Uint8Array;
  proof: Json<unknown>;
  uploaded_at: Generated<Date>;
  /** Ed25519 signature by the trustee's registered signing key (migration 0009). */
  signature: string | null;
}

/** The key ceremony of an election, opened by the PO (migration 0009). */
export interface KeyCeremonyTable {
  election_id: string;
  group_name: string;
  threshold: number;
  trustees: number;
  opened_by: string;
  opened_at: Generated<Date>;
  answers_closed_at: Date | null;
}

export interface CeremonyTrusteeTable {
  election_id: string;
  trustee: number;
  official_id: string;
  signing_key: string;
  encryption_key: string;
  signature: string;
  registered_at: Generated<Date>;
}

export type CeremonyPostKind = 'dealing' | 'checked' | 'answer' | 'verification-key';

export interface CeremonyPostTable {
  election_id: string;
  seq: number;
  trustee: number;
  kind: CeremonyPostKind;
  payload: Json<unknown>;
  signature: string;
  posted_at: Generated<Date>;
}

export interface CountingResultTable {
  election_id: string;
  group_id: string;
  trustees: number[];
  plaintexts: Uint8Array;
  ballots: Json<unknown>;
  counts: Json<unknown>;
  created_at: Generated<Date>;
}

export interface CountingPvTable {
  election_id: string;
  constituency_code: string;
  /** 0027: 'hybrid', the PV of mode 6's paper ballots. */
  mode: 'online' | 'kiosk' | 'hybrid';
  category: 'belgium' | 'abroad';
  content: Json<unknown>;
  record_hash: string;
  generated_at: ColumnType<Date, Date | string, Date | string>;
  approved_by: ColumnType<string[], string[] | undefined, string[]>;
  final_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  /** 0008: each approval with the official's name and time. */
  approvals: ColumnType<PvApproval[], string | undefined, string>;
}

export interface PvApproval {
  readonly actor: string;
  readonly name: string;
  readonly at: string;
}

// 0008: counting per constituency main office.
export interface CountingOfficeTable {
  election_id: string;
  constituency_code: string;
  place: ColumnType<string, string | undefined, string>;
  opened_at: Date | null;
  closed_at: Date | null;
  split_at: Date | null;
  split_by: string | null;
  /** Set when the constituency's electronic ballots, all together, stay below the minimum anonymity set. */
  withheld_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  withheld_ballots: ColumnType<number | null, number | null | undefined, number | null>;
}

export interface CountingStationTable {
  election_id: string;
  constituency_code: string;
  station: string;
  registered_by: string;
  registered_at: Generated<Date>;
  waived_reason: string | null;
  waived_by: string | null;
  waived_at: Date | null;
}

export type OfficeMemberRole = 'president' | 'secretary' | 'assessor' | 'substitute' | 'witness';

export interface CountingOfficeMemberTable {
  election_id: string;
  constituency_code: string;
  position: number;
  role: OfficeMemberRole;
  name: string;
  list_number: number | null;
}

export type ObservationKind = 'observation' | 'claim' | 'contested';

export interface CountingObservationTable {
  /** bigint: a string from PostgreSQL, a number from PGlite. */
  id: Generated<string | number>;
  election_id: string;
  constituency_code: string;
  kind: ObservationKind;
  author: string;
  text: string;
  recorded_by: string;
  recorded_at: Generated<Date>;
}

// 0010: the published voter roll of each election (pseudonyms), per segment.
export interface VoterRollTable {
  election_id: string;
  constituency_code: string;
  mode: 'online' | 'kiosk';
  category: 'belgium' | 'abroad';
  voters: number;
  root: string;
  ids: Json<unknown>;
  published_at: Generated<Date>;
}

/** A voter of a frozen per-mode file (migration 0007); written once by the freeze. */
export interface FrozenVoterTable {
  election_day_id: string;
  consolidation_id: string;
  nrn: string;
  mode: number;
  category: 'belgium' | 'abroad';
  commune_nis: string;
  post_code: string | null;
  kiosk_post: string | null;
  country: string;
  language: Language;
  birth_date: ColumnType<string, string, string>;
}

/** An election a frozen voter may vote in, with the constituency / college codes offered. */
export interface FrozenVoterPlaceTable {
  election_day_id: string;
  nrn: string;
  mode: number;
  election_id: string;
  choices: string[];
  /** 0039: a linked place (see CommuneConstituencyTable). */
  requires_election_id: ColumnType<string | null, string | null | undefined, string | null>;
  requires_constituency: ColumnType<string | null, string | null | undefined, string | null>;
}

/** A rate-limit counter (migration 0014): hits in the fixed window that ends at `resets_at`. */
export interface RateLimitTable {
  bucket: string;
  hits: number;
  resets_at: Date;
}

/** A K-code of hybrid voting (0016), stored only as its keyed hash. */
export interface HybridKcodeTable {
  /** bigint: a string from PostgreSQL, a number from PGlite. */
  id: Generated<string | number>;
  election_day_id: string;
  nrn: string;
  mode: ColumnType<number, number | undefined, never>;
  code_hash: string;
  state: ColumnType<
    'issued' | 'voided' | 'received' | 'cancelled' | 'counted',
    'issued' | undefined,
    'voided' | 'received' | 'cancelled' | 'counted'
  >;
  cancellation_reason: string | null;
  issued_at: Date;
  state_changed_at: Date;
  state_changed_by: string;
}

export interface HybridEnvelopeTable {
  /** bigint: a string from PostgreSQL, a number from PGlite. */
  id: Generated<string | number>;
  election_day_id: string;
  office: string;
  code_hash: string;
  kcode_id: string | number | null;
  received_at: Date;
  received_by: string;
  outcome: 'accepted' | 'set-aside';
  reason: string | null;
  box: 'belgium' | 'abroad' | null;
  box_order: number | null;
  /** 0027: the voter's category when the K-code is known (null: unknown code, or before 0027). */
  category: ColumnType<'belgium' | 'abroad' | null, 'belgium' | 'abroad' | null | undefined, never>;
  /** 0030: the K-code's public hash (PROTOCOL.md §8 `hybrid-receipt-log`); null before 0030. */
  public_hash: ColumnType<string | null, string | null | undefined, never>;
}

/** 0030: the last order number handed out per hybrid box. */
export interface HybridBoxCounterTable {
  election_day_id: string;
  office: string;
  box: 'belgium' | 'abroad';
  last: number;
}

export interface HybridEntryBoxTable {
  election_id: string;
  office: string;
  box: 'belgium' | 'abroad';
  first_by: string | null;
  first_finished: Date | null;
  second_by: string | null;
  second_finished: Date | null;
}

export interface HybridEntryBallotTable {
  election_id: string;
  office: string;
  box: 'belgium' | 'abroad';
  entry: number;
  position: number;
  /** packages/electoral's MarkedBallot. */
  ballot: ColumnType<unknown, string, string>;
}

export interface HybridEntryDecisionTable {
  election_id: string;
  office: string;
  box: 'belgium' | 'abroad';
  position: number;
  /** packages/electoral's MarkedBallot; null: no ballot at that position. */
  ballot: ColumnType<unknown, string | null, string | null>;
  decided_by: string;
  decided_at: Date;
}

/** 0028: why a hybrid box's encoded ballots differ from the inner envelopes accepted. */
export interface HybridBoxExplanationTable {
  election_id: string;
  office: string;
  box: 'belgium' | 'abroad';
  difference: number;
  text: string;
  author: string;
  recorded_by: string;
  recorded_at: Date;
}

export interface Schema {
  election_days: ElectionDayTable;
  elections: ElectionTable;
  constituencies: ConstituencyTable;
  party_lists: PartyListTable;
  candidates: CandidateTable;
  voters: VoterTable;
  election_keys: ElectionKeyTable;
  voting_periods: VotingPeriodTable;
  ballots: BallotTable;
  server_keys: ServerKeyTable;
  server_secret_fingerprint: ServerSecretFingerprintTable;
  board_heads: BoardHeadTable;
  audit_log: AuditLogTable;
  audit_shards: AuditShardTable;
  audit_checkpoints: AuditCheckpointTable;
  schema_migrations: SchemaMigrationTable;
  officials: OfficialTable;
  role_assignments: RoleAssignmentTable;
  role_grant_requests: RoleGrantRequestTable;
  team_memberships: TeamMembershipTable;
  login_attempts: LoginAttemptTable;
  sessions: SessionTable;
  rate_limits: RateLimitTable;
  election_day_settings: ElectionDaySettingsTable;
  communes: CommuneTable;
  commune_constituencies: CommuneConstituencyTable;
  consular_posts: ConsularPostTable;
  preparation_imports: PreparationImportTable;
  import_rejections: ImportRejectionTable;
  commune_files: CommuneFileTable;
  commune_voters: CommuneVoterTable;
  consular_registrations: ConsularRegistrationTable;
  resident_opt_ins: ResidentOptInTable;
  consolidations: ConsolidationTable;
  consolidated_voters: ConsolidatedVoterTable;
  consolidation_conflicts: ConsolidationConflictTable;
  mode_files: ModeFileTable;
  polling_station_imports: PollingStationImportTable;
  polling_station_votes: PollingStationVoteTable;
  double_votes: DoubleVoteTable;
  counting_groups: CountingGroupTable;
  counting_shuffles: CountingShuffleTable;
  counting_partials: CountingPartialTable;
  counting_results: CountingResultTable;
  voter_rolls: VoterRollTable;
  counting_pvs: CountingPvTable;
  key_ceremonies: KeyCeremonyTable;
  ceremony_trustees: CeremonyTrusteeTable;
  ceremony_posts: CeremonyPostTable;
  frozen_voters: FrozenVoterTable;
  frozen_voter_places: FrozenVoterPlaceTable;
  counting_offices: CountingOfficeTable;
  counting_stations: CountingStationTable;
  counting_office_members: CountingOfficeMemberTable;
  counting_observations: CountingObservationTable;
  hybrid_kcodes: HybridKcodeTable;
  hybrid_envelopes: HybridEnvelopeTable;
  hybrid_box_counters: HybridBoxCounterTable;
  hybrid_entry_boxes: HybridEntryBoxTable;
  hybrid_entry_ballots: HybridEntryBallotTable;
  hybrid_entry_decisions: HybridEntryDecisionTable;
  hybrid_box_explanations: HybridBoxExplanationTable;
  passkey_activation_codes: PasskeyActivationCodeTable;
  passkey_credentials: PasskeyCredentialTable;
  passkey_challenges: PasskeyChallengeTable;
  audit_handovers: AuditHandoverTable;
  kiosk_enrolment_codes: KioskEnrolmentCodeTable;
  kiosks: KioskTable;
  kiosk_visits: KioskVisitTable;
  kiosk_ballots: KioskBallotTable;
}

// 0031: kiosks at the consular posts, mode 8 (apps/server/src/kiosk).
export interface KioskEnrolmentCodeTable {
  id: Generated<string>;
  post_code: string;
  code_hash: string;
  issued_by: string;
  issued_at: Date;
  expires_at: Date;
  used_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
}

export interface KioskTable {
  id: string;
  post_code: string;
  public_key: string;
  label: string;
  code_id: string;
  enrolled_at: Date;
  revoked_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  revoked_by: ColumnType<string | null, string | null | undefined, string | null>;
  last_seen_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  queued: ColumnType<number, number | undefined, number>;
}

export interface KioskVisitTable {
  token_hash: string;
  kiosk_id: string;
  election_day_id: string;
  nrn: string;
  created_at: Date;
  expires_at: Date;
}

export interface KioskBallotTable {
  ballot_id: string;
  kiosk_id: string;
  visit_hash: string;
  signature: string;
  received_at: Date;
}

// 0029: passkeys enrolled through the consular post (apps/server/src/passkey).
export interface PasskeyActivationCodeTable {
  id: Generated<string>;
  election_day_id: string;
  post_code: string;
  nrn: string;
  code_hash: string;
  issued_by: string;
  issued_at: Date;
  expires_at: Date;
  used_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  revoked_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
}

export interface PasskeyCredentialTable {
  id: Generated<string>;
  credential_id: string;
  election_day_id: string;
  post_code: string;
  nrn: string;
  user_handle: string;
  public_key: string;
  sign_count: ColumnType<string, number | undefined, number>;
  transports: ColumnType<string[], string[] | undefined, string[]>;
  activation_code_id: string;
  created_at: Date;
  last_used_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  revoked_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  revoked_by: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface PasskeyChallengeTable {
  id: string;
  purpose: 'activation' | 'login';
  challenge: string;
  activation_code_id: string | null;
  user_handle: string | null;
  created_at: Date;
  expires_at: Date;
  consumed_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
}

// 0034: an audited ballot handed to a second device, encrypted under a key the server never sees.
export interface AuditHandoverTable {
  id: string;
  election_id: string;
  actor: string;
  blob: Uint8Array;
  created_at: Date;
  expires_at: Date;
}
