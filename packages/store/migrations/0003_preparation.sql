-- 0003: the preparatory phase. Election-day settings (mode periods, who may use modes 6–8, the
-- online re-vote limit), the reference table of communes, commune voter files (versioned), consular
-- posts and registrations, residents' opt-ins, imports with their rejected rows, consolidation with
-- its conflicts, per-mode voter files frozen with a hash, and the hash of frozen candidate lists.

create table election_day_settings (
  election_day_id       text primary key references election_days (id),
  -- {"hybrid":{"opens":"2029-05-20","closes":"2029-06-09"},"online":…,"kiosk":…}
  mode_periods          jsonb not null,
  -- {"hybrid":{"open":true,"optIn":true},"online":…,"kiosk":…}: modes 6–8 for voters in Belgium
  resident_modes        jsonb not null,
  -- the legal modes a Belgian abroad may choose, among 1–8
  abroad_modes          smallint[] not null check (abroad_modes <@ array[1, 2, 3, 4, 5, 6, 7, 8]::smallint[]),
  registration_deadline date not null,
  online_revote_limit   integer not null check (online_revote_limit between 1 and 100),
  setup_hash            text not null check (setup_hash ~ '^[0-9a-f]{64}$'),
  frozen_at             timestamptz,
  lists_hash            text check (lists_hash ~ '^[0-9a-f]{64}$')
);

create table communes (
  election_day_id text not null references election_days (id),
  nis             text not null check (nis ~ '^[0-9]{5}$'),
  name_fr         text not null,
  name_nl         text not null,
  name_de         text not null,
  primary key (election_day_id, nis)
);

-- The constituency (or EP college) of a commune's voters in each election. `language` is '*' for
-- every voter, or fr / nl where the college depends on the voter's language (Brussels, EP).
create table commune_constituencies (
  election_day_id   text not null,
  nis               text not null,
  election_id       text not null references elections (id),
  language          text not null check (language in ('*', 'fr', 'nl', 'de')),
  constituency_code text not null,
  primary key (election_day_id, nis, election_id, language),
  foreign key (election_day_id, nis) references communes (election_day_id, nis),
  foreign key (election_id, constituency_code) references constituencies (election_id, code)
);

create table consular_posts (
  code       text primary key check (code ~ '^[a-z0-9-]{2,40}$'),
  label      jsonb not null,
  country    text not null check (country ~ '^[A-Z]{2}$'),
  -- where its kiosk stands, printed on kiosk letters
  address    text not null
);

-- One import of a file (commune voter file, consular register, communes, lists); its rejected rows.
create table preparation_imports (
  id              bigint generated always as identity primary key,
  election_day_id text not null references election_days (id),
  kind            text not null check (kind in ('commune-voters', 'consular-register', 'communes', 'lists', 'setup')),
  scope           text not null,
  actor           text not null,
  file_sha256     text not null check (file_sha256 ~ '^[0-9a-f]{64}$'),
  rows_total      integer not null,
  rows_accepted   integer not null,
  rows_rejected   integer not null,
  at              timestamptz not null default now()
);

create table import_rejections (
  import_id bigint not null references preparation_imports (id),
  line      integer not null,
  col       text not null,
  code      text not null,
  value     text not null,
  primary key (import_id, line, col, code)
);

-- A commune's voter file: each import of a commune is a new version; only the newest is current.
create table commune_files (
  id              bigint generated always as identity primary key,
  election_day_id text not null,
  nis             text not null,
  version         integer not null check (version > 0),
  import_id       bigint not null references preparation_imports (id),
  voters          integer not null,
  current         boolean not null,
  unique (election_day_id, nis, version),
  foreign key (election_day_id, nis) references communes (election_day_id, nis)
);

create unique index commune_files_current on commune_files (election_day_id, nis) where current;

-- file_id has no foreign key on purpose: a per-row check would divide COPY's speed by three. Only
-- the import writes these rows, to file rows it creates in the same transaction.
create table commune_voters (
  file_id       bigint not null,
  line          integer not null,
  nrn           text not null check (nrn ~ '^[0-9]{11}$'),
  surname       text not null,
  given_names   text not null,
  birth_date    date not null,
  sex           text not null check (sex in ('F', 'M')),
  street        text not null,
  postcode      text not null,
  locality      text not null,
  language      text not null check (language in ('fr', 'nl', 'de')),
  deprived      boolean not null,
  deceased      boolean not null
);
-- Rows arrive by COPY at 100,000+ a second and are read whole per file (consolidation, letters): only
-- the (cheap, ever-increasing) file index. The import removes a file's duplicate numbers before it commits.
create index commune_voters_file on commune_voters (file_id);


create table consular_registrations (
  election_day_id text not null references election_days (id),
  post_code       text not null references consular_posts (code),
  nrn             text not null check (nrn ~ '^[0-9]{11}$'),
  surname         text not null,
  given_names     text not null,
  birth_date      date not null,
  sex             text not null check (sex in ('F', 'M')),
  address         text not null,
  country         text not null check (country ~ '^[A-Z]{2}$'),
  email           text not null,
  attachment_nis  text not null,
  language        text not null check (language in ('fr', 'nl', 'de')),
  mode            smallint not null check (mode between 1 and 8),
  kiosk_post_code text references consular_posts (code),
  status          text not null check (status in ('active', 'withdrawn')),
  updated_at      timestamptz not null default now(),
  primary key (election_day_id, post_code, nrn),
  foreign key (election_day_id, attachment_nis) references communes (election_day_id, nis),
  check ((mode = 8) = (kiosk_post_code is not null))
);

create table resident_opt_ins (
  election_day_id text not null references election_days (id),
  nrn             text not null check (nrn ~ '^[0-9]{11}$'),
  mode            smallint not null check (mode between 6 and 8),
  at              timestamptz not null default now(),
  primary key (election_day_id, nrn)
);

create table consolidations (
  id              bigint generated always as identity primary key,
  election_day_id text not null references election_days (id),
  actor           text not null,
  at              timestamptz not null default now(),
  voters          integer not null,
  frozen_at       timestamptz
);

-- The consolidated voter file. status: ok, conflict (held until the PO resolves it), excluded.
-- mode: 1–8 chosen abroad or opted in by a resident; null for a resident who chose nothing.
-- consolidation_id has no foreign key, for the same reason as commune_voters.file_id: rows are only
-- written by the consolidation, set-based, in the transaction that creates the consolidation.
create table consolidated_voters (
  consolidation_id bigint not null,
  nrn              text not null,
  category         text not null check (category in ('belgium', 'abroad')),
  source           text not null,
  commune_nis      text not null,
  post_code        text,
  surname          text not null,
  given_names      text not null,
  birth_date       date not null,
  sex              text not null check (sex in ('F', 'M')),
  language         text not null check (language in ('fr', 'nl', 'de')),
  address          text not null,
  mode             smallint,
  kiosk_post       text,
  status           text not null check (status in ('ok', 'conflict', 'excluded')),
  primary key (consolidation_id, nrn)
);

create table consolidation_conflicts (
  consolidation_id bigint not null references consolidations (id),
  nrn              text not null,
  kind             text not null check (kind in ('two-communes', 'commune-and-abroad', 'twice-abroad', 'deceased', 'deprived')),
  -- every source of the number: [{"source":"commune:21004","surname":…,"mode":…}]
  sources          jsonb not null,
  resolution       text,
  resolved_by      text,
  resolved_at      timestamptz,
  primary key (consolidation_id, nrn)
);

create table mode_files (
  consolidation_id bigint not null references consolidations (id),
  mode             smallint not null check (mode between 6 and 8),
  sha256           text not null check (sha256 ~ '^[0-9a-f]{64}$'),
  voters           integer not null,
  -- [{"electionId":…,"constituency":…,"category":…,"voters":n}]
  counts           jsonb not null,
  primary key (consolidation_id, mode)
);
