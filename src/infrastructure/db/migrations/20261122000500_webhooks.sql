-- Webhook subscriptions to catalogue changes, and their delivery log: one row per subscription and
-- catalogue event, created in the transaction that publishes the event and sent by the webhook worker.

create table webhook_subscriptions (
  id          uuid primary key default gen_random_uuid(),
  url         text not null check (url ~ '^https?://'),
  -- Needed in clear to sign each delivery (HMAC-SHA256); shown to the subscriber once, never listed.
  secret      text not null check (length(secret) >= 32),
  -- Filters: events implemented within this unit's subtree; events of this field. Null matches all.
  unit_code   text references units (code),
  field_code  text references procedure_fields (code),
  active      boolean not null default true,
  created_by  uuid,
  created_at  timestamptz not null default now()
);

create table webhook_deliveries (
  id                bigint generated always as identity primary key,
  subscription_id   uuid not null references webhook_subscriptions (id),
  event_id          bigint not null references catalogue_events (id),
  status            text not null default 'pending' check (status in ('pending', 'delivered', 'failed')),
  -- Attempts started; a worker counts one when it claims the row.
  attempts          integer not null default 0 check (attempts >= 0),
  -- When a worker may (re)claim a pending row: the next retry, or the end of a running attempt's lease.
  next_attempt_at   timestamptz not null default now(),
  last_status_code  integer,
  last_error        text,
  delivered_at      timestamptz,
  created_at        timestamptz not null default now(),
  unique (subscription_id, event_id),
  check ((status = 'delivered') = (delivered_at is not null))
);
create index webhook_deliveries_due_idx on webhook_deliveries (next_attempt_at) where status = 'pending';
create index webhook_deliveries_event_idx on webhook_deliveries (event_id);
