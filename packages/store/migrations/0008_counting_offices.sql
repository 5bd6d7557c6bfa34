-- 0008: counting per constituency main office. A president scoped to one constituency runs the
-- split and the count of that constituency; the polling stations whose list must be in (or be
-- waived, with a reason) before the split; the office's members, witnesses, place, times and
-- observations for the PV; each group's state (split, counted) and the rule that merged it;
-- each PV approval with its time.

-- The minimum anonymity set of an election: no counting set of fewer electronic ballots is decrypted.
-- A setting of the election (the setup's `anonymityMinimum`, default 10), frozen with the setup and
-- part of the election definition in the record (isoloir-record/2 `election.anonymityMinimum`).
alter table elections add column anonymity_minimum integer not null default 10 check (anonymity_minimum between 2 and 1000);

-- The president of a constituency main office (scope: the constituency code).
alter table role_assignments drop constraint role_assignments_role_check;
alter table role_assignments add constraint role_assignments_role_check
  check (role in ('po-admin', 'commune-official', 'consular-official', 'team-a', 'team-b', 'trustee', 'kiosk-operator', 'observer', 'president'));
alter table role_assignments add constraint role_assignments_president_scope
  check (role <> 'president' or scope ~ '^[a-z0-9-]{1,64}$');

-- One row per election × constituency main office: when its identities were split, where and
-- when it sat (printed on the PV).
create table counting_offices (
  election_id       text not null,
  constituency_code text not null,
  place             text not null default '' check (length(place) <= 200),
  opened_at         timestamptz,
  closed_at         timestamptz,
  split_at          timestamptz,
  split_by          text,
  -- Withheld: the constituency's electronic ballots, all together, stay below the election's minimum
  -- anonymity set; they are never split nor decrypted, and stay encrypted in the record.
  withheld_at       timestamptz,
  withheld_ballots  integer check (withheld_ballots is null or withheld_ballots >= 1),
  primary key (election_id, constituency_code),
  foreign key (election_id, constituency_code) references constituencies (election_id, code),
  check (closed_at is null or (opened_at is not null and closed_at >= opened_at)),
  check ((split_at is null) = (split_by is null)),
  check ((withheld_at is null) = (withheld_ballots is null)),
  check (withheld_at is null or split_at is null)
);

-- The polling stations whose list the office expects (station as named on the list import), and
-- the waiver (with its reason) of a station whose list will not come.
create table counting_stations (
  election_id       text not null,
  constituency_code text not null,
  station           text not null check (length(station) between 1 and 200),
  registered_by     text not null,
  registered_at     timestamptz not null default now(),
  waived_reason     text check (waived_reason is null or length(waived_reason) between 3 and 500),
  waived_by         text,
  waived_at         timestamptz,
  primary key (election_id, constituency_code, station),
  foreign key (election_id, constituency_code) references constituencies (election_id, code),
  check ((waived_reason is null) = (waived_by is null) and (waived_by is null) = (waived_at is null))
);

-- Members of the office (president, secretary, assessors, substitutes) and witnesses (designated
-- by a list), printed on the PV with a signature line each.
create table counting_office_members (
  election_id       text not null,
  constituency_code text not null,
  position          integer not null check (position >= 1),
  role              text not null check (role in ('president', 'secretary', 'assessor', 'substitute', 'witness')),
  name              text not null check (length(name) between 1 and 200),
  list_number       integer check (list_number is null or list_number > 0),
  primary key (election_id, constituency_code, position),
  foreign key (election_id, constituency_code) references constituencies (election_id, code),
  check ((role = 'witness') = (list_number is not null))
);

-- Observations, claims (réclamations) and contested ballots entered in the PV.
create table counting_observations (
  id                bigint generated always as identity primary key,
  election_id       text not null,
  constituency_code text not null,
  kind              text not null check (kind in ('observation', 'claim', 'contested')),
  author            text not null check (length(author) between 1 and 200),
  text              text not null check (length(text) between 1 and 2000),
  recorded_by       text not null,
  recorded_at       timestamptz not null default now(),
  foreign key (election_id, constituency_code) references constituencies (election_id, code)
);

-- A group's state: split (its input exists), counted (decrypted, classified and counted), and
-- the rule that merged it into another (never a PO's free choice).
alter table counting_groups add column split_at timestamptz;
alter table counting_groups add column counted_at timestamptz;
alter table counting_groups add column merge_rule text check (merge_rule is null or merge_rule in ('abroad-with-belgium', 'across-modes'));

-- Each approval of a PV with its official's name and time: [{"actor","name","at"}].
alter table counting_pvs add column approvals jsonb not null default '[]';
