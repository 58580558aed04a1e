-- Administrative-reform indices (issue 23, REFERENCE §6): schemes as data per year and level, rounds of
-- self-assessment with evidence, appraisal, and the results ranked within each level.

-- A scheme: fields → criteria → sub-criteria with their points, scoring methods and evidence asked for (JSON,
-- domain/par-index/scheme.ts). Edited against the version read; copied from last year's and amended.
create table par_schemes (
  id           uuid primary key default gen_random_uuid(),
  year         integer not null check (year between 2000 and 2100),
  level        text not null check (level in ('province', 'department', 'commune')),
  name         text not null check (length(name) between 3 and 300),
  definition   jsonb not null,
  copied_from  uuid references par_schemes (id),
  -- The unit that keeps it (the province's, for the department that made it): only the managers of its subtree see it.
  owner_unit   text not null references units (code),
  version      integer not null default 1 check (version >= 1),
  created_by   uuid references users (id),
  created_at   timestamptz not null default now(),
  updated_at   timestamptz not null default now(),
  unique (owner_unit, year, level, name)
);

-- A round assesses the units of the scheme's level for a year, with a deadline for the self-assessment.
create table par_rounds (
  id           uuid primary key default gen_random_uuid(),
  scheme_id    uuid not null references par_schemes (id),
  name         text not null check (length(name) between 3 and 300),
  year         integer not null check (year between 2000 and 2100),
  deadline     date not null,
  status       text not null default 'open' check (status in ('open', 'closed')),
  owner_unit   text not null references units (code),
  closed_at    timestamptz,
  closed_by    uuid references users (id),
  created_by   uuid references users (id),
  created_at   timestamptz not null default now()
);

-- One unit's assessment in a round (domain/par-index/assessment.ts).
create table par_assessments (
  round_id            uuid not null references par_rounds (id),
  unit_code           text not null references units (code),
  status              text not null default 'draft' check (status in ('draft', 'submitted', 'returned', 'appraised')),
  evidence_requested  boolean not null default false,
  evidence_note       text,
  submitted_at        timestamptz,
  submitted_by        uuid references users (id),
  appraised_at        timestamptz,
  -- Raised by every change: a change made against an older one is refused (PAR_ASSESSMENT_CHANGED).
  seq                 integer not null default 1,
  primary key (round_id, unit_code)
);

-- A sub-criterion's scores: the unit's answer and points (a figure's value as read when it was scored), and the
-- appraisers' points with their reason when they changed it.
create table par_scores (
  round_id          uuid not null,
  unit_code         text not null,
  sub_code          text not null,
  answer            jsonb,
  self_points       double precision check (self_points >= 0),
  self_note         text,
  appraised_points  double precision check (appraised_points >= 0),
  appraisal_reason  text,
  appraised_by      uuid references users (id),
  appraised_at      timestamptz,
  updated_at        timestamptz not null default now(),
  primary key (round_id, unit_code, sub_code),
  foreign key (round_id, unit_code) references par_assessments (round_id, unit_code),
  check (appraised_points is null or appraisal_reason is not null)
);

-- Evidence for a sub-criterion: a file (in the file store by its hash), a link to a legal document or to one of
-- motcua's own reports.
create table par_evidence (
  id            uuid primary key default gen_random_uuid(),
  round_id      uuid not null,
  unit_code     text not null,
  sub_code      text not null,
  kind          text not null check (kind in ('file', 'link')),
  name          text not null check (length(name) between 1 and 300),
  sha256        text,
  content_type  text,
  size          integer,
  url           text,
  created_by    uuid references users (id),
  created_at    timestamptz not null default now(),
  foreign key (round_id, unit_code) references par_assessments (round_id, unit_code),
  check ((kind = 'file') = (sha256 is not null)),
  check ((kind = 'link') = (url is not null))
);
create index par_evidence_sub on par_evidence (round_id, unit_code, sub_code);
