-- Indicator 3.5b and 3.6 read "paid online" from the payment records (a payment a gateway confirmed, issue 18)
-- rather than from a column of the dossier that each payment would have to rewrite: the statistics' source view
-- reads payment_attempts, and the dossier's column goes.
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
  -- Paid online: a payment a gateway confirmed (issue 18), read from the payment records themselves.
  exists (select 1 from payment_attempts p where p.dossier_id = d.id and p.status = 'paid' and p.method in ('vnpay', 'nationalPlatform')) as fee_paid_online,
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

alter table dossiers drop column fee_paid_online;
