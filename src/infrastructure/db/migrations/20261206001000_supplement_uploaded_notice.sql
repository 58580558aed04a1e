-- A third kind of in-app notice: the applicant sent supplement files online while the dossier waited for them;
-- its assignee is told to check them and record the supplement as received (application/dossier/dossier-files.ts).
alter table official_notifications drop constraint official_notifications_kind_check;
alter table official_notifications add constraint official_notifications_kind_check check (kind in ('dueSoon', 'overdue', 'supplementUploaded'));
