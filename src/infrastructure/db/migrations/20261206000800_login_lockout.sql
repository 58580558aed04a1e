-- Per-account lockout after failed passwords, with back-off (application/auth/login-official.ts). Keyed by the
-- username as typed (normalised), whether or not such an account exists, so that a lock tells nothing about
-- which accounts exist. A successful login removes the row.
create table login_failures (
  username         text primary key,
  failures         integer not null check (failures > 0),
  last_failure_at  timestamptz not null,
  locked_until     timestamptz
);
