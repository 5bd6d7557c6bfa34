-- 0023: separation of duties (issue #19).
--
-- A role grant by one PO administrator takes effect only when a SECOND PO administrator confirms
-- it: the first one's request waits in role_grant_requests (pending), the second confirms (the role
-- assignment is written then, naming both) or rejects it. Nobody requests or confirms a role for
-- themselves (checked by the server, apps/server/src/auth/grants.ts).
--
-- Team A and Team B of one constituency are never the same person for a whole election day, not
-- only at the same time: team_memberships keeps, per election day, every official who ever held
-- Team A or Team B of a constituency (written when the role takes effect, never deleted when it is
-- revoked), so that someone who held one cannot be given the other that day.

create table role_grant_requests (
  id           text primary key check (id ~ '^[a-z0-9-]{1,64}$'),
  official_id  text not null references officials (id),
  role         text not null check (role in ('po-admin', 'commune-official', 'consular-official', 'team-a', 'team-b', 'trustee', 'kiosk-operator', 'observer', 'president')),
  scope        text,
  -- The audit actor of the administrator who asked (official:<id>).
  requested_by text not null,
  requested_at timestamptz not null default now(),
  state        text not null default 'pending' check (state in ('pending', 'confirmed', 'rejected')),
  decided_by   text,
  decided_at   timestamptz,
  -- The role assignment a confirmation wrote.
  assignment_id text,
  check ((state = 'pending') = (decided_by is null)),
  check ((state = 'confirmed') = (assignment_id is not null))
);

-- At most one pending request for the same role and scope of one official.
create unique index role_grant_requests_pending on role_grant_requests (official_id, role, coalesce(scope, ''))
  where state = 'pending';

-- Who confirmed an assignment (null for the two first administrators of a database, bootstrapped).
alter table role_assignments add column confirmed_by text;

create table team_memberships (
  -- An election day's id, or '*' when no election day had the constituency at the time.
  election_day_id   text not null,
  official_id       text not null references officials (id),
  team              text not null check (team in ('team-a', 'team-b')),
  constituency_code text not null,
  first_held_at     timestamptz not null default now(),
  primary key (election_day_id, official_id, team, constituency_code)
);
