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
}

export interface ElectionTable {
  id: string;
  election_day_id: string;
  kind: 'chamber' | 'european' | 'regional' | 'communal';
  label: Json<Labels>;
  seat_method: 'dhondt' | 'imperiali';
  threshold_percent: number;
  minimum_age: number;
  created_at: Generated<Date>;
}

export interface ConstituencyTable {
  election_id: string;
  code: string;
  label: Json<Labels>;
  seats: number;
  languages: Language[];
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
  seq: ColumnType<string, string, never>;
  at: string;
  actor: string;
  action: string;
  subject: string;
  details: Json<unknown>;
  prev_hash: string;
  hash: string;
}

export interface AuditHeadTable {
  id: number;
  seq: ColumnType<string, string, string>;
  hash: string;
}

export interface SchemaMigrationTable {
  version: number;
  name: string;
  checksum: string;
  applied_at: Generated<Date>;
}

export interface Schema {
  election_days: ElectionDayTable;
  elections: ElectionTable;
  constituencies: ConstituencyTable;
  party_lists: PartyListTable;
  candidates: CandidateTable;
  voters: VoterTable;
  audit_log: AuditLogTable;
  audit_head: AuditHeadTable;
  schema_migrations: SchemaMigrationTable;
}
