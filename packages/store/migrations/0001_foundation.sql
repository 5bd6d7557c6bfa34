-- 0001: the foundation. Election model of the demo and of every later election, voters, and the
-- hash-chained audit log. Labels in several languages are JSON objects {"fr":…,"nl":…,"de":…,"en":…}.

create table election_days (
  id          text primary key,
  label       jsonb not null,
  voting_date date not null,
  created_at  timestamptz not null default now()
);

create table elections (
  id                text primary key,
  election_day_id   text not null references election_days (id),
  kind              text not null check (kind in ('chamber', 'european', 'regional', 'communal')),
  label             jsonb not null,
  seat_method       text not null check (seat_method in ('dhondt', 'imperiali')),
  threshold_percent integer not null check (threshold_percent between 0 and 100),
  minimum_age       integer not null check (minimum_age between 16 and 18),
  created_at        timestamptz not null default now()
);

create table constituencies (
  election_id text not null references elections (id),
  code        text not null check (code ~ '^[a-z0-9-]+$'),
  label       jsonb not null,
  seats       integer not null check (seats > 0),
  languages   text[] not null check (languages <@ array['fr', 'nl', 'de']::text[] and cardinality(languages) > 0),
  primary key (election_id, code)
);

create table party_lists (
  election_id       text not null,
  constituency_code text not null,
  list_number       integer not null check (list_number > 0),
  label             text not null,
  primary key (election_id, constituency_code, list_number),
  foreign key (election_id, constituency_code) references constituencies (election_id, code)
);

create table candidates (
  election_id       text not null,
  constituency_code text not null,
  list_number       integer not null,
  kind              text not null check (kind in ('effective', 'substitute')),
  position          integer not null check (position > 0),
  given_name        text not null,
  surname           text not null,
  gender            text not null check (gender in ('F', 'M', 'X')),
  primary key (election_id, constituency_code, list_number, kind, position),
  foreign key (election_id, constituency_code, list_number)
    references party_lists (election_id, constituency_code, list_number)
);

create table voters (
  election_day_id   text not null references election_days (id),
  nrn               text not null check (nrn ~ '^[0-9]{11}$'),
  given_name        text not null,
  surname           text not null,
  birth_date        date not null,
  sex               text not null check (sex in ('F', 'M')),
  language          text not null check (language in ('fr', 'nl', 'de')),
  category          text not null check (category in ('belgium', 'abroad')),
  commune_nis       text not null check (commune_nis ~ '^[0-9]{5}$'),
  country           text not null check (country ~ '^[A-Z]{2}$'),
  constituency_code text not null,
  primary key (election_day_id, nrn)
);

create index voters_constituency on voters (election_day_id, constituency_code);

-- The audit log: append-only, each entry's hash covers the previous entry's hash.
-- audit_head serialises writers (its row lock) and holds the chain's tip.
create table audit_log (
  seq       bigint primary key check (seq > 0),
  at        text not null,
  actor     text not null,
  action    text not null,
  subject   text not null,
  details   jsonb not null,
  prev_hash text not null check (prev_hash ~ '^[0-9a-f]{64}$'),
  hash      text not null unique check (hash ~ '^[0-9a-f]{64}$')
);

create table audit_head (
  id   integer primary key check (id = 1),
  seq  bigint not null,
  hash text not null
);

insert into audit_head (id, seq, hash) values (1, 0, repeat('0', 64));

create function audit_log_is_append_only() returns trigger language plpgsql as $$
begin
  raise exception 'audit_log is append-only';
end;
$$;

create trigger audit_log_no_update before update or delete on audit_log
  for each row execute function audit_log_is_append_only();
