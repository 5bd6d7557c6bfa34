-- Hybrid envelopes (mode 6) as Team A of a constituency's main office receives them (issue #16): one
-- row per outer envelope scanned, with the time of receipt, who scanned it and the decision. An
-- accepted envelope's inner envelope goes into the box of its category (abroad / Belgium) under an
-- order number; a set-aside one carries the reason. The typed K-code is kept only as its keyed hash.
create table hybrid_envelopes (
  id                bigint generated always as identity primary key,
  election_day_id   text not null references election_days (id),
  -- The main office that received it (the Chamber constituency whose Team A scanned it).
  office            text not null check (office ~ '^[a-z0-9-]{1,64}$'),
  code_hash         text not null check (code_hash ~ '^[0-9a-f]{64}$'),
  -- The K-code it bears, when the code exists (null: unknown code).
  kcode_id          bigint references hybrid_kcodes (id),
  received_at       timestamptz not null,
  -- An audit actor (the official), never an NRN.
  received_by       text not null,
  outcome           text not null check (outcome in ('accepted', 'set-aside')),
  reason            text check (reason is null or reason in
                      ('kcode-unknown', 'kcode-voided', 'wrong-main-office', 'arrived-late',
                       'second-envelope', 'voted-at-polling-station')),
  box               text check (box is null or box in ('belgium', 'abroad')),
  box_order         integer check (box_order is null or box_order >= 1),
  check ((outcome = 'accepted') = (reason is null)),
  check ((outcome = 'accepted') = (box is not null and box_order is not null))
);

-- One order number per place in a box; one accepted envelope per K-code.
create unique index hybrid_envelopes_box_order on hybrid_envelopes (election_day_id, office, box, box_order)
  where outcome = 'accepted';
create unique index hybrid_envelopes_accepted_kcode on hybrid_envelopes (kcode_id) where outcome = 'accepted';
create index hybrid_envelopes_office on hybrid_envelopes (election_day_id, office, received_at);
