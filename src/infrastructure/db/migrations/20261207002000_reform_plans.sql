-- The province's yearly administrative-reform plan (kế hoạch cải cách hành chính, issue 23 item 7): its tasks with
-- their owner unit, deadline, expected output and evidence of completion; inspections (a kind of task) with their
-- findings; the history of each task; and the reminders to the owner unit, once each (reform_task_warnings).

create table reform_plans (
  id             uuid primary key default gen_random_uuid(),
  province_code  text not null references units (code),
  year           integer not null check (year between 2000 and 2100),
  title          text not null,
  created_by     uuid references users (id),
  created_at     timestamptz not null default now(),
  unique (province_code, year)
);

-- status is what was reported; how a task stands on a day (done on time or late, overdue) is judged from it, the
-- deadline and completed_on (src/domain/reform-plan/reform-task.ts). version: a stale edit or report is refused.
create table reform_tasks (
  id               uuid primary key default gen_random_uuid(),
  plan_id          uuid not null references reform_plans (id),
  position         integer not null check (position > 0),
  kind             text not null check (kind in ('task', 'inspection')),
  content          text not null,
  unit_code        text not null references units (code),
  deadline         date not null,
  expected_output  text not null,
  status           text not null default 'notStarted' check (status in ('notStarted', 'inProgress', 'done')),
  progress_note    text,
  completed_on     date,
  -- Evidence of completion: a link, or a file in the file store (by its sha256), judged by its content.
  evidence_url     text,
  evidence_name    text,
  evidence_type    text check (
    evidence_type in (
      'application/pdf', 'image/png', 'image/jpeg',
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
    )
  ),
  evidence_sha256  text check (evidence_sha256 is null or evidence_sha256 ~ '^[0-9a-f]{64}$'),
  evidence_size    integer,
  reported_by      uuid references users (id),
  reported_at      timestamptz,
  version          integer not null default 1,
  created_by       uuid references users (id),
  created_at       timestamptz not null default now(),
  unique (plan_id, position),
  check ((status = 'done') = (completed_on is not null)),
  check (status <> 'done' or evidence_url is not null or evidence_sha256 is not null),
  check ((evidence_sha256 is null) = (evidence_name is null) and (evidence_sha256 is null) = (evidence_type is null))
);
create index reform_tasks_plan_unit_idx on reform_tasks (plan_id, unit_code);
create index reform_tasks_open_deadline_idx on reform_tasks (deadline) where status <> 'done';

-- What happened to a task, oldest first: created, imported, edited, progress, completed, reopened, a finding recorded
-- or its remedy updated; who and when.
create table reform_task_events (
  id          bigint generated always as identity primary key,
  task_id     uuid not null references reform_tasks (id),
  type        text not null check (type in ('created', 'imported', 'edited', 'progress', 'completed', 'reopened', 'finding', 'remedy')),
  note        text,
  actor_id    uuid references users (id),
  actor_name  text,
  at          timestamptz not null default now()
);
create index reform_task_events_task_idx on reform_task_events (task_id, id);

-- An inspection's findings (phát hiện qua kiểm tra), each with whether it has been put right.
create table reform_task_findings (
  id           uuid primary key default gen_random_uuid(),
  task_id      uuid not null references reform_tasks (id),
  position     integer not null check (position > 0),
  content      text not null,
  remedy       text not null default 'open' check (remedy in ('open', 'remedying', 'remedied')),
  remedy_note  text,
  updated_at   timestamptz not null default now(),
  unique (task_id, position)
);

-- One reminder per (task, deadline, kind): a restarted or second job finds the key taken and writes nothing; a
-- deadline moved later is a new key.
create table reform_task_warnings (
  task_id     uuid not null references reform_tasks (id),
  deadline    date not null,
  kind        text not null check (kind in ('dueSoon', 'overdue')),
  unit_code   text not null,
  created_at  timestamptz not null default now(),
  primary key (task_id, deadline, kind)
);

-- The officials' bell and the notification outbox now also hold a reform task's reminders.
alter table official_notifications add column reform_task_id uuid references reform_tasks (id);
alter table official_notifications drop constraint official_notifications_subject_check;
alter table official_notifications add constraint official_notifications_subject_check
  check (dossier_id is not null or feedback_id is not null or reform_task_id is not null);
alter table official_notifications drop constraint official_notifications_kind_check;
alter table official_notifications add constraint official_notifications_kind_check
  check (kind in ('dueSoon', 'overdue', 'supplementUploaded', 'feedbackDueSoon', 'feedbackOverdue', 'reformTaskDueSoon', 'reformTaskOverdue'));

alter table notification_outbox add column reform_task_id uuid references reform_tasks (id);
alter table notification_outbox drop constraint notification_outbox_subject_check;
alter table notification_outbox add constraint notification_outbox_subject_check
  check (dossier_id is not null or feedback_id is not null or reform_task_id is not null);
