-- 0012: candidates carry their birth date (YYYY-MM-DD), as the act of filing gives it. A seat due
-- with equal right to several lists goes, after the electoral figure and the votes of the candidates
-- at stake, to the list of the oldest candidate (act of 16 July 1993 art. 29quater; the Electoral
-- Code and the other electoral acts likewise): the count needs it. Null for lists loaded before.

alter table candidates add column birth_date text;

alter table candidates add constraint candidates_birth_date check (birth_date is null or birth_date ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$');
