-- Citizen feedback read from the feedback mailbox (issue 22, src/infrastructure/mail-inbox): the message's identity,
-- so that a message delivered twice (a sending server that did not hear our 250 sends it again) makes one item.
-- It is the Message-ID header, or "sha256:" and the hash of the message when it has none; null for other channels.
alter table feedback_items add column mail_message_id text;
create unique index feedback_items_mail_message on feedback_items (mail_message_id) where mail_message_id is not null;
