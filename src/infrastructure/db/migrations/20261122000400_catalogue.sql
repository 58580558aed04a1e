-- Procedure catalogue: fields, legal documents, publication decisions, versioned procedures and the
-- change log that feeds the Atom feed and webhooks.

create table procedure_fields (
  code  text primary key,
  name  text not null
);

create table legal_documents (
  id              uuid primary key default gen_random_uuid(),
  number          text not null unique,
  title           text not null,
  issuer          text not null,
  issued_on       date not null,
  effective_from  date not null,
  created_at      timestamptz not null default now()
);

-- A publication decision (quyết định công bố). Drafts can be edited; publishing makes the procedures
-- public and creates their versions. published_at is the day the catalogue made them public.
create table publication_decisions (
  id            uuid primary key default gen_random_uuid(),
  number        text not null unique,
  issued_on     date not null,
  signer        text not null,
  unit_code     text not null references units (code),
  file_name     text,
  file_sha256   text check (file_sha256 is null or file_sha256 ~ '^[0-9a-f]{64}$'),
  status        text not null default 'draft' check (status in ('draft', 'published')),
  published_at  timestamptz,
  created_by    uuid,
  created_at    timestamptz not null default now(),
  check ((status = 'published') = (published_at is not null))
);

create table publication_decision_items (
  decision_id        uuid not null references publication_decisions (id) on delete cascade,
  position           integer not null,
  kind               text not null check (kind in ('new', 'amended', 'replaced', 'abolished')),
  procedure_code     text not null,
  replaces_code      text,
  effective_from     date not null,
  legal_document_id  uuid references legal_documents (id),
  -- The procedure record for new, amended and replaced items; null for an abolition.
  record             jsonb,
  primary key (decision_id, position),
  check ((kind = 'abolished') = (record is null)),
  check ((kind = 'replaced') = (replaces_code is not null))
);
create index publication_decision_items_legal_idx on publication_decision_items (legal_document_id);

create table procedures (
  code        text primary key,
  created_at  timestamptz not null default now()
);

-- One row per version. A version is in force from effective_from to effective_to (inclusive; null while
-- open). A dossier keeps the id of the version in force when it was accepted.
create table procedure_versions (
  id              uuid primary key default gen_random_uuid(),
  procedure_code  text not null references procedures (code),
  version         integer not null check (version >= 1),
  decision_id     uuid not null references publication_decisions (id),
  effective_from  date not null,
  effective_to    date,
  end_reason      text check (end_reason in ('amended', 'replaced', 'abolished')),
  replaced_by     text,
  name            text not null,
  field_code      text not null references procedure_fields (code),
  level           text not null check (level in ('province', 'commune')),
  online_level    text not null check (online_level in ('full', 'partial', 'none')),
  record          jsonb not null,
  created_at      timestamptz not null default now(),
  unique (procedure_code, version),
  check (effective_to is null or effective_to >= effective_from - 1),
  check ((effective_to is null) = (end_reason is null))
);
create index procedure_versions_code_idx on procedure_versions (procedure_code, effective_from);

create table catalogue_events (
  id               bigint generated always as identity primary key,
  at               timestamptz not null default now(),
  kind             text not null check (kind in ('new', 'amended', 'replaced', 'abolished')),
  procedure_code   text not null,
  procedure_name   text not null,
  version          integer,
  decision_id      uuid not null references publication_decisions (id),
  decision_number  text not null,
  effective_from   date not null,
  field_code       text,
  level            text,
  unit_codes       text[] not null default '{}'
);
create index catalogue_events_at_idx on catalogue_events (at);
