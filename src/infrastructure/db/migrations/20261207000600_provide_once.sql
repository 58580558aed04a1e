-- "Provide once" (issue 20): the data vault of citizens and organisations, documents reused from it in dossiers,
-- digitization at the desk with the unit's signature, the consent a walk-in citizen gives the desk to open their
-- vault, and the log of every population-registry lookup. Indicators 4.3, 4.4 and 4.5 read these records.

-- Whose dossier it is, as the vault keys people: the keyed hash of the applicant's ID number or tax code
-- (application/personal-data.ts lookupKey), never the number itself. Null when intake had no number.
alter table dossiers add column owner_hash text;
create index dossiers_owner_hash on dossiers (owner_hash) where owner_hash is not null;
-- The VNeID assurance level of the account that submitted an online dossier (1 or 2; Decree 69/2024), as the
-- identity provider asserted it at login. Null for counter and postal intake and for accounts of no known level.
alter table dossiers add column eid_level smallint check (eid_level in (1, 2));
alter table users add column eid_level smallint check (eid_level in (1, 2));
-- What the eID provider released at the last login, to look the citizen up in the population registry at intake.
alter table users add column birth_date text;
alter table users add column phone text;

create table vault_documents (
  id                 uuid primary key default gen_random_uuid(),
  owner_hash         text not null,
  -- The type: a result code of the catalogue (MaKetQua), so that a component listing it can be met by it.
  result_code        text not null,
  title              text not null,
  number             text,
  issuer             text not null,
  issued_on          date,
  valid_until        date,
  -- Versions of one document (same owner, type and number): the newest is current, older ones stay readable.
  version            integer not null default 1 check (version >= 1),
  previous_id        uuid references vault_documents (id),
  superseded         boolean not null default false,
  source             text not null check (source in ('digitized', 'eResult', 'nationalVault')),
  source_dossier_id  uuid references dossiers (id),
  result_document_id uuid references result_documents (id),
  -- nationalVault: where the portal keeps it (CoQuanChuQuan, DuongDan).
  national_issuer    text,
  national_path      text,
  file_sha256        text not null check (file_sha256 ~ '^[0-9a-f]{64}$'),
  file_name          text not null,
  content_type       text not null check (content_type in ('application/pdf', 'image/png', 'image/jpeg')),
  size               integer not null check (size > 0),
  created_by         uuid references users (id),
  created_at         timestamptz not null
);
create index vault_documents_owner on vault_documents (owner_hash, result_code) where not superseded;
create unique index vault_documents_result on vault_documents (result_document_id) where result_document_id is not null;
create unique index vault_documents_national on vault_documents (owner_hash, national_issuer, national_path) where national_path is not null;

-- A walk-in citizen's consent at the desk: the unit may open their vault for one dossier's intake, until it expires.
create table vault_consents (
  id          uuid primary key default gen_random_uuid(),
  owner_hash  text not null,
  unit_code   text not null,
  granted_to  uuid not null references users (id),
  purpose     text not null,
  granted_at  timestamptz not null,
  expires_at  timestamptz not null
);
create index vault_consents_owner on vault_consents (owner_hash, unit_code, expires_at);

-- Reuse and digitization, per file of a dossier. `reused` now means taken from a vault (the local one, or the
-- national portal's with from_national_vault); uploading the same bytes twice is no reuse.
alter table dossier_files add column vault_document_id uuid references vault_documents (id);
alter table dossier_files add column from_national_vault boolean not null default false;
alter table dossier_files add column digitized_by uuid references users (id);
alter table dossier_files add column digitized_from text check (digitized_from in ('original', 'certifiedCopy', 'copy'));
alter table dossier_files add column valid_until date;
-- A file imported from a sync file keeps the portal's word (DuocTaiSuDung).
update dossier_files set reused = false where source_url is null;

-- Every lookup in the population database: who asked, when, for which procedure and dossier, and what came back.
-- The person looked up is kept as the keyed hash of their number only.
create table population_lookups (
  id              uuid primary key default gen_random_uuid(),
  at              timestamptz not null,
  -- null: the citizen's own online intake after a VNeID login.
  official_id     uuid references users (id),
  requested_by    uuid not null references users (id),
  unit_code       text,
  channel         text not null check (channel in ('counter', 'online')),
  procedure_code  text not null,
  dossier_id      uuid references dossiers (id),
  subject_hash    text not null,
  outcome         text not null check (outcome in ('found', 'notFound', 'refused', 'unavailable')),
  detail          text,
  duration_ms     integer not null,
  -- The values the answer prefilled, as keyed digests per form field (not the values): the intake compares what
  -- was sent with them to count the fields typed and to show the officer where the applicant differs.
  prefill_digest  jsonb
);
create index population_lookups_at on population_lookups (at);
create index population_lookups_dossier on population_lookups (dossier_id) where dossier_id is not null;

-- Intake timing at the desk (the cost of digitizing): when the officer opened the intake form, when it was saved.
alter table dossiers add column intake_started_at timestamptz;
-- The e-form as sent: the values (the ID number stays in the sealed applicant only), how many fields the form
-- declared, how many the applicant typed, which were prefilled and where the applicant differed from the registry.
alter table dossiers add column eform jsonb;

alter table stat_facts add column national_vault boolean not null default false;

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
  exists (select 1 from dossier_files f where f.dossier_id = d.id and f.from_national_vault) as national_vault
from dossiers d
join versions v on v.id = d.procedure_version_id
left join dossier_ratings r on r.dossier_id = d.id;

-- Online dossiers of an applicant account before this version: their submitter logged in with the eID provider,
-- the only way to an applicant account, at a level not recorded then (at least 1).
update dossiers set eid_level = 1 where channel = 'online' and applicant_id is not null;

insert into stat_rebuild_requests (reason)
select 'provide once: reuse from the vault, national vault, population lookups' where exists (select 1 from stat_facts)
on conflict (reason) do nothing;
