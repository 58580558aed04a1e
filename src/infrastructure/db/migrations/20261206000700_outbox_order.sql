-- The notification worker keeps one dossier's messages in the order they were written, across retries and
-- restarts: a message is claimed only while no earlier pending message of its dossier waits for a retry or is
-- leased by another attempt (infrastructure/mail/outbox-worker.ts). This index answers that question.
create index notification_outbox_dossier_pending_idx on notification_outbox (dossier_id, id) where status = 'pending';
