-- 0014: rate-limit counters shared by every API node (apps/server/src/rate-limit): one row per
-- bucket (route and caller: an address, or a session) and fixed window. A row is bounded (one
-- counter) and expires with its window; expired rows are purged as new ones come.
create table rate_limits (
  bucket text primary key,
  hits integer not null check (hits > 0),
  resets_at timestamptz not null
);

create index rate_limits_resets_at on rate_limits (resets_at);
