-- 0011: the anchored bulletin board (packages/crypto/src/board, PROTOCOL.md §9). The board publishes
-- a hash chain of heads per election: an opening head before any ballot (with the election key's
-- fingerprint), periodic heads during voting and one closing head, each signed with the server's
-- receipt key. A head covers the tracking codes first accepted since the previous head; a receipt
-- names the latest head at casting, so the voter's device can check its ballot is in a later one.

create table board_heads (
  election_id     text not null references election_keys (election_id),
  seq             integer not null check (seq >= 0),
  kind            text not null check (kind in ('opening', 'periodic', 'closing')),
  -- hash of head seq − 1; '' for the opening head.
  previous        text not null check (previous ~ '^([0-9a-f]{128})?$'),
  published_at    timestamptz not null,
  key_fingerprint text not null check (key_fingerprint ~ '^[0-9a-f]{32}$'),
  -- Ballots covered by this head and every earlier one; batch: those first covered by this one.
  total           integer not null check (total >= 0),
  batch           integer not null check (batch >= 0 and batch <= total),
  hash            text not null unique check (hash ~ '^[0-9a-f]{128}$'),
  key_id          text not null,
  signature       text not null check (signature ~ '^[0-9a-f]{128}$'),
  primary key (election_id, seq),
  check ((seq = 0) = (kind = 'opening')),
  check ((seq = 0) = (previous = ''))
);

-- One closing head per election, and the chain is append-only.
create unique index board_heads_one_closing on board_heads (election_id) where kind = 'closing';

create function board_heads_append_only() returns trigger language plpgsql as $$
begin
  raise exception 'board head % % is published: it never changes', old.election_id, old.seq;
end;
$$;

create trigger board_heads_immutable before update or delete on board_heads
  for each row execute function board_heads_append_only();

-- board_seq: the head whose batch holds the ballot (null until one covers it);
-- receipt_head_seq: the head named in the ballot's receipt (null when none was published yet).
alter table ballots add column board_seq integer;
alter table ballots add column receipt_head_seq integer;
-- Deferred: a head's batch is marked in the same transaction, just before the head is inserted.
alter table ballots add constraint ballots_board_head foreign key (election_id, board_seq) references board_heads (election_id, seq) deferrable initially deferred;
alter table ballots add constraint ballots_receipt_head foreign key (election_id, receipt_head_seq) references board_heads (election_id, seq) deferrable initially deferred;
create index ballots_not_on_board on ballots (election_id) where board_seq is null;
create index ballots_by_board_seq on ballots (election_id, board_seq) where board_seq is not null;
