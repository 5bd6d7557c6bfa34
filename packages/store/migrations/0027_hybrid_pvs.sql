-- The hybrid PV (mode 6, issue #16): one per election × constituency × abroad/Belgium, kept with the
-- electronic PVs in `counting_pvs` so that it has the same approvals (two Team B members) and reaches
-- the export bundle the same way. The envelope's category (the voter's, known when the K-code is)
-- is kept on each envelope so that the PV's reception figures are read per box in one query.
alter table counting_pvs drop constraint counting_pvs_mode_check;
alter table counting_pvs add constraint counting_pvs_mode_check check (mode in ('online', 'kiosk', 'hybrid'));

alter table hybrid_envelopes add column category text check (category is null or category in ('belgium', 'abroad'));
create index hybrid_envelopes_office_category on hybrid_envelopes (election_day_id, office, category);
