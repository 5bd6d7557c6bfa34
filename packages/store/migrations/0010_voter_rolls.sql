-- 0010: the commitment to each election's per-mode voter roll, published before voting opens and
-- carried in the election record (format isoloir-record/2). One row per segment
-- constituency × mode × abroad/Belgium: the sorted keyed pseudonyms of its voters (never a national
-- register number) and their Merkle root. Written once; never updated.
create table voter_rolls (
  election_id       text not null references elections (id),
  constituency_code text not null,
  mode              text not null check (mode in ('online', 'kiosk')),
  category          text not null check (category in ('belgium', 'abroad')),
  voters            integer not null check (voters >= 0),
  root              text not null check (root ~ '^[0-9a-f]{128}$'),
  ids               jsonb not null,
  published_at      timestamptz not null default now(),
  primary key (election_id, constituency_code, mode, category)
);
