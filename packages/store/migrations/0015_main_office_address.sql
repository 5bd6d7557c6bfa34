-- 0015: the postal address of each constituency's main office (bureau principal de circonscription),
-- where a hybrid voter (mode 6) posts the double envelope: printed on the outer-envelope label of the
-- print kit (apps/server/src/hybrid). One source: the constituency rows the setup loads (`mainOfficeAddress`
-- in isoloir-election/1); null until the setup names it (no kit can be printed for that constituency).
alter table constituencies add column main_office_address text
  check (main_office_address is null or length(main_office_address) between 5 and 300);
