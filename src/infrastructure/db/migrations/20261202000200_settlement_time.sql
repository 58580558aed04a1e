-- Indicator 2.2, the average settlement time per procedure (src/domain/scorecard/settlement-time.ts): each
-- dossier finished with a result keeps its settlement time, in working minutes and in calendar minutes, as
-- projection columns written with its other columns in each action's transaction.
alter table dossiers add column settlement_working_minutes integer check (settlement_working_minutes >= 0);
alter table dossiers add column settlement_minutes integer check (settlement_minutes >= 0);

-- Working minutes need the working calendar, which SQL does not have, and the calendar time spent waiting
-- for supplements was not kept in the states: the dossiers already finished, and those supplemented (whose
-- states lack that time for when they finish), are refolded from their actions by the application, which
-- drains this table when it starts (src/application/scorecard/settlement-times.ts) and queues each dossier
-- for the statistics.
create table settlement_time_backfill (
  dossier_id uuid primary key
);
insert into settlement_time_backfill (dossier_id)
select id from dossiers
where status in ('resultReady', 'returned') or coalesce((state ->> 'supplementRequests')::int, 0) > 0;

-- The statistics read the two times with the other facts (new columns at the end of the view).
create or replace view dossier_stat_source as
with versions as materialized (
  select id,
    coalesce((record ->> 'fullOnlineEligible')::boolean, false) as full_online_eligible,
    coalesce((record ->> 'paperResultRequired')::boolean, false) as paper_result_required
  from procedure_versions
)
select
  d.id as dossier_id,
  d.unit_code,
  d.procedure_code,
  d.channel,
  d.location_independent,
  d.status,
  d.accepted_at,
  d.finished_at,
  d.due_at,
  d.extensions,
  d.repeated_supplement,
  d.paused_since,
  d.approved,
  d.result_file,
  d.fee_due,
  d.fee_paid_online,
  exists (select 1 from dossier_files f where f.dossier_id = d.id) as component_files,
  exists (select 1 from dossier_files f where f.dossier_id = d.id and f.reused) as reused_data,
  (d.channel = 'online' and d.applicant_id is not null) as eid_verified,
  v.full_online_eligible,
  v.paper_result_required,
  r.rated_at,
  -- Dissatisfied: the rated elements average below 3 (of 5).
  (r.rated_at is not null and r.score_access + r.score_procedure + r.score_official + r.score_result + coalesce(r.score_feedback, 0)
     < 3 * (4 + case when r.score_feedback is null then 0 else 1 end)) as dissatisfied,
  d.settlement_working_minutes,
  d.settlement_minutes
from dossiers d
join versions v on v.id = d.procedure_version_id
left join dossier_ratings r on r.dossier_id = d.id;

alter table stat_facts add column settlement_working_minutes integer check (settlement_working_minutes >= 0);
alter table stat_facts add column settlement_minutes integer check (settlement_minutes >= 0);
