-- 0016: the K-codes of hybrid voting (mode 6), apps/server/src/hybrid/README.md. One row per code
-- issued: bound to one voter of the frozen mode-6 file and one election day, stored only as a keyed
-- hash (HMAC-SHA256 under the day's key of the server secret kept outside the database; the code
-- itself is printed on the voter's kit and never stored). A reprint voids the voter's live code and
-- issues a new one, in one transaction with an audit entry for each.
--
-- State (a pure state machine, apps/server/src/hybrid/kcode-state.ts):
--   issued → voided (a reprint; Team A refuses an envelope carrying a voided code)
--   issued → received (the main office registers the envelope: issue #16)
--   issued | received → cancelled (with its reason, e.g. arrived late, voted at a polling station)
--   received → counted (the inner envelope went to the count)
create table hybrid_kcodes (
  id                  bigint generated always as identity primary key,
  election_day_id     text not null,
  nrn                 text not null,
  mode                smallint not null default 6 check (mode = 6),
  code_hash           text not null unique check (code_hash ~ '^[0-9a-f]{64}$'),
  state               text not null default 'issued'
                        check (state in ('issued', 'voided', 'received', 'cancelled', 'counted')),
  cancellation_reason text check (cancellation_reason is null or cancellation_reason ~ '^[a-z0-9-]{1,64}$'),
  issued_at           timestamptz not null,
  state_changed_at    timestamptz not null,
  -- Who made the last change (an audit actor: the voter's pseudonym, an official), never an NRN.
  state_changed_by    text not null,
  -- Only a voter of the frozen mode-6 file of that day can hold a K-code.
  foreign key (election_day_id, nrn, mode) references frozen_voters (election_day_id, nrn, mode),
  check ((state = 'cancelled') = (cancellation_reason is not null)),
  check (state_changed_at >= issued_at)
);

-- At most one code per voter and day is not voided: the one on the envelope that counts.
create unique index hybrid_kcodes_live on hybrid_kcodes (election_day_id, nrn) where state <> 'voided';
