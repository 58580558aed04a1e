-- Documents signed elsewhere (issue 19): a PDF attached to a dossier is checked for signatures when it arrives,
-- and what the check found (verdict, signers, problems) is kept with the file for the desk officer to see.
alter table dossier_files add column signature_check jsonb;
