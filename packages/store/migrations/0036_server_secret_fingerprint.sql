-- Several API nodes on one database (deploy/README.md) must key voter pseudonyms and K-codes with
-- one server secret (ISOLOIR_SECRET_FILE): the first start records the fingerprint of its secret
-- (a one-way HKDF of it, never the secret), and a node started with another secret is refused.
create table server_secret_fingerprint (
  singleton   boolean primary key default true check (singleton),
  fingerprint text not null,
  recorded_at timestamptz not null default now()
);
