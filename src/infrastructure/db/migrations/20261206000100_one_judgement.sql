-- One on-time judgement (src/domain/dossier/timeliness.ts): a dossier supplemented twice is late in every
-- column, and a dossier waiting for a supplement requested before its due date is not overdue (its clock is
-- stopped). The statistics' contributions changed, so the rollups built with the old ones are recomputed:
-- a starting server (or `motcua stats rebuild`) rebuilds them once when this table holds a request. A database
-- whose statistics were never computed needs no rebuild.
create table stat_rebuild_requests (
  reason       text primary key,
  requested_at timestamptz not null default now()
);
insert into stat_rebuild_requests (reason)
select 'one on-time judgement' where exists (select 1 from stat_facts);
