-- Yearly calendar schedules published by the government (days off, substitute days, make-up working
-- Saturdays). A stored year replaces the Labour Code defaults for that year; `scope` is 'national' or a
-- province's unit code where the province's schedule differs.

create table calendar_years (
  scope       text not null,
  year        integer not null check (year between 1901 and 2099),
  source      text not null,
  updated_at  timestamptz not null default now(),
  primary key (scope, year)
);

create table calendar_days (
  scope  text not null,
  year   integer not null,
  date   date not null,
  name   text not null,
  kind   text not null check (kind in ('holiday', 'substitute', 'makeUpWorkingDay')),
  primary key (scope, date),
  foreign key (scope, year) references calendar_years (scope, year) on delete cascade,
  check (extract(year from date) = year)
);
