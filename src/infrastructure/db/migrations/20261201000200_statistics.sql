-- Real-time statistics (issue 6): the Decision 766 scorecard and the settlement report of any unit and
-- period are sums of dated deltas rolled up per unit subtree (src/domain/scorecard/measures.ts). Each dossier
-- change queues the dossier; a worker retracts its previous contribution (stat_facts) and adds the new one.
-- `motcua stats rebuild` recomputes everything from the dossiers with one SQL pass, which must agree exactly.

-- Projection columns the statistics read, kept with the others in each action's transaction.
alter table dossiers add column paused_since timestamptz;
alter table dossiers add column approved boolean not null default false;
alter table dossiers add column result_file boolean not null default false;
alter table dossiers add column fee_due boolean not null default false;
alter table dossiers add column fee_paid_online boolean not null default false;
-- States hold local minutes (UTC+7) counted from Julian day 0.
update dossiers set
  paused_since = case when jsonb_typeof(state -> 'pausedSince') = 'number'
    then to_timestamp(((state ->> 'pausedSince')::bigint - 2440588::bigint * 1440 - 420) * 60) end,
  approved = coalesce(state ->> 'outcome', '') = 'approved',
  result_file = jsonb_typeof(state -> 'resultFile') = 'object',
  fee_due = coalesce((state ->> 'feeRequested')::numeric, 0) > 0,
  fee_paid_online = coalesce((state ->> 'feePaidOnline')::boolean, false)
where state is not null;

-- The facts of every dossier as the statistics see them, from the raw tables: the worker reads it for the
-- dossiers it follows, the rebuild for all of them.
create view dossier_stat_source as
-- The procedure flags are read once per version (a record is a large document, not to be parsed per dossier).
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
     < 3 * (4 + case when r.score_feedback is null then 0 else 1 end)) as dissatisfied
from dossiers d
join versions v on v.id = d.procedure_version_id
left join dossier_ratings r on r.dossier_id = d.id;

-- The facts each dossier's current contribution was computed from (what the worker retracts next time).
-- Derived data, rebuilt in bulk: no foreign key (dossiers are never deleted, and the check would dominate a rebuild).
create table stat_facts (
  dossier_id               uuid primary key,
  unit_code                text not null,
  procedure_code           text not null,
  channel                  text not null,
  location_independent     boolean not null,
  status                   text not null,
  accepted_at              timestamptz,
  finished_at              timestamptz,
  due_at                   timestamptz,
  extensions               integer not null,
  repeated_supplement      boolean not null,
  paused_since             timestamptz,
  approved                 boolean not null,
  result_file              boolean not null,
  fee_due                  boolean not null,
  fee_paid_online          boolean not null,
  component_files          boolean not null,
  reused_data              boolean not null,
  eid_verified             boolean not null,
  full_online_eligible     boolean not null,
  paper_result_required    boolean not null,
  rated_at                 timestamptz,
  dissatisfied             boolean not null
);

-- Dossiers whose facts may have changed, in the same transaction as the change; the worker deletes what it
-- has taken into account (so a transaction that commits late is never skipped).
create table stat_queue (
  id          bigint generated always as identity primary key,
  dossier_id  uuid not null
);

-- Sums of deltas per unit subtree (the unit and all below it), measure, and bucket: a day, a month or a
-- year (grain d / m / y, start = first day). A prefix up to any day reads a few years, months and days.
-- Keys compare byte-wise (collate "C"): they are codes, never sorted for people, and it is much faster.
create table stat_rollups (
  unit_code  text collate "C" not null,
  grain      char(1) not null check (grain in ('d', 'm', 'y')),
  start      date not null,
  measure    text collate "C" not null,
  value      bigint not null,
  primary key (unit_code, grain, start, measure)
);

-- The same per procedure at the dossier's own unit (readers sum a subtree's units), for procedure counts,
-- the report by field or procedure, and the fixes that gain the most points.
create table stat_procedure_rollups (
  unit_code       text collate "C" not null,
  measure         text collate "C" not null,
  grain           char(1) not null check (grain in ('d', 'm', 'y')),
  start           date not null,
  procedure_code  text collate "C" not null,
  value           bigint not null,
  primary key (unit_code, measure, grain, start, procedure_code)
);

-- Formula versions added as data (the built-in one is in src/domain/scorecard/formula.ts).
create table scorecard_formulas (
  id              text primary key,
  effective_from  date not null unique,
  definition      jsonb not null,
  created_by      uuid,
  created_at      timestamptz not null default now()
);

-- Every dossier already there is followed from the start.
insert into stat_queue (dossier_id) select id from dossiers;
