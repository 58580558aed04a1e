-- Indicator 5.4 counts a dossier that citizen feedback was raised about as not satisfying, like one rated
-- dissatisfied (REFERENCE §1.3 group 5: "% of dossiers with feedback or a dislike"). The facts gain when the first
-- feedback linked to the dossier was received; the dossiers that have some are queued for the statistics to follow.
alter table stat_facts add column first_feedback_at timestamptz;

create or replace view dossier_stat_source as
with versions as materialized (
  select id,
    coalesce((record ->> 'fullOnlineEligible')::boolean, false) as full_online_eligible,
    coalesce((record ->> 'paperResultRequired')::boolean, false) as paper_result_required,
    (record ->> 'fieldCode') in (select field_code from certification_fields) as certification_service
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
  -- An e-result: a result document that carries its verified final signature (issue 19), read from the records.
  exists (select 1 from result_documents rd where rd.dossier_id = d.id and rd.kind = 'result' and rd.status = 'signed') as result_file,
  d.fee_due,
  -- Paid online: a payment a gateway confirmed (issue 18), read from the payment records themselves.
  exists (select 1 from payment_attempts p where p.dossier_id = d.id and p.status = 'paid' and p.method in ('vnpay', 'nationalPlatform')) as fee_paid_online,
  exists (select 1 from dossier_files f where f.dossier_id = d.id) as component_files,
  -- Reused: a component taken from a vault (issue 20).
  exists (select 1 from dossier_files f where f.dossier_id = d.id and f.reused) as reused_data,
  -- Population data (4.5): submitted from a VNeID-verified account, a registry lookup that found the applicant
  -- for this dossier, or a component taken from the national vault.
  (d.eid_level is not null
    or exists (select 1 from population_lookups pl where pl.dossier_id = d.id and pl.outcome = 'found')
    or exists (select 1 from dossier_files f where f.dossier_id = d.id and f.from_national_vault)) as eid_verified,
  v.full_online_eligible,
  v.paper_result_required,
  r.rated_at,
  -- Dissatisfied: the rated elements average below 3 (of 5).
  (r.rated_at is not null and r.score_access + r.score_procedure + r.score_official + r.score_result + coalesce(r.score_feedback, 0)
     < 3 * (4 + case when r.score_feedback is null then 0 else 1 end)) as dissatisfied,
  d.settlement_working_minutes,
  d.settlement_minutes,
  d.header -> 'timeLimit' ->> 'unit' as time_unit,
  v.certification_service,
  exists (select 1 from result_documents rd where rd.dossier_id = d.id and rd.kind = 'certifiedCopy' and rd.status = 'signed') as certified_copy,
  -- 4.4: a component taken from the national portal's personal data vault.
  exists (select 1 from dossier_files f where f.dossier_id = d.id and f.from_national_vault) as national_vault,
  -- 1.4: the portal acknowledged a record of the dossier carrying its reception date (issue 21).
  exists (select 1 from portal_sync ps where ps.dossier_id = d.id and ps.reception_acked_at is not null) as synced_to_portal,
  -- 5.4: when the first citizen feedback about the dossier was received (issue 22).
  (select min(fi.received_at) from feedback_items fi where fi.dossier_id = d.id) as first_feedback_at
from dossiers d
join versions v on v.id = d.procedure_version_id
left join dossier_ratings r on r.dossier_id = d.id;

insert into stat_queue (dossier_id) select distinct dossier_id from feedback_items where dossier_id is not null;
