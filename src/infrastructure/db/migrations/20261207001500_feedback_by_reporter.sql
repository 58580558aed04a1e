-- "Phản ánh, kiến nghị của tôi" (issue 22): a citizen's own items, newest first, without reading the whole table.
create index feedback_items_reporter on feedback_items (reporter_user_id, received_at desc) where reporter_user_id is not null;
