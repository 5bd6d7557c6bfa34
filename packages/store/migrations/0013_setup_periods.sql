-- 0013: one source for the voting periods. The periods of modes 7 (online) and 8 (kiosk) are the
-- election-day setup's (election_day_settings.mode_periods, printed on the letters), and X, the
-- online re-vote limit, is the setup's too (online_revote_limit: X re-votes, X + 1 ballots). The
-- separate per-election period (opens_at, closes_at, max_ballots) goes; voting_periods keeps only
-- the PO's acts on each election and mode: the opening (the box accepts ballots from the setup's
-- opening on, once opened) and the final closing.

alter table voting_periods add column opened_at timestamptz, add column opened_by text;

-- A period scheduled or opened before this migration counts as opened by the PO at its start.
update voting_periods set opened_at = opens_at, opened_by = 'migration:0013' where closed_at is null or closed_at > opens_at;

alter table voting_periods drop column opens_at, drop column closes_at, drop column max_ballots;

alter table voting_periods add constraint voting_periods_opened_by check ((opened_at is null) = (opened_by is null));
