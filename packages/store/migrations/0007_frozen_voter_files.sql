-- 0007: the frozen per-mode voter files, row by row. Written once, by the freeze (the opening of the
-- voting period), in the transaction that freezes the consolidation; read by login and by
-- eligibility at the ballot box and the portal. Nothing updates or deletes them afterwards: a change
-- to the consolidated file after the freeze cannot change who may vote, where, or in which mode.

-- One row per voter and per-mode file they are in (6 hybrid, 7 online, 8 kiosk).
create table frozen_voters (
  election_day_id  text not null references election_days (id),
  consolidation_id bigint not null references consolidations (id),
  nrn              text not null check (nrn ~ '^[0-9]{11}$'),
  mode             smallint not null check (mode between 6 and 8),
  category         text not null check (category in ('belgium', 'abroad')),
  commune_nis      text not null,
  post_code        text,
  kiosk_post       text,
  -- abroad: the country of residence on the consular registration (the EP rule depends on it); BE in Belgium
  country          text not null check (country ~ '^[A-Z]{2}$'),
  language         text not null check (language in ('fr', 'nl', 'de')),
  birth_date       date not null,
  primary key (election_day_id, nrn, mode)
);

-- The elections each frozen voter may vote in, in that mode: the constituency (or college) codes the
-- law offers them. One code when there is no choice; several where the voter chooses in the booth
-- (European Parliament college in Brussels-Capital and the periphery, Brussels Parliament language
-- group). A voter too young for an election, or abroad for a regional parliament, has no row.
create table frozen_voter_places (
  election_day_id text not null,
  nrn             text not null,
  mode            smallint not null,
  election_id     text not null references elections (id),
  choices         text[] not null check (cardinality(choices) >= 1),
  primary key (election_day_id, nrn, mode, election_id),
  foreign key (election_day_id, nrn, mode) references frozen_voters (election_day_id, nrn, mode)
);

create function frozen_voter_files_are_final() returns trigger language plpgsql as $$
begin
  raise exception 'the frozen voter files are final (%)', tg_table_name using errcode = 'P0001';
end $$;

create trigger frozen_voters_final before update or delete on frozen_voters
  for each row execute function frozen_voter_files_are_final();
create trigger frozen_voter_places_final before update or delete on frozen_voter_places
  for each row execute function frozen_voter_files_are_final();

-- A voter's session no longer points into the demo's `voters` table (which is only the demo
-- pipeline's input now): who may log in is decided from the voter files (apps/server/src/auth/login-service.ts).
alter table sessions drop constraint sessions_election_day_id_voter_nrn_fkey;
