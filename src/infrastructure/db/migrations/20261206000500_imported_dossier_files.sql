-- Files of dossiers imported in the national sync format (src/application/dossier/sync-import.ts). The format
-- carries each component file's SHA-256, type, size and link, not its bytes: an imported file row records that
-- the file was attached in the system the record came from, with no uploader here (like imported actions, which
-- have no user) and the link where its bytes are served (source_url; '' when the record gave none). Files
-- uploaded here keep their uploader and have no source_url.
alter table dossier_files alter column uploaded_by drop not null;
alter table dossier_files add column source_url text;
alter table dossier_files add constraint dossier_files_uploader_or_source check ((uploaded_by is null) = (source_url is not null));
