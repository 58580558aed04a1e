-- Notices about citizen feedback (issue 22): early warnings to the handling unit before each deadline and once it
-- has passed (application/feedback/warn-feedback-deadlines.ts), and messages to the reporter when their item is
-- answered, refused, returned or needs a supplement. Both go through the tables dossiers use: the officials' bell
-- and the notification outbox, which now hold either a dossier or a feedback item.
alter table notification_outbox alter column dossier_id drop not null;
alter table notification_outbox add column feedback_id uuid references feedback_items (id);
alter table notification_outbox add constraint notification_outbox_subject_check check (dossier_id is not null or feedback_id is not null);

alter table official_notifications alter column dossier_id drop not null;
alter table official_notifications add column feedback_id uuid references feedback_items (id);
alter table official_notifications add constraint official_notifications_subject_check check (dossier_id is not null or feedback_id is not null);
alter table official_notifications drop constraint official_notifications_kind_check;
alter table official_notifications add constraint official_notifications_kind_check
  check (kind in ('dueSoon', 'overdue', 'supplementUploaded', 'feedbackDueSoon', 'feedbackOverdue'));

-- One warning per (item, milestone, deadline, kind): a handling clock started again by a supplement has a new
-- deadline and earns a new warning; a restarted or second job finds the key taken and writes nothing.
create table feedback_warnings (
  feedback_id  uuid not null references feedback_items (id),
  milestone    text not null check (milestone in ('refuse', 'supplement', 'handle', 'publish')),
  due_at       timestamptz not null,
  kind         text not null check (kind in ('dueSoon', 'overdue')),
  unit_code    text not null,
  created_at   timestamptz not null default now(),
  primary key (feedback_id, milestone, due_at, kind)
);

-- The outbox keeps a feedback item's messages in order, as it does a dossier's.
create index notification_outbox_feedback_pending_idx on notification_outbox (feedback_id, id) where status = 'pending' and feedback_id is not null;
