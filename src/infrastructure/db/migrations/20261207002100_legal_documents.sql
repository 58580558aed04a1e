-- The province's register of legal normative documents (văn bản quy phạm pháp luật, issue 23 item 8). It is the
-- catalogue's table of legal documents, which the publication decisions cite and the publication watchdog follows,
-- with what the register keeps besides: the type, the province that issued it, the expiry date, a status marked by
-- hand, the next review due date. A document in the register (in_register) may already be in the catalogue (the
-- legal basis of a decision): taken into the register, it stays one row. How a document stands on a day is judged
-- from its dates, the documents that changed it (legal_document_links) and the mark (src/domain/legal-documents).
alter table legal_documents add column in_register boolean not null default false;
alter table legal_documents add column doc_type text check (doc_type in ('resolution', 'decision', 'directive'));
alter table legal_documents add column province_code text references units (code);
alter table legal_documents add column expires_on date;
alter table legal_documents add column marked_status text not null default 'inForce' check (marked_status in ('inForce', 'amended', 'partlyExpired'));
alter table legal_documents add column review_due_on date;
alter table legal_documents add column version integer not null default 1;
alter table legal_documents add column updated_at timestamptz;
alter table legal_documents add constraint legal_documents_register_check check (not in_register or (doc_type is not null and province_code is not null));
alter table legal_documents add constraint legal_documents_expiry_check check (expires_on is null or expires_on > effective_from);
create index legal_documents_register_idx on legal_documents (province_code, issued_on) where in_register;

-- A later document changes an earlier one: amends it, repeals part of it, repeals or replaces it.
create table legal_document_links (
  document_id     uuid not null references legal_documents (id),
  by_document_id  uuid not null references legal_documents (id),
  relation        text not null check (relation in ('amends', 'partlyRepeals', 'repeals', 'replaces')),
  note            text,
  created_by      uuid references users (id),
  created_at      timestamptz not null default now(),
  primary key (document_id, by_document_id),
  check (document_id <> by_document_id)
);
create index legal_document_links_by_idx on legal_document_links (by_document_id);

-- Reviews and systematizations (rà soát, hệ thống hóa): the day, the due date it answered (due_on, the document's
-- review_due_on at the time), the result, who reviewed, and the next due date it set.
create table legal_document_reviews (
  id           uuid primary key default gen_random_uuid(),
  document_id  uuid not null references legal_documents (id),
  kind         text not null check (kind in ('review', 'systematization')),
  reviewed_on  date not null,
  due_on       date,
  result       text not null check (result in ('keep', 'amend', 'replace', 'repeal')),
  note         text,
  reviewer     text not null,
  next_due_on  date,
  recorded_by  uuid references users (id),
  recorded_at  timestamptz not null default now(),
  check (next_due_on is null or next_due_on > reviewed_on)
);
create index legal_document_reviews_document_idx on legal_document_reviews (document_id, reviewed_on);
