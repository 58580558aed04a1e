-- Notifications to applicants (a transactional outbox: rows are written in the transaction of the dossier
-- action they tell of, and sent by the notification worker), the demo mailbox that stands in for an SMTP
-- server outside production, and the applicants' satisfaction ratings (SIPAS elements, 1–5).

create table notification_outbox (
  id               bigint generated always as identity primary key,
  dossier_id       uuid not null references dossiers (id),
  -- What happened: accepted, supplementRequested, apology, result, returned… (see application/dossier/notifications.ts).
  event            text not null,
  channel          text not null default 'email' check (channel in ('email')),
  -- Personal data: never logged, never in public views. No row is written when the applicant gave no address.
  recipient        text not null,
  subject          text not null,
  -- Plain text; the link base {{PUBLIC_URL}} is filled in when the message is sent.
  body             text not null,
  status           text not null default 'pending' check (status in ('pending', 'sent', 'failed')),
  -- Attempts started; a worker counts one when it claims the row.
  attempts         integer not null default 0 check (attempts >= 0),
  -- When a worker may (re)claim a pending row: the next retry, or the end of a running attempt's lease.
  next_attempt_at  timestamptz not null default now(),
  last_error       text,
  created_at       timestamptz not null default now(),
  sent_at          timestamptz,
  check ((status = 'sent') = (sent_at is not null))
);
create index notification_outbox_due_idx on notification_outbox (next_attempt_at) where status = 'pending';
create index notification_outbox_dossier_idx on notification_outbox (dossier_id);

-- What the demo transport "sent" (SMTP_URL unset, outside production); one row per outbox row, so a
-- message retried after a crash is not stored twice.
create table demo_mailbox (
  id           bigint generated always as identity primary key,
  outbox_id    bigint not null unique references notification_outbox (id),
  sender       text not null,
  recipient    text not null,
  subject      text not null,
  body         text not null,
  delivered_at timestamptz not null default now()
);

-- One rating per dossier, after the result was returned; fed back to the competent unit and to the units
-- of the steps the dossier went through.
create table dossier_ratings (
  dossier_id        uuid primary key references dossiers (id),
  unit_code         text not null references units (code),
  step_unit_codes   text[] not null default '{}',
  -- SIPAS elements: access to the service, the procedure, the official, the result, feedback handling
  -- (null: the applicant made no suggestion or complaint to rate).
  score_access      smallint not null check (score_access between 1 and 5),
  score_procedure   smallint not null check (score_procedure between 1 and 5),
  score_official    smallint not null check (score_official between 1 and 5),
  score_result      smallint not null check (score_result between 1 and 5),
  score_feedback    smallint check (score_feedback between 1 and 5),
  comment           text,
  -- online: the applicant in their account; kiosk: entered at the desk of the receiving unit on their behalf.
  via               text not null check (via in ('online', 'kiosk')),
  rated_by          uuid not null references users (id),
  rated_at          timestamptz not null default now()
);
create index dossier_ratings_unit_idx on dossier_ratings (unit_code, rated_at);
create index dossier_ratings_step_units_idx on dossier_ratings using gin (step_unit_codes);
