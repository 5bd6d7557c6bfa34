-- 0005: counting of electronic votes (modes 7 and 8) at each constituency's main office.
-- Identities (Team A side): polling-station lists, double votes. Contents (Team B side): the
-- anonymised group inputs, the trustees' shuffles and partial decryptions, results and PVs.
-- No table holds a secret key share or an identity next to a vote content.

-- Who voted at a polling station (BV), per election day. Several imports accumulate.
create table polling_station_imports (
  id              uuid primary key,
  election_day_id text not null references election_days (id),
  station         text not null,
  sha256          text not null check (sha256 ~ '^[0-9a-f]{64}$'),
  accepted        integer not null check (accepted >= 0),
  rejected        jsonb not null,
  actor           text not null,
  imported_at     timestamptz not null default now()
);

create table polling_station_votes (
  election_day_id text not null references election_days (id),
  nrn             text not null check (nrn ~ '^[0-9]{11}$'),
  station         text not null,
  import_id       uuid not null references polling_station_imports (id),
  primary key (election_day_id, nrn)
);

-- A remote ballot whose voter also voted at a polling station: Team A confirms the case (identity
-- only), then a different Team B member cancels the remote ballot (the BV vote wins).
create table double_votes (
  ballot_id     uuid primary key references ballots (id),
  election_id   text not null,
  constituency_code text not null,
  voter_nrn     text not null,
  station       text not null,
  status        text not null default 'identified' check (status in ('identified', 'confirmed', 'cancelled')),
  confirmed_by  text,
  confirmed_at  timestamptz,
  cancelled_by  text,
  cancelled_at  timestamptz,
  check (cancelled_by is null or cancelled_by <> confirmed_by)
);

-- The groups of the count (constituency × mode × abroad/Belgium) and their anonymised input:
-- the counted ciphertexts without identities, in random order, packed (width pairs per ballot).
create table counting_groups (
  election_id       text not null references election_keys (election_id),
  group_id          text not null,
  constituency_code text not null,
  mode              text not null check (mode in ('online', 'kiosk')),
  category          text not null check (category in ('belgium', 'abroad')),
  ballots           integer not null check (ballots >= 0),
  -- A group below the minimum size is merged by a PO decision into another group of the same constituency.
  merged_into       text,
  merge_decided_by  text,
  input             bytea,
  created_at        timestamptz not null default now(),
  primary key (election_id, group_id)
);

-- One row per mix node (trustee), in chain order: mix_node 1 shuffles the input, k shuffles k−1's output.
create table counting_shuffles (
  election_id text not null,
  group_id    text not null,
  mix_node    integer not null check (mix_node >= 1),
  trustee     integer not null check (trustee >= 1),
  outputs     bytea not null,
  proof       jsonb not null,
  uploaded_at timestamptz not null default now(),
  primary key (election_id, group_id, mix_node),
  unique (election_id, group_id, trustee),
  foreign key (election_id, group_id) references counting_groups (election_id, group_id)
);

create table counting_partials (
  election_id text not null,
  group_id    text not null,
  trustee     integer not null check (trustee >= 1),
  shares      bytea not null,
  proof       jsonb not null,
  uploaded_at timestamptz not null default now(),
  primary key (election_id, group_id, trustee),
  foreign key (election_id, group_id) references counting_groups (election_id, group_id)
);

-- Decrypted, decoded, classified and counted: one row per group.
create table counting_results (
  election_id text not null,
  group_id    text not null,
  trustees    integer[] not null,
  plaintexts  bytea not null,
  ballots     jsonb not null,
  counts      jsonb not null,
  created_at  timestamptz not null default now(),
  primary key (election_id, group_id),
  foreign key (election_id, group_id) references counting_groups (election_id, group_id)
);

-- The procès-verbal per constituency × mode × abroad/Belgium; final after two Team B approvals.
create table counting_pvs (
  election_id       text not null,
  constituency_code text not null,
  mode              text not null check (mode in ('online', 'kiosk')),
  category          text not null check (category in ('belgium', 'abroad')),
  content           jsonb not null,
  record_hash       text not null,
  generated_at      timestamptz not null,
  approved_by       text[] not null default '{}',
  final_at          timestamptz,
  primary key (election_id, constituency_code, mode, category),
  check (cardinality(approved_by) <= 2)
);
