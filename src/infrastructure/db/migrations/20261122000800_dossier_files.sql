-- The files of a dossier's components: each upload is one row pointing at content-addressed bytes in the file
-- store (by sha256), with the component it belongs to and its legal form. The bytes are served only after the
-- same visibility check as the dossier itself.

create table dossier_files (
  id              uuid primary key default gen_random_uuid(),
  dossier_id      uuid not null references dossiers (id),
  component_code  text not null,
  -- Personal data may appear in a file name: never in public views, logs or the audit trail.
  file_name       text not null,
  content_type    text not null check (content_type in ('application/pdf', 'image/png', 'image/jpeg')),
  sha256          text not null check (sha256 ~ '^[0-9a-f]{64}$'),
  size            integer not null check (size > 0),
  -- PDF page count (an approximation from the page objects); null for images or when it cannot be told.
  pages           integer check (pages is null or pages >= 0),
  form            text not null check (form in ('original', 'copy', 'certifiedCopy', 'electronic')),
  -- Scanned from paper at the desk (digitizing at intake).
  digitized       boolean not null default false,
  -- The same bytes were already attached to another dossier of the same applicant.
  reused          boolean not null default false,
  uploaded_by     uuid not null,
  uploaded_at     timestamptz not null default now()
);
create index dossier_files_dossier_idx on dossier_files (dossier_id, uploaded_at);
create index dossier_files_sha256_idx on dossier_files (sha256);
