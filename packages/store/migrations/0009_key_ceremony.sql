-- 0009: the trustees' key ceremony with the server as a bulletin board, and trustee identity.
-- The server stores only what every trustee publishes (signed): registrations with a signing key
-- (Ed25519) and an encryption key (X25519), dealings (Feldman commitments, proof of knowledge,
-- shares encrypted to each recipient), complaints, answers and verification keys. No table holds
-- a key share in clear: each trustee keeps theirs on their own machine under a passphrase.

-- Opened by the PO (organising authority): n trustees, threshold t.
create table key_ceremonies (
  election_id        text primary key references elections (id),
  group_name         text not null,
  threshold          integer not null check (threshold >= 1),
  trustees           integer not null check (trustees >= threshold and trustees <= 100),
  opened_by          text not null,
  opened_at          timestamptz not null default now(),
  -- Set by the PO when the answering time is over: complaints not answered are then upheld.
  answers_closed_at  timestamptz
);

-- One trustee number per official and per election, bound to the keys they registered.
create table ceremony_trustees (
  election_id     text not null references key_ceremonies (election_id),
  trustee         integer not null check (trustee >= 1),
  official_id     text not null references officials (id),
  signing_key     text not null check (signing_key ~ '^[0-9a-f]{64}$'),
  encryption_key  text not null check (encryption_key ~ '^[0-9a-f]{64}$'),
  -- Ed25519 signature of the registration by the signing key itself (proof of possession).
  signature       text not null check (signature ~ '^[0-9a-f]{128}$'),
  registered_at   timestamptz not null default now(),
  primary key (election_id, trustee),
  unique (election_id, official_id),
  unique (election_id, signing_key)
);

-- The bulletin board: every post signed by its trustee's registered signing key, in order.
create table ceremony_posts (
  election_id  text not null,
  seq          integer not null check (seq >= 1),
  trustee      integer not null,
  kind         text not null check (kind in ('dealing', 'checked', 'answer', 'verification-key')),
  payload      jsonb not null,
  signature    text not null check (signature ~ '^[0-9a-f]{128}$'),
  posted_at    timestamptz not null default now(),
  primary key (election_id, seq),
  unique (election_id, trustee, kind),
  foreign key (election_id, trustee) references ceremony_trustees (election_id, trustee)
);

-- Shuffles and partial decryptions signed by the uploading trustee's registered key.
alter table counting_shuffles add column signature text check (signature ~ '^[0-9a-f]{128}$');
alter table counting_partials add column signature text check (signature ~ '^[0-9a-f]{128}$');
