-- 0034: an audited ballot checked on a second device (issue #14). An audited ballot is never cast;
-- the booth encrypts its audit data (AES-256-GCM) under a random key that stays in the fragment of
-- the link it shows as a QR code (browsers never send a fragment): the server keeps an opaque blob
-- for 24 hours under an unguessable id, and cannot read the choice in it.
create table audit_handovers (
  -- 128 random bits, base64url.
  id          text primary key check (id ~ '^[A-Za-z0-9_-]{22}$'),
  election_id text not null references elections (id),
  -- The voter's keyed pseudonym of the day (`voterActor`), never a national number: caps the live
  -- handovers of one voter.
  actor       text not null,
  -- 12-byte IV, ciphertext, 16-byte tag.
  blob        bytea not null check (octet_length(blob) between 29 and 262144),
  created_at  timestamptz not null,
  expires_at  timestamptz not null check (expires_at > created_at)
);
create index audit_handovers_actor on audit_handovers (actor, expires_at);
create index audit_handovers_expiry on audit_handovers (expires_at);
