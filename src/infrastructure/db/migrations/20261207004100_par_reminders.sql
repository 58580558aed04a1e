-- Reminders of a reform-index round's self-assessment deadline (issue 23 §2; application/par-index/remind-par-deadlines.ts):
-- to the officials of a unit that has not submitted, some days before the deadline and once it has passed. One row per
-- (round, unit, kind), written with the notifications it caused: never twice.
create table par_reminders (
  round_id    uuid not null,
  unit_code   text not null,
  kind        text not null check (kind in ('dueSoon', 'overdue')),
  created_at  timestamptz not null default now(),
  primary key (round_id, unit_code, kind),
  foreign key (round_id, unit_code) references par_assessments (round_id, unit_code)
);

-- The bell and the outbox now also hold a unit's assessment in a round.
alter table official_notifications add column par_round_id uuid references par_rounds (id);
alter table official_notifications add column par_unit_code text;
alter table official_notifications drop constraint official_notifications_subject_check;
alter table official_notifications add constraint official_notifications_subject_check
  check (dossier_id is not null or feedback_id is not null or reform_task_id is not null or (par_round_id is not null and par_unit_code is not null));
alter table official_notifications drop constraint official_notifications_kind_check;
alter table official_notifications add constraint official_notifications_kind_check
  check (kind in ('dueSoon', 'overdue', 'supplementUploaded', 'feedbackDueSoon', 'feedbackOverdue', 'reformTaskDueSoon', 'reformTaskOverdue', 'parDueSoon', 'parOverdue'));

alter table notification_outbox add column par_round_id uuid references par_rounds (id);
alter table notification_outbox drop constraint notification_outbox_subject_check;
alter table notification_outbox add constraint notification_outbox_subject_check
  check (dossier_id is not null or feedback_id is not null or reform_task_id is not null or par_round_id is not null);
