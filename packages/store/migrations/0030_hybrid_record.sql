-- Hybrid envelopes in the public election record (issue #16), and the order numbers of the boxes
-- taken without holding a lock until the reception commits.
--
-- public_hash: the K-code's public hash, SHA-256 over a domain tag, the election day and the compact
-- code (PROTOCOL.md §8, `hybrid-receipt-log`), computed at reception from the code scanned. A voter
-- who kept their code recomputes it and finds their envelope in the record; 85 random bits make it
-- impossible to recover a code from its hash. The keyed hash (code_hash) stays the lookup key.
-- Envelopes received before this migration have no public hash (the code itself was never stored,
-- only its keyed hash): their rows stay null and the record lists them with `kcodeHash: null`.
alter table hybrid_envelopes add column public_hash text
  check (public_hash is null or public_hash ~ '^[0-9a-f]{64}$');

-- The last order number handed out per box (day × main office × Belgium/abroad). A reception takes
-- its number here in a short transaction of its own, committed before the reception's, so the
-- box's receptions no longer commit one after the other (apps/server/src/hybrid/box-order.ts).
-- A number is never handed out twice; a reception that fails after taking one leaves a gap.
create table hybrid_box_counters (
  election_day_id  text not null references election_days (id),
  office           text not null check (office ~ '^[a-z0-9-]{1,64}$'),
  box              text not null check (box in ('belgium', 'abroad')),
  last             integer not null check (last >= 0),
  primary key (election_day_id, office, box)
);

insert into hybrid_box_counters (election_day_id, office, box, last)
  select election_day_id, office, box, max(box_order)
  from hybrid_envelopes
  where outcome = 'accepted'
  group by election_day_id, office, box;
