-- Citizen feedback on administrative regulations (phản ánh, kiến nghị, PAKN; issue 22, REFERENCE §5): the items, what
-- happened to them (events, folded into the item's state as dossiers are), the citizens' votes on published answers
-- and the attachments. Complaints and denunciations are another legal flow and are not kept here.

create sequence feedback_number_seq;

create table feedback_items (
  id               uuid primary key default gen_random_uuid(),
  -- PAKN-yyyy-nnnnnn: what the citizen is told and the public list shows.
  code             text not null unique,
  channel          text not null check (channel in ('portal', 'hotline', 'letter', 'email', 'forwarded')),
  -- The unit that must answer (routing moves it); its subtree's officials handle the item.
  unit_code        text not null references units (code),
  kind             text check (kind in ('regulation', 'conduct')),
  procedure_code   text,
  field_code       text,
  dossier_id       uuid references dossiers (id),
  title            text not null,
  content          text not null,
  reporter_user_id uuid references users (id),
  -- Personal data: the reporter's name, e-mail, phone and address, sealed (ADR 8); null once purged or when anonymous.
  reporter_sealed  text,
  -- The name shown with the published answer, only when the reporter agreed.
  public_name      text,
  anonymous        boolean not null,
  contact_purged_at timestamptz,
  -- Where a forwarded item came from (Văn phòng Chính phủ, another agency), and when it was first received there:
  -- the clock starts at that reception.
  forwarded_from   text,
  received_at      timestamptz not null,
  -- The reporter's tracking secret (its hash): an anonymous reporter follows, supplements and re-raises with it.
  secret_hash      text,
  status           text not null,
  -- The folded state (domain/feedback/feedback.ts), in local minutes; `seq` counts the events, for concurrent edits.
  state            jsonb not null,
  seq              integer not null default 0,
  answer_draft     text,
  answer           text,
  published_at     timestamptz,
  likes            integer not null default 0 check (likes >= 0),
  dislikes         integer not null default 0 check (dislikes >= 0),
  -- Lowercase text without diacritics of the title, content and answer, for the public search and similar items.
  search_text      text not null default '',
  -- Its words, for the public search (a GIN index; words and prefixes, not substrings).
  search_tsv       tsvector generated always as (to_tsvector('simple', search_text)) stored,
  created_at       timestamptz not null default now()
);
create index feedback_items_unit on feedback_items (unit_code, status);
create index feedback_items_received on feedback_items (received_at);
create index feedback_items_published on feedback_items (published_at desc) where published_at is not null;
create index feedback_items_search on feedback_items using gin (search_tsv) where status = 'published';
create index feedback_items_dossier on feedback_items (dossier_id) where dossier_id is not null;
create index feedback_items_purge on feedback_items (created_at) where reporter_sealed is not null;

create table feedback_events (
  feedback_id  uuid not null references feedback_items (id),
  seq          integer not null,
  type         text not null,
  payload      jsonb not null,
  at           timestamptz not null,
  actor_id     uuid references users (id),
  actor_role   text,
  actor_unit   text,
  primary key (feedback_id, seq)
);

-- One vote per voter and item: a voter is a keyed hash of the account or of an anonymous browser's id.
create table feedback_votes (
  feedback_id  uuid not null references feedback_items (id),
  voter_hash   text not null,
  vote         text not null check (vote in ('like', 'dislike')),
  at           timestamptz not null default now(),
  primary key (feedback_id, voter_hash)
);

create table feedback_attachments (
  id           uuid primary key default gen_random_uuid(),
  feedback_id  uuid not null references feedback_items (id),
  sha256       text not null check (sha256 ~ '^[0-9a-f]{64}$'),
  name         text not null,
  content_type text not null check (content_type in ('application/pdf', 'image/png', 'image/jpeg')),
  size         integer not null check (size > 0),
  uploaded_at  timestamptz not null default now()
);
create index feedback_attachments_item on feedback_attachments (feedback_id);
