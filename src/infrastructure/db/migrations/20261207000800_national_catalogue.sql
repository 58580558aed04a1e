-- The procedure catalogue and the national portal (issue 21, items 5 and 6; REFERENCE §4 and §1.3 indicator 1.2,
-- INTEGRATIONS §3.1): the catalogue goes out (CongKhaiTTHC), comes back (LayDanhSachTTHC, LayThuTuc), and the
-- month's ratings go out (DongBoDanhGia).

-- The outbox of CongKhaiTTHC, one row per procedure of a published publication decision, raised in the transaction
-- that publishes it. The job sends each row until the portal acknowledges it, with backoff after a failure; the
-- portal's NgayCongKhai is the day the procedure was made public on the national procedure database (CSDLQG), the
-- only date indicator 1.2 and the watchdog read (origin 'portal'). Decisions published before motcua sent them
-- (this migration, the demo's history) keep the day motcua published them, marked 'history'; no person sets it.
create table portal_procedure_publications (
  decision_id      uuid not null references publication_decisions (id),
  procedure_code   text not null,
  made_public_at   timestamptz,
  origin           text check (origin in ('portal', 'history')),
  attempts         integer not null default 0 check (attempts >= 0),
  next_attempt_at  timestamptz not null default now(),
  -- A job's claim on the row until then (a crashed job's claim runs out).
  leased_until     timestamptz,
  last_attempt_at  timestamptz,
  last_error       text,
  created_at       timestamptz not null default now(),
  primary key (decision_id, procedure_code),
  check ((made_public_at is null) = (origin is null))
);
create index portal_procedure_publications_due on portal_procedure_publications (next_attempt_at) where made_public_at is null;

insert into portal_procedure_publications (decision_id, procedure_code, made_public_at, origin)
select i.decision_id, i.procedure_code, d.published_at, 'history'
from publication_decision_items i
join publication_decisions d on d.id = i.decision_id
where d.status = 'published'
on conflict do nothing;

-- The national catalogue as last compared: a procedure's NgayCapNhat (yyyyMMddHHmmss, Vietnam time) when motcua
-- last read it with LayThuTuc. A later NgayCapNhat in LayDanhSachTTHC is a ministry's change to read.
create table national_catalogue_seen (
  procedure_code  text primary key,
  updated_at      text not null check (updated_at ~ '^[0-9]{14}$'),
  checked_at      timestamptz not null default now()
);

-- What a ministry changed in a procedure the province uses, for the catalogue team: one notice per national change
-- (procedure, NgayCapNhat), with the parts that differ from the province's current record, and the draft amendment
-- (a province publication decision) made for it. decision_number is fixed when the notice is made, so that the
-- draft is made once: a draft the team deleted is not made again.
create table national_catalogue_notices (
  id                   uuid primary key default gen_random_uuid(),
  procedure_code       text not null,
  national_updated_at  text not null check (national_updated_at ~ '^[0-9]{14}$'),
  procedure_name       text not null,
  changes              jsonb not null,
  decision_number      text not null,
  decision_id          uuid references publication_decisions (id) on delete set null,
  drafted_at           timestamptz,
  created_at           timestamptz not null default now(),
  handled_at           timestamptz,
  handled_by           uuid references users (id),
  unique (procedure_code, national_updated_at)
);
create index national_catalogue_notices_open on national_catalogue_notices (created_at) where handled_at is null;

-- The months of ratings sent with DongBoDanhGia (month yyyy-MM, Vietnam time): sent once, when the portal
-- acknowledged every item (kept as sent); a failure is retried with backoff.
create table portal_rating_months (
  month            text primary key check (month ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
  ratings          integer not null default 0 check (ratings >= 0),
  items            jsonb,
  sent_at          timestamptz,
  attempts         integer not null default 0 check (attempts >= 0),
  next_attempt_at  timestamptz not null default now(),
  last_error       text,
  created_at       timestamptz not null default now()
);
