-- E-results that prove themselves (issue 19). A dossier's result documents (the result, its annexes, certified
-- electronic copies) are files in the file store with an opaque verification code (the QR); each signature
-- applied to one is recorded with its signer, certificate, provider and PAdES level. Indicators 4.1 and 4.2
-- read "has an e-result" from these records (a result that carries a verified signature, or for history imported
-- from a sync file, the result link the national portal holds, as the portal counts it), not from a flag.

create table result_documents (
  id                 uuid primary key default gen_random_uuid(),
  dossier_id         uuid not null references dossiers (id),
  unit_code          text not null,
  verification_code  text not null unique,
  kind               text not null check (kind in ('result', 'annex', 'certifiedCopy')),
  title              text not null,
  result_code        text,
  -- imported: a result the national portal holds, from a sync file (its link, no file here).
  source             text not null check (source in ('template', 'upload', 'scan', 'imported')),
  source_url         text,
  status             text not null check (status in ('draft', 'awaitingSignature', 'signed', 'revoked', 'replaced')),
  file_sha256        text not null,
  file_name          text not null,
  level              text check (level in ('B-B', 'B-T')),
  replaces           uuid references result_documents (id),
  replaced_by        uuid references result_documents (id),
  revoked_reason     text,
  -- The numbered register of certified copies (sổ chứng thực), per unit and year.
  register_year      integer,
  register_number    integer,
  created_by         uuid references users (id),
  created_at         timestamptz not null,
  submitted_at       timestamptz,
  signed_at          timestamptz,
  revoked_at         timestamptz,
  version            integer not null default 0
);
create index result_documents_dossier on result_documents (dossier_id);
create unique index result_documents_register on result_documents (unit_code, register_year, register_number) where register_number is not null;

create table result_signatures (
  id                  uuid primary key default gen_random_uuid(),
  document_id         uuid not null references result_documents (id),
  seq                 integer not null,
  signer_id           uuid references users (id),
  signer_name         text not null,
  provider            text not null check (provider in ('pkcs12', 'remote', 'hashOnly')),
  certificate_subject text not null,
  certificate_issuer  text not null,
  certificate_serial  text not null,
  level               text not null check (level in ('B-B', 'B-T')),
  timestamp_at        timestamptz,
  -- Why a signature stayed at B-B: the timestamp authority's failure, kept for the record.
  timestamp_note      text,
  file_sha256         text not null,
  signed_at           timestamptz not null,
  unique (document_id, seq)
);

-- Signing keys that motcua holds itself: the demo certification authority, and the PKCS#12 files it issued
-- to units, leaders and the local timestamp authority (a deployment with real keys configures its own files).
create table signing_credentials (
  id               uuid primary key default gen_random_uuid(),
  owner_kind       text not null check (owner_kind in ('authority', 'unit', 'user', 'timestamping')),
  owner_id         text not null,
  certificate      bytea not null,
  pkcs12           bytea not null,
  passphrase       text not null,
  serial           text not null,
  not_after        timestamptz not null,
  revoked_at       timestamptz,
  created_at       timestamptz not null
);
create unique index signing_credentials_current on signing_credentials (owner_kind, owner_id) where revoked_at is null;

-- Fields of the catalogue whose procedures certify copies from originals (the certified-copy indicator's
-- denominator); configuration, with the national field of "Chứng thực".
create table certification_fields (field_code text primary key);
insert into certification_fields values ('G09-TP02');

-- Indicators 4.1 and 4.2 read "has an e-result" from the signed result documents, and the certified-copy
-- indicator reads certified electronic copies and the procedures that certify copies; the dossier's flag goes.
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
  d.header -> 'timeLimit' ->> 'unit' as time_unit,
  v.certification_service,
  exists (select 1 from result_documents rd where rd.dossier_id = d.id and rd.kind = 'certifiedCopy' and rd.status = 'signed') as certified_copy
from dossiers d
join versions v on v.id = d.procedure_version_id
left join dossier_ratings r on r.dossier_id = d.id;

alter table dossiers drop column result_file;

alter table stat_facts add column certification_service boolean not null default false;
alter table stat_facts add column certified_copy boolean not null default false;
-- Facts computed before this migration lack the new columns and read result_file from the dossiers' flag.
insert into stat_rebuild_requests (reason)
select 'e-results from signed documents' where exists (select 1 from stat_facts)
on conflict (reason) do nothing;
