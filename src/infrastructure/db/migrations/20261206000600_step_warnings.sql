-- Warnings on the server before a step of a dossier runs out of its budget, and the escalation once it has
-- (application/dossier/warn-step-deadlines.ts). One row per (dossier, visit of a step, kind): written in the
-- same transaction as the notifications it caused, so that a restarted or second job instance never sends
-- the same warning twice.
create table step_warnings (
  dossier_id  uuid not null references dossiers (id),
  -- Position of the visit in the dossier's folded state (a step visited twice has two visits).
  visit       integer not null check (visit >= 0),
  kind        text not null check (kind in ('dueSoon', 'overdue')),
  step_index  integer not null check (step_index >= 0),
  unit_code   text not null,
  -- The step's deadline when the warning was given.
  step_due_at timestamptz not null,
  created_at  timestamptz not null default now(),
  primary key (dossier_id, visit, kind)
);

-- The officials' in-app notifications (the back office's bell): one row per recipient.
create table official_notifications (
  id          bigint generated always as identity primary key,
  user_id     uuid not null references users (id),
  dossier_id  uuid not null references dossiers (id),
  kind        text not null check (kind in ('dueSoon', 'overdue')),
  title       text not null,
  body        text not null,
  created_at  timestamptz not null default now(),
  read_at     timestamptz
);
create index official_notifications_user_idx on official_notifications (user_id, id desc);
create index official_notifications_unread_idx on official_notifications (user_id) where read_at is null;
