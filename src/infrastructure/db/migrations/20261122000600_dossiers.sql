-- Dossiers: the header fixed at intake, the append-only history of actions (the truth), and a projection of
-- the folded state for queues and reports, updated in the same transaction as each action.

create table dossier_sequences (
  unit_code  text not null,
  day        date not null,
  last       integer not null,
  primary key (unit_code, day)
);

create table dossiers (
  id                    uuid primary key default gen_random_uuid(),
  code                  text not null unique,
  procedure_code        text not null,
  procedure_version_id  uuid not null references procedure_versions (id),
  channel               text not null check (channel in ('counter', 'online', 'postal')),
  unit_code             text not null references units (code),
  receiving_unit_code   text not null references units (code),
  location_independent  boolean not null default false,
  applicant_id          uuid references users (id),
  -- Personal data (name, personal id, address, phone, email): never in public views or logs.
  applicant             jsonb not null,
  components            jsonb not null default '[]',
  header                jsonb not null,
  submitted_at          timestamptz not null,
  created_by            uuid,
  -- Projection of the folded state.
  status                text not null,
  national_code         integer not null check (national_code between 1 and 10),
  last_seq              integer not null default 0,
  step_index            integer,
  current_unit_code     text,
  assignee_id           uuid,
  accepted_at           timestamptz,
  due_at                timestamptz,
  appointment_at        timestamptz,
  step_due_at           timestamptz,
  finished_at           timestamptz,
  returned_at           timestamptz,
  repeated_supplement   boolean not null default false,
  extensions            integer not null default 0,
  state                 jsonb not null
);
create index dossiers_current_unit_idx on dossiers (current_unit_code, status, step_due_at);
create index dossiers_receiving_idx on dossiers (receiving_unit_code, status);
create index dossiers_unit_idx on dossiers (unit_code, status);
create index dossiers_applicant_idx on dossiers (applicant_id, submitted_at desc);
create index dossiers_assignee_idx on dossiers (assignee_id) where assignee_id is not null;
create index dossiers_open_due_idx on dossiers (due_at) where national_code in (2, 4, 5, 6);

create table dossier_actions (
  dossier_id  uuid not null references dossiers (id),
  seq         integer not null check (seq >= 1),
  type        text not null,
  at          timestamptz not null,
  actor_id    uuid,
  actor_role  text,
  actor_unit  text,
  payload     jsonb not null,
  primary key (dossier_id, seq)
);

create function dossier_actions_are_append_only() returns trigger language plpgsql as $$
begin
  raise exception 'dossier_actions is append-only (% refused)', tg_op using errcode = 'insufficient_privilege';
end;
$$;
create trigger dossier_actions_append_only before update or delete on dossier_actions
  for each row execute function dossier_actions_are_append_only();
