-- The reconciliation of a hybrid box (issue #16): the inner envelopes Team A accepted (less those a
-- later polling-station list cancelled) against the ballots Team B encoded. A difference must be
-- explained before the box's PV can be approved: the explanation is recorded here (one per box; a new
-- one replaces it, audited) and printed in the PV's observations.
create table hybrid_box_explanations (
  election_id  text not null references elections (id),
  office       text not null check (office ~ '^[a-z0-9-]{1,64}$'),
  box          text not null check (box in ('belgium', 'abroad')),
  -- The difference the explanation was written for (encoded − expected): a later change needs a new one.
  difference   integer not null check (difference <> 0),
  text         text not null check (length(text) between 1 and 2000),
  author       text not null check (length(author) between 1 and 200),
  recorded_by  text not null,
  recorded_at  timestamptz not null,
  primary key (election_id, office, box)
);
