-- 0006: the audit log as 64 independent hash chains ("shards") instead of one. With one chain,
-- the row lock on its single head serialised every command of the whole system, from its audit
-- entry to its commit. Now a writer takes any head no other transaction holds (FOR UPDATE SKIP
-- LOCKED), so up to 64 commands commit side by side, and each chain stays gap-free, hash-linked
-- and tamper-evident on its own. Chain k starts from its own genesis hash (64 zeros for shard 0,
-- so the existing chain continues unchanged as shard 0; SHA-256 of "isoloir/audit/genesis/k"
-- for the others), which binds every entry to its shard. `seq` stays the global identifier and
-- reading order (from a sequence: unique and increasing, with gaps where a transaction rolled
-- back); `shard_seq` is the position in the entry's chain and is what the hash covers.

create sequence audit_log_seq owned by audit_log.seq;
select setval('audit_log_seq', coalesce((select max(seq) from audit_log), 0) + 1, false);
alter table audit_log alter column seq set default nextval('audit_log_seq');

alter table audit_log add column shard smallint not null default 0 check (shard between 0 and 63);
alter table audit_log add column shard_seq bigint;
-- The existing entries are shard 0's chain, positions 1…n: numbering them is the only change to
-- old rows, done with the append-only trigger switched off inside this transaction.
alter table audit_log disable trigger audit_log_no_update;
update audit_log set shard_seq = seq;
alter table audit_log enable trigger audit_log_no_update;
alter table audit_log alter column shard drop default;
alter table audit_log alter column shard_seq set not null;
alter table audit_log add constraint audit_log_shard_seq_positive check (shard_seq > 0);
alter table audit_log add constraint audit_log_shard_position unique (shard, shard_seq);
-- Reading in time order across shards.
create index audit_log_at on audit_log (at, seq);

-- One head per chain: its tip (position and hash). Its row lock orders the chain's writers.
-- Every command updates one of these 64 rows: pages mostly empty, so each update stays on its page
-- (a HOT update, no index entry) until pruning reclaims the old versions.
create table audit_shards (
  shard smallint primary key check (shard between 0 and 63),
  seq   bigint not null check (seq >= 0),
  hash  text not null check (hash ~ '^[0-9a-f]{64}$')
) with (fillfactor = 10);

insert into audit_shards (shard, seq, hash) select 0, seq, hash from audit_head;
insert into audit_shards (shard, seq, hash)
  select s, 0, encode(sha256(convert_to('isoloir/audit/genesis/' || s, 'UTF8')), 'hex') from generate_series(1, 63) as s;

drop table audit_head;
