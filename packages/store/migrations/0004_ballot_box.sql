-- 0004: the electronic ballot box of modes 7 (online) and 8 (kiosk): the election keys published
-- by the trustees' ceremony, the voting periods, and the ballots with their outer envelope (the
-- voter's identity, seen by Team A only) and their content (ciphertexts and proof, Team B only).
-- The server never holds a plaintext vote nor the election secret key.

create table election_keys (
  election_id  text primary key references elections (id),
  group_name   text not null,
  -- The election public key, the group element's canonical encoding in lower-case hex.
  public_key   text not null check (public_key ~ '^[0-9a-f]+$'),
  threshold    integer not null check (threshold >= 1),
  trustees     integer not null check (trustees >= threshold),
  -- Ciphertexts per ballot: the same for every ballot of the election (ballots indistinguishable by size).
  ballot_width integer not null check (ballot_width > 0),
  -- The ballot layout the width was computed from (largest constituency), as packages/crypto defines it.
  layout       jsonb not null,
  -- The published key ceremony (commitments, proofs, complaints) exactly as it enters the record.
  ceremony     jsonb not null,
  created_at   timestamptz not null default now()
);

create table voting_periods (
  election_id text not null references elections (id),
  mode        text not null check (mode in ('hybrid', 'online', 'kiosk')),
  opens_at    timestamptz not null,
  closes_at   timestamptz not null,
  -- X: how many ballots one voter may cast in this period (online: re-voting, last counts; kiosk: 1).
  max_ballots integer not null check (max_ballots >= 1),
  -- Closing is final: once closed_at is set it never changes (see the trigger below).
  closed_at   timestamptz,
  closed_by   text,
  primary key (election_id, mode),
  check (closes_at > opens_at),
  check ((closed_at is null) = (closed_by is null))
);

create function voting_period_close_is_final() returns trigger language plpgsql as $$
begin
  if old.closed_at is not null then
    raise exception 'voting period % % is closed for good', old.election_id, old.mode;
  end if;
  return new;
end;
$$;

create trigger voting_periods_final before update on voting_periods
  for each row execute function voting_period_close_is_final();

create table ballots (
  id                  uuid primary key,
  election_id         text not null references election_keys (election_id),
  constituency_code   text not null,
  mode                text not null check (mode in ('online', 'kiosk')),
  category            text not null check (category in ('belgium', 'abroad')),
  -- The outer envelope: whose ballot this is. Never leaves the Team A side.
  voter_nrn           text not null check (voter_nrn ~ '^[0-9]{11}$'),
  -- The voter's pseudonym in this election, bound into the ballot proof and published in the
  -- record instead of the NRN (keyed hash, see apps/server/src/voting/pseudonym.ts).
  voter_id            text not null check (voter_id ~ '^[0-9a-f]{32}$'),
  -- 1 for the voter's first ballot in this election, 2 for the next… (at most max_ballots).
  sequence            integer not null check (sequence >= 1),
  -- The content: ciphertexts (hex encodings, ballot_width pairs) and the proof of knowledge,
  -- both in packages/crypto's JSON form.
  ciphertexts         jsonb not null,
  proof               jsonb not null,
  -- SHA-256 of the ballot's canonical form: the voter's tracking code on the bulletin board.
  tracking_code       text not null unique check (tracking_code ~ '^[0-9a-f]{64}$'),
  -- The client's key for this submission: a retried request finds its ballot instead of adding one.
  idempotency_key     text not null,
  received_at         timestamptz not null,
  -- The server's signature over the receipt (tracking code, election, time).
  receipt_signature   text not null,
  status              text not null default 'received' check (status in ('received', 'superseded', 'cancelled', 'counted')),
  cancellation_reason text check (cancellation_reason in ('voted-at-polling-station', 'voted-twice', 'ineligible')),
  status_changed_at   timestamptz,
  unique (election_id, voter_nrn, sequence),
  unique (election_id, voter_nrn, idempotency_key),
  foreign key (election_id, constituency_code) references constituencies (election_id, code),
  check ((status = 'cancelled') = (cancellation_reason is not null))
);

-- A ciphertext is never accepted twice (a replayed or copied ballot): its first component a₁ = r·G
-- never repeats for honest encryptions.
create unique index ballots_first_component on ballots (election_id, (ciphertexts ->> 0));

-- At most one ballot of a voter counts at any time: the latest one still received or counted.
create unique index ballots_one_current on ballots (election_id, voter_nrn) where status in ('received', 'counted');
-- The groups of the count: constituency × mode × abroad/Belgium.
create index ballots_group on ballots (election_id, constituency_code, mode, category, status);

-- The server's own keys: the Ed25519 key that signs receipts (its public key is published at
-- /api/voting/receipt-key) and the secret of voter pseudonyms. Created once, at first use.
create table server_keys (
  purpose    text primary key check (purpose in ('receipt-signing', 'voter-pseudonym')),
  public_key text,
  secret     text not null,
  created_at timestamptz not null default now(),
  check ((purpose = 'receipt-signing') = (public_key is not null))
);
