-- 0002: identity and access. Officials and the roles the organising authority gives them, login
-- attempts in flight (state, nonce, PKCE verifier of the OpenID Connect flow), server-side
-- sessions, and each election day's minimum assurance level (CSAM/FAS LevelNNN).

alter table election_days
  add column minimum_assurance_level integer not null default 450
  check (minimum_assurance_level in (100, 200, 300, 400, 450, 500));

create table officials (
  id         text primary key check (id ~ '^[a-z0-9-]{1,64}$'),
  nrn        text not null unique check (nrn ~ '^[0-9]{11}$'),
  given_name text not null,
  surname    text not null,
  created_at timestamptz not null default now()
);

-- One row per role held. Revoking deletes the row; the audit log keeps the history.
create table role_assignments (
  id          text primary key check (id ~ '^[a-z0-9-]{1,64}$'),
  official_id text not null references officials (id),
  role        text not null check (role in ('po-admin', 'commune-official', 'consular-official', 'team-a', 'team-b', 'trustee', 'kiosk-operator', 'observer')),
  -- commune-official: a commune NIS code; consular-official and kiosk-operator: a consular post;
  -- team-a and team-b: a constituency code; the others hold no scope.
  scope       text,
  granted_by  text not null,
  granted_at  timestamptz not null default now(),
  check ((role in ('po-admin', 'trustee', 'observer')) = (scope is null)),
  check (role <> 'commune-official' or scope ~ '^[0-9]{5}$'),
  check (role not in ('consular-official', 'kiosk-operator', 'team-a', 'team-b') or scope ~ '^[a-z0-9-]{1,64}$')
);

create unique index role_assignments_once on role_assignments (official_id, role, coalesce(scope, ''));
-- The four-eyes rule of the counting office: nobody is both Team A and Team B of one constituency.
create unique index role_assignments_one_team on role_assignments (official_id, scope) where role in ('team-a', 'team-b');

create table login_attempts (
  id            text primary key check (id ~ '^[0-9a-f]{64}$'), -- sha256 of the browser's cookie
  state         text not null,
  nonce         text not null,
  code_verifier text not null,
  audience      text not null check (audience in ('voter', 'official')),
  created_at    timestamptz not null,
  expires_at    timestamptz not null,
  consumed_at   timestamptz
);

create index login_attempts_expiry on login_attempts (expires_at);

create table sessions (
  id              text primary key check (id ~ '^[0-9a-f]{64}$'), -- sha256 of the session cookie
  kind            text not null check (kind in ('voter', 'official')),
  election_day_id text,
  voter_nrn       text,
  official_id     text references officials (id) on delete cascade,
  assurance_level integer not null check (assurance_level in (100, 200, 300, 400, 450, 500)),
  csrf_token      text not null,
  id_token        text,
  created_at      timestamptz not null,
  last_seen_at    timestamptz not null,
  expires_at      timestamptz not null,
  check ((kind = 'voter') = (voter_nrn is not null and election_day_id is not null)),
  check ((kind = 'official') = (official_id is not null)),
  foreign key (election_day_id, voter_nrn) references voters (election_day_id, nrn) on delete cascade
);

create index sessions_expiry on sessions (expires_at);
