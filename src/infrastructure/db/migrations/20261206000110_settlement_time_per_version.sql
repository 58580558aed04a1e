-- Indicator 2.2 averages each procedure's settlement times in the unit of the version each dossier was
-- received under (its header's time limit), not of the version in force at the period's end: the facts
-- carry that time unit, and the procedure rollups keep the times apart per unit
-- (key `procedure|unit`, domain/scorecard/measures.ts procedureKeyOf). The rebuild requested by
-- 20261206000100 recomputes the rollups in the new keys.
alter table stat_facts add column time_unit text;

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
  d.settlement_minutes,
  d.header -> 'timeLimit' ->> 'unit' as time_unit
from dossiers d
join versions v on v.id = d.procedure_version_id
left join dossier_ratings r on r.dossier_id = d.id;
