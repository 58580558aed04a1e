-- Personal data at rest (Decree 13/2023; ADR 12): ID numbers are stored sealed (AES-256-GCM, key from
-- PERSONAL_DATA_KEY, never in the database) and found by a keyed hash. The clear values already stored are
-- sealed at the next start (application/personal-data-reseal.ts), users before the server answers, dossiers in
-- the background; until then they are read as they are.
alter table users drop constraint users_personal_id_check;
alter table users drop constraint users_personal_id_key;
alter table users rename column personal_id to personal_id_sealed;
alter table users add column personal_id_hash text;
create unique index users_personal_id_hash_key on users (personal_id_hash);
-- New writes must be sealed; rows written before are checked by the reseal, not by the constraint.
alter table users add constraint users_personal_id_sealed_check
  check (personal_id_sealed is null or (personal_id_sealed like 'pd1.%' and personal_id_hash is not null)) not valid;
alter table dossiers add constraint dossiers_applicant_personal_id_sealed_check
  check ((applicant ->> 'personalId') is null or (applicant ->> 'personalId') like 'pd1.%') not valid;

create table personal_data_reseal_requests (
  id            serial primary key,
  reason        text not null,
  requested_at  timestamptz not null default now()
);
insert into personal_data_reseal_requests (reason) values ('ID numbers stored in clear before sealing began');
