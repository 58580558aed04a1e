-- A short lookup key per dossier, printed on the receipt (form 01) and in its QR link: the public lookup by code
-- alone shows the status only, the detail (procedure, dates, steps) needs the key too, so that sequential codes
-- cannot be walked for a unit's day. 8 characters, drawn at random; existing dossiers get one now.
alter table dossiers add column lookup_key text not null default upper(substr(md5(random()::text || clock_timestamp()::text), 1, 8));
