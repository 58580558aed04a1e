-- The public list of answered feedback is read newest first with the code as the tie-break (stable pages): an index in
-- that very order lets a search for a common word stop after the page's matches instead of sorting all of them, and
-- the capped count stop after its bound (application/feedback/public-feedback.ts).
create index feedback_items_public_order on feedback_items (published_at desc, code) where status = 'published';
