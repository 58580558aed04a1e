-- Live sync with the national public-service portal (issue 21, INTEGRATIONS §3.1, REFERENCE §9).
--
-- portal_sync is the transactional outbox of the sync, one row per dossier: every change of a dossier (an action,
-- a file, a payment, a signed result: wherever the statistics are told to follow it) raises `version` in the
-- transaction of the change; the sync job sends what the portal lacks and records what it acknowledged. Changes
-- coalesce (the job always sends the dossier's current record and the progress entries the portal has not
-- acknowledged, in order), so the table holds one row per dossier whatever the number of actions (ADR 13).
create table portal_sync (
  dossier_id          uuid primary key references dossiers (id),
  -- Raised by every change; the job has sent everything up to synced_version.
  version             bigint not null default 1,
  synced_version      bigint not null default 0,
  -- When the oldest change not yet synced happened (the lag); null when synced.
  pending_since       timestamptz default now(),
  -- What the portal acknowledged: the record was created there, the key fields of the last record it took, the
  -- number of progress entries (QuaTrinhXuLy) it holds, and when it first took a record with a reception date
  -- (indicator 1.4 counts those).
  created_on_portal   boolean not null default false,
  acked_fingerprint   text,
  progress_acked      integer not null default 0 check (progress_acked >= 0),
  reception_acked_at  timestamptz,
  last_acked_at       timestamptz,
  -- A send was started and its outcome is not known (a crash, a timeout, an acknowledgement that never came):
  -- the next attempt asks the portal what it holds (TraCuuHoSo) before writing, so nothing is sent twice.
  in_doubt            boolean not null default false,
  attempts            integer not null default 0 check (attempts >= 0),
  next_attempt_at     timestamptz not null default now(),
  -- A job's claim on the row until then (a crashed job's claim runs out).
  leased_until        timestamptz,
  last_error          text,
  -- Refused by the portal too many times: kept aside with its error for a person to fix; others go on.
  parked_at           timestamptz
);
create index portal_sync_due on portal_sync (next_attempt_at) where version > synced_version and parked_at is null;
create index portal_sync_parked on portal_sync (parked_at) where parked_at is not null;

-- Every dossier that exists is to be synced once.
insert into portal_sync (dossier_id, pending_since) select id, coalesce(submitted_at, now()) from dossiers;

-- The mapping of motcua's statuses to the portal's codes (INTEGRATIONS §3.1 DossierStatusMapping), editable by
-- the province: a row for (status, sub_status) wins over a row for the status alone (sub_status ''), which wins
-- over the built-in code. The sub-status is the action that led to the status (transfer, approve…).
create table portal_status_mapping (
  status       text not null,
  sub_status   text not null default '',
  portal_code  text not null check (portal_code ~ '^([1-9]|10)$'),
  updated_by   uuid references users (id),
  updated_at   timestamptz not null default now(),
  primary key (status, sub_status)
);

-- A unit's id on the portal (DonViXuLy, NoiNopHoSo), when it differs from its code here.
create table portal_agency_mapping (
  unit_code    text primary key references units (code),
  agency_id    text not null check (length(agency_id) between 1 and 40),
  updated_by   uuid references users (id),
  updated_at   timestamptz not null default now()
);

-- Reconciliation runs: what motcua holds against what the portal says it holds.
create table portal_reconciliations (
  id            bigint generated always as identity primary key,
  started_at    timestamptz not null,
  finished_at   timestamptz,
  trigger       text not null check (trigger in ('schedule', 'button')),
  checked       integer not null default 0,
  missing       integer not null default 0,
  stale         integer not null default 0,
  resent        integer not null default 0,
  error         text
);

alter table stat_facts add column synced_to_portal boolean not null default false;

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
  exists (select 1 from portal_sync ps where ps.dossier_id = d.id and ps.reception_acked_at is not null) as synced_to_portal
from dossiers d
join versions v on v.id = d.procedure_version_id
left join dossier_ratings r on r.dossier_id = d.id;
