-- 0022: the audit log anchored outside the database (issue #19). A checkpoint is the state of every
-- audit chain at one moment (per chain: last position, its hash, and a running hash of the global
-- `seq` numbers of its entries), hashed, chained to the checkpoint before it and signed with the
-- server's receipt key (label isoloir/v1/audit-heads-signature). The server publishes one at start,
-- at a fixed interval and after each phase change (apps/server/src/audit); anybody downloads them
-- (GET /api/audit/heads, the export bundle) and `isoloir audit verify --heads FILE` checks the
-- database against them: a chain rewritten, truncated or renumbered after publication is caught.
-- The hash, numbering and file format: packages/store/README.md, "Anchored audit heads".

create table audit_checkpoints (
  seq          integer primary key check (seq >= 0),
  -- 'start' | 'periodic' | 'phase' | 'manual'; for 'phase', `phases` lists the audit actions.
  reason       text not null check (reason in ('start', 'periodic', 'phase', 'manual')),
  phases       jsonb not null,
  published_at timestamptz not null,
  -- hash of checkpoint seq − 1; '' for the first.
  previous     text not null check (previous ~ '^([0-9a-f]{64})?$'),
  -- [{ shard, position, hash, numbering }] for every chain with at least one entry, by shard.
  shards       jsonb not null,
  hash         text not null unique check (hash ~ '^[0-9a-f]{64}$'),
  key_id       text not null,
  signature    text not null check (signature ~ '^[0-9a-f]{128}$'),
  check ((seq = 0) = (previous = ''))
);

create function audit_checkpoints_append_only() returns trigger language plpgsql as $$
begin
  raise exception 'audit checkpoint % is published: it never changes', old.seq;
end;
$$;

create trigger audit_checkpoints_immutable before update or delete on audit_checkpoints
  for each row execute function audit_checkpoints_append_only();

-- The phase changes that publish a checkpoint (apps/server/src/audit/phases.ts holds the same list):
-- found among the entries after the last checkpoint without reading the others.
create index audit_log_phases on audit_log (shard, shard_seq)
  where action in ('preparation.frozen', 'voting.period.opened', 'voting.period.closed',
                   'counting.identities.split', 'counting.constituency.results', 'counting.pv.final');
