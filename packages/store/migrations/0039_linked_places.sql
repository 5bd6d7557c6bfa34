-- A place offered only together with a choice in another election of the day (issue #11): the
-- Brussels members of the Flemish Parliament are elected only by the Brussels voters who do not vote
-- for a list of the French language group in the Brussels Parliament election (special act of
-- 12 January 1989 on the Brussels institutions, art. 14 al. 2). The reference table and the frozen
-- voter files carry the condition as "the voter's ballot of election `requires_election_id` is in
-- `requires_constituency`" (both null: no condition).
alter table commune_constituencies
  add column requires_election_id text,
  add column requires_constituency text,
  add constraint commune_constituencies_requires check ((requires_election_id is null) = (requires_constituency is null));

alter table frozen_voter_places
  add column requires_election_id text,
  add column requires_constituency text,
  add constraint frozen_voter_places_requires check ((requires_election_id is null) = (requires_constituency is null));

-- A later cast whose ballot of the linked election is in another group cancels the voter's ballot of
-- the conditioned election: reason `french-language-group`, and `cancelled_by` names the linked
-- election's ballot that caused it (the record publishes it as the evidence).
alter table ballots drop constraint ballots_cancellation_reason_check;
alter table ballots
  add constraint ballots_cancellation_reason_check
    check (cancellation_reason in ('voted-at-polling-station', 'voted-twice', 'ineligible', 'french-language-group')),
  add column cancelled_by uuid references ballots (id),
  add constraint ballots_cancelled_by check (cancelled_by is null or cancellation_reason = 'french-language-group');
