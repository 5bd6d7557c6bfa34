-- 0029: another way to log in for Belgians abroad when CSAM is not available (issue #18). The
-- setup decides, per election day and per mode, whether a voter registered abroad may log in with a
-- passkey enrolled through their consular post; frozen with the setup. The post checks the voter's
-- identity and issues a single-use activation code (kept only as a keyed hash); with it the voter
-- creates a passkey (WebAuthn); each session records how the voter logged in.

-- {"hybrid":"csam","online":"csam-or-passkey","kiosk":"csam"}: per remote mode.
alter table election_day_settings
  add column mode_authentication jsonb not null default '{"hybrid":"csam","online":"csam","kiosk":"csam"}';

-- How the session was opened. A passkey session has no CSAM level: 0.
alter table sessions add column login_method text not null default 'csam' check (login_method in ('csam', 'passkey'));
alter table sessions drop constraint sessions_assurance_level_check;
alter table sessions add constraint sessions_assurance_level_check
  check ((login_method = 'csam' and assurance_level in (100, 200, 300, 400, 450, 500))
      or (login_method = 'passkey' and assurance_level = 0));

-- One activation code handed by a post to one voter registered there. Only its keyed hash is kept
-- (HMAC under the server secret's key for this purpose and day): a dump of the table gives no code.
create table passkey_activation_codes (
  id              bigint generated always as identity primary key,
  election_day_id text not null references election_days (id),
  post_code       text not null references consular_posts (code),
  nrn             text not null check (nrn ~ '^[0-9]{11}$'),
  code_hash       text not null unique check (code_hash ~ '^[0-9a-f]{64}$'),
  issued_by       text not null,
  issued_at       timestamptz not null,
  expires_at      timestamptz not null,
  used_at         timestamptz,
  -- replaced by a newer code, or withdrawn by the post
  revoked_at      timestamptz,
  check (expires_at > issued_at)
);

create index passkey_activation_codes_voter on passkey_activation_codes (election_day_id, nrn);

-- A voter's passkey: the WebAuthn credential's public key, never a secret.
create table passkey_credentials (
  id                 bigint generated always as identity primary key,
  credential_id      text not null unique check (credential_id ~ '^[A-Za-z0-9_-]+$' and char_length(credential_id) between 16 and 1400),
  election_day_id    text not null references election_days (id),
  post_code          text not null references consular_posts (code),
  nrn                text not null check (nrn ~ '^[0-9]{11}$'),
  -- the WebAuthn user handle (random), checked against the assertion's
  user_handle        text not null,
  public_key         text not null,
  sign_count         bigint not null default 0,
  transports         text[] not null default '{}',
  activation_code_id bigint not null references passkey_activation_codes (id),
  created_at         timestamptz not null,
  last_used_at       timestamptz,
  revoked_at         timestamptz,
  revoked_by         text
);

create index passkey_credentials_voter on passkey_credentials (election_day_id, nrn);
-- One live passkey per voter and day.
create unique index passkey_credentials_one_live on passkey_credentials (election_day_id, nrn) where revoked_at is null;

-- A WebAuthn ceremony in flight, bound to the browser by a cookie (sha256 of its token); taken once.
create table passkey_challenges (
  id                 text primary key check (id ~ '^[0-9a-f]{64}$'),
  purpose            text not null check (purpose in ('activation', 'login')),
  challenge          text not null,
  activation_code_id bigint references passkey_activation_codes (id),
  -- activation: the random WebAuthn user handle given to the new passkey
  user_handle        text,
  created_at         timestamptz not null,
  expires_at         timestamptz not null,
  consumed_at        timestamptz,
  check ((purpose = 'activation') = (activation_code_id is not null))
);

create index passkey_challenges_expiry on passkey_challenges (expires_at);
