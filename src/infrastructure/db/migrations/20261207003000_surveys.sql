-- The province's satisfaction survey (SIPAS-style; issue 23 §6, docs/SURVEY.md): rounds (đợt khảo sát) over a period
-- and units, the invitations of a random sample of the dossiers whose result was returned in the period (and of
-- applicants offered the survey on their dossier's page), and one answer per invitation on the five service elements.

create table survey_rounds (
  id            uuid primary key default gen_random_uuid(),
  name          text not null,
  period_from   date not null,
  period_to     date not null check (period_to >= period_from),
  -- The units whose subtrees the round covers (a dossier's competent unit lies within one of them).
  unit_codes    text[] not null,
  -- The margin of error e the sample was sized for, in basis points (500 = 5%).
  margin_bp     integer not null check (margin_bp between 1 and 10000),
  -- The questions as asked ({element, text, optional}[]; domain/survey/survey.ts).
  questions     jsonb not null,
  -- N: dossiers whose result was returned in the period, counted when the round opened, in all and per competent
  -- unit ({"000.00.31.H37": 120, …}); n = ceil(N / (1 + N·e²)) of them were drawn with the seed.
  population    integer not null check (population >= 0),
  populations   jsonb not null,
  sample_size   integer not null check (sample_size between 0 and population),
  seed          text not null,
  -- Invitations may be answered until the end of this day (Vietnam time), or until the round is closed.
  answer_by     date not null,
  status        text not null default 'open' check (status in ('open', 'closed')),
  opened_by     uuid references users (id),
  opened_at     timestamptz not null,
  closed_by     uuid references users (id),
  closed_at     timestamptz,
  check ((status = 'closed') = (closed_at is not null))
);

create table survey_invitations (
  id              uuid primary key default gen_random_uuid(),
  round_id        uuid not null references survey_rounds (id),
  -- A dossier is asked once, in one round. Null only for the demo's round (its dossiers are not seeded).
  dossier_id      uuid unique references dossiers (id),
  unit_code       text not null references units (code),
  procedure_code  text not null,
  -- When the dossier's result was returned: the month the monthly results count it in.
  returned_at     timestamptz not null,
  -- sample: drawn when the round opened; result: offered on the applicant's dossier page; demo: the demo's round.
  source          text not null check (source in ('sample', 'result', 'demo')),
  -- The single-use credential of the answering page (/khao-sat/{token}): only its SHA-256 is kept.
  token_hash      text not null unique,
  -- Whether an e-mail was queued in notification_outbox (the applicant gave an address); the address is not kept here.
  notified        boolean not null default false,
  created_at      timestamptz not null,
  answered_at     timestamptz,
  check (dossier_id is not null or source = 'demo')
);
create index survey_invitations_round_idx on survey_invitations (round_id);
create index survey_invitations_returned_idx on survey_invitations (returned_at);

-- One answer per invitation: scores 1–5 on the elements (feedback null when not asked or not answered), the element
-- the respondent most wants improved, and a comment. No one's identity is kept with it.
create table survey_answers (
  invitation_id   uuid primary key references survey_invitations (id),
  round_id        uuid not null references survey_rounds (id),
  unit_code       text not null references units (code),
  procedure_code  text not null,
  score_access    smallint not null check (score_access between 1 and 5),
  score_procedure smallint not null check (score_procedure between 1 and 5),
  score_official  smallint not null check (score_official between 1 and 5),
  score_result    smallint not null check (score_result between 1 and 5),
  score_feedback  smallint check (score_feedback between 1 and 5),
  expectation     text check (expectation in ('access', 'procedure', 'official', 'result', 'feedback')),
  comment         text,
  answered_at     timestamptz not null
);
create index survey_answers_round_idx on survey_answers (round_id);
create index survey_answers_answered_idx on survey_answers (answered_at);

-- The survey's frame: the dossiers whose result was returned in a period.
create index dossiers_returned_idx on dossiers (returned_at) where returned_at is not null;
