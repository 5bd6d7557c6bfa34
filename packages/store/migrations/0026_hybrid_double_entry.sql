-- Team B's double data entry of hybrid paper ballots (issue #16): per box (election × main office ×
-- Belgium/abroad), two entries by two different Team B members, each ballot as the paper shows it
-- (marks and paper state, packages/electoral's MarkedBallot, as JSON), then the president's decisions
-- where the entries differ. No identity anywhere: the inner envelopes were opened away from them.
create table hybrid_entry_boxes (
  election_id     text not null references elections (id),
  office          text not null check (office ~ '^[a-z0-9-]{1,64}$'),
  box             text not null check (box in ('belgium', 'abroad')),
  first_by        text,
  first_finished  timestamptz,
  second_by       text,
  second_finished timestamptz,
  primary key (election_id, office, box),
  check (second_by is null or first_by is not null),
  check (second_by is null or second_by <> first_by)
);

create table hybrid_entry_ballots (
  election_id text not null,
  office      text not null,
  box         text not null,
  entry       smallint not null check (entry in (1, 2)),
  position    integer not null check (position >= 0),
  ballot      jsonb not null,
  primary key (election_id, office, box, entry, position),
  foreign key (election_id, office, box) references hybrid_entry_boxes (election_id, office, box)
);

create table hybrid_entry_decisions (
  election_id text not null,
  office      text not null,
  box         text not null,
  position    integer not null check (position >= 0),
  -- null: the president found no ballot at that position (one entry had a ballot too many).
  ballot      jsonb,
  decided_by  text not null,
  decided_at  timestamptz not null,
  primary key (election_id, office, box, position),
  foreign key (election_id, office, box) references hybrid_entry_boxes (election_id, office, box)
);
