-- 0031: mode 8, kiosks at the consular posts (issue #17; apps/server/src/kiosk). A post's kiosk
-- operator asks a single-use enrolment code; the kiosk's browser presents it with the public key of
-- an ECDSA P-256 key it generated (WebCrypto, not extractable) and the server binds that key to the
-- post. A voter's visit to a kiosk (logged in through CSAM) is a random token the kiosk keeps until
-- its ballots are acknowledged, so a ballot sealed while the network was down can be forwarded after
-- the voter left. Each kiosk ballot keeps the kiosk's signature. Only hashes of codes and tokens.

create table kiosk_enrolment_codes (
  id         bigint generated always as identity primary key,
  post_code  text not null references consular_posts (code),
  code_hash  text not null unique check (code_hash ~ '^[0-9a-f]{64}$'),
  issued_by  text not null,
  issued_at  timestamptz not null,
  expires_at timestamptz not null,
  used_at    timestamptz,
  check (expires_at > issued_at)
);

create table kiosks (
  id           text primary key check (id ~ '^[0-9a-f]{32}$'),
  post_code    text not null references consular_posts (code),
  -- SPKI (DER, base64url) of the kiosk's ECDSA P-256 public key
  public_key   text not null unique check (char_length(public_key) between 80 and 200),
  label        text not null check (char_length(label) between 1 and 80),
  code_id      bigint not null unique references kiosk_enrolment_codes (id),
  enrolled_at  timestamptz not null,
  revoked_at   timestamptz,
  revoked_by   text,
  -- the kiosk's last heartbeat and the sealed ballots it said it was holding then
  last_seen_at timestamptz,
  queued       integer not null default 0 check (queued >= 0)
);

create index kiosks_post on kiosks (post_code);

create table kiosk_visits (
  token_hash      text primary key check (token_hash ~ '^[0-9a-f]{64}$'),
  kiosk_id        text not null references kiosks (id),
  election_day_id text not null references election_days (id),
  nrn             text not null check (nrn ~ '^[0-9]{11}$'),
  created_at      timestamptz not null,
  expires_at      timestamptz not null,
  check (expires_at > created_at)
);

create index kiosk_visits_voter on kiosk_visits (election_day_id, nrn);

create table kiosk_ballots (
  ballot_id   uuid primary key references ballots (id),
  kiosk_id    text not null references kiosks (id),
  visit_hash  text not null references kiosk_visits (token_hash),
  -- ECDSA P-256 / SHA-256, IEEE P1363 (r || s), base64url, over the message of packages/crypto kiosk-message.ts
  signature   text not null,
  received_at timestamptz not null
);
