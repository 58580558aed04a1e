-- A unit's own rule for a second supplement request during processing (REFERENCE §2.6: once only).
-- Absent: the nearest ancestor's rule applies, else the default (refused). Set by an administrator, audited.
create table unit_supplement_rules (
  unit_code                  text primary key references units (code),
  allow_repeated_supplement  boolean not null,
  updated_at                 timestamptz not null default now()
);
