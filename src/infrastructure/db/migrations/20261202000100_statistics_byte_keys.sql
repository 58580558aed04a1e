-- The rollups' grain compares byte-wise like the rest of their keys. With the database's collation (say
-- C.UTF-8) every comparison of the one-letter grain went through the C library's collation, which made
-- sorting and indexing the rollups of a rebuild several times slower.
alter table stat_rollups alter column grain type char(1) collate "C";
alter table stat_procedure_rollups alter column grain type char(1) collate "C";
