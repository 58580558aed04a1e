-- Foundation: administrative tree, accounts, sessions and the tamper-evident audit trail.

create table units (
  code         text primary key,
  name         text not null,
  level        text not null check (level in ('province', 'department', 'commune', 'service_center', 'one_stop_desk', 'district')),
  parent_code  text references units (code),
  valid_from   date not null,
  valid_to     date,
  replaced_by  text[] not null default '{}',
  created_at   timestamptz not null default now(),
  check (valid_to is null or valid_to >= valid_from),
  check (parent_code is null or parent_code <> code)
);
create index units_parent_idx on units (parent_code);

create table users (
  id             uuid primary key default gen_random_uuid(),
  kind           text not null check (kind in ('official', 'applicant')),
  role           text not null check (role in ('citizen', 'organization', 'desk_officer', 'specialist', 'leader', 'monitor', 'admin')),
  username       text unique,
  password_hash  text,
  full_name      text not null,
  email          text,
  unit_code      text references units (code),
  -- Personal identification number (CCCD, 12 digits) of an applicant; personal data, never logged or shown publicly.
  personal_id    text unique,
  oidc_issuer    text,
  oidc_subject   text,
  disabled       boolean not null default false,
  created_at     timestamptz not null default now(),
  last_login_at  timestamptz,
  unique (oidc_issuer, oidc_subject),
  check (kind <> 'official' or (username is not null and password_hash is not null and unit_code is not null)),
  check (kind <> 'applicant' or role in ('citizen', 'organization')),
  check (personal_id is null or personal_id ~ '^[0-9]{12}$')
);
create index users_unit_idx on users (unit_code);

create table sessions (
  id_hash     text primary key,
  user_id     uuid not null references users (id) on delete cascade,
  created_at  timestamptz not null default now(),
  expires_at  timestamptz not null
);
create index sessions_user_idx on sessions (user_id);
create index sessions_expiry_idx on sessions (expires_at);

-- Append-only audit trail. Each record carries the hash of the previous one (hash chain);
-- audit_head holds the latest link and serialises writers with a row lock.
create table audit_log (
  seq          bigint primary key,
  at           timestamptz not null,
  actor_id     uuid,
  actor_role   text,
  actor_unit   text,
  action       text not null,
  target_type  text,
  target_id    text,
  ip           text,
  request_id   text not null,
  details      jsonb not null default '{}',
  prev_hash    text not null,
  hash         text not null unique
);
create index audit_log_at_idx on audit_log (at);
create index audit_log_actor_unit_idx on audit_log (actor_unit, seq);

create table audit_head (
  id    integer primary key check (id = 1),
  seq   bigint not null,
  hash  text not null
);
insert into audit_head (id, seq, hash) values (1, 0, repeat('0', 64));

create function audit_log_is_append_only() returns trigger language plpgsql as $$
begin
  raise exception 'audit_log is append-only (% refused)', tg_op using errcode = 'insufficient_privilege';
end;
$$;
create trigger audit_log_no_update before update or delete on audit_log
  for each row execute function audit_log_is_append_only();
create trigger audit_log_no_truncate before truncate on audit_log
  for each statement execute function audit_log_is_append_only();
