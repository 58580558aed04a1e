-- Office hours per unit (a unit without a row uses its nearest ancestor's, then the system default),
-- and the government's published holiday schedules for 2025 and 2026 (national scope).

create table office_hours (
  unit_code      text primary key references units (code),
  -- [[startMinute, endMinute], ...] after midnight, ascending, not overlapping (validated by the domain).
  intervals      jsonb not null check (jsonb_typeof(intervals) = 'array'),
  cutoff_minute  integer check (cutoff_minute between 0 and 1440),
  updated_at     timestamptz not null default now()
);

-- 2025: Tết Ất Tỵ 25/1–2/2 (5 days off 27–31/1 between two weekends); 30/4–1/5 joined to the weekend by
-- swapping Friday 2/5 for Saturday 26/4; Quốc khánh 30/8–2/9 (adjacent day Monday 1/9).
insert into calendar_years (scope, year, source) values
  ('national', 2025, 'Lịch nghỉ lễ, Tết năm 2025 của công chức, viên chức do Thủ tướng Chính phủ đồng ý (đề xuất của Bộ Lao động – Thương binh và Xã hội), gồm hoán đổi ngày làm việc thứ Sáu 02/5/2025 sang thứ Bảy 26/4/2025')
on conflict do nothing;
insert into calendar_days (scope, year, date, name, kind) values
  ('national', 2025, '2025-01-01', 'Tết Dương lịch', 'holiday'),
  ('national', 2025, '2025-01-27', 'Tết Nguyên đán (28 tháng Chạp)', 'holiday'),
  ('national', 2025, '2025-01-28', 'Tết Nguyên đán (29 tháng Chạp)', 'holiday'),
  ('national', 2025, '2025-01-29', 'Tết Nguyên đán (mùng 1)', 'holiday'),
  ('national', 2025, '2025-01-30', 'Tết Nguyên đán (mùng 2)', 'holiday'),
  ('national', 2025, '2025-01-31', 'Tết Nguyên đán (mùng 3)', 'holiday'),
  ('national', 2025, '2025-04-07', 'Giỗ Tổ Hùng Vương (10/3 âm lịch)', 'holiday'),
  ('national', 2025, '2025-04-26', 'Làm bù cho ngày nghỉ hoán đổi 02/5/2025', 'makeUpWorkingDay'),
  ('national', 2025, '2025-04-30', 'Ngày Chiến thắng (30/4)', 'holiday'),
  ('national', 2025, '2025-05-01', 'Ngày Quốc tế Lao động (1/5)', 'holiday'),
  ('national', 2025, '2025-05-02', 'Nghỉ hoán đổi dịp 30/4 – 1/5 (làm bù thứ Bảy 26/4/2025)', 'substitute'),
  ('national', 2025, '2025-09-01', 'Quốc khánh (ngày liền kề)', 'holiday'),
  ('national', 2025, '2025-09-02', 'Quốc khánh (2/9)', 'holiday')
on conflict do nothing;

-- 2026: Tết Dương lịch 1–4/1 (Friday 2/1 swapped for Saturday 10/1, Công văn 12729/VPCP-KGVX of 25/12/2025);
-- Tết Bính Ngọ 14–22/2 (5 days off 16–20/2); Giỗ Tổ on Sunday 26/4, substitute Monday 27/4; 30/4–3/5;
-- Quốc khánh 29/8–2/9 (adjacent day Tuesday 1/9, Monday 31/8 swapped). The make-up Saturday for 31/8 could
-- not be established from the sources at hand: administrators should add it (docs/CALENDAR.md).
insert into calendar_years (scope, year, source) values
  ('national', 2026, 'Phương án nghỉ lễ, Tết năm 2026 của công chức, viên chức do Thủ tướng Chính phủ đồng ý (đề xuất của Bộ Nội vụ); Tết Dương lịch theo Công văn 12729/VPCP-KGVX ngày 25/12/2025')
on conflict do nothing;
insert into calendar_days (scope, year, date, name, kind) values
  ('national', 2026, '2026-01-01', 'Tết Dương lịch', 'holiday'),
  ('national', 2026, '2026-01-02', 'Nghỉ hoán đổi dịp Tết Dương lịch (làm bù thứ Bảy 10/01/2026)', 'substitute'),
  ('national', 2026, '2026-01-10', 'Làm bù cho ngày nghỉ hoán đổi 02/01/2026', 'makeUpWorkingDay'),
  ('national', 2026, '2026-02-16', 'Tết Nguyên đán (29 tháng Chạp)', 'holiday'),
  ('national', 2026, '2026-02-17', 'Tết Nguyên đán (mùng 1)', 'holiday'),
  ('national', 2026, '2026-02-18', 'Tết Nguyên đán (mùng 2)', 'holiday'),
  ('national', 2026, '2026-02-19', 'Tết Nguyên đán (mùng 3)', 'holiday'),
  ('national', 2026, '2026-02-20', 'Tết Nguyên đán (mùng 4)', 'holiday'),
  ('national', 2026, '2026-04-26', 'Giỗ Tổ Hùng Vương (10/3 âm lịch)', 'holiday'),
  ('national', 2026, '2026-04-27', 'Nghỉ bù Giỗ Tổ Hùng Vương (10/3 âm lịch)', 'substitute'),
  ('national', 2026, '2026-04-30', 'Ngày Chiến thắng (30/4)', 'holiday'),
  ('national', 2026, '2026-05-01', 'Ngày Quốc tế Lao động (1/5)', 'holiday'),
  ('national', 2026, '2026-08-31', 'Nghỉ hoán đổi dịp Quốc khánh', 'substitute'),
  ('national', 2026, '2026-09-01', 'Quốc khánh (ngày liền kề)', 'holiday'),
  ('national', 2026, '2026-09-02', 'Quốc khánh (2/9)', 'holiday')
on conflict do nothing;

-- Every change of a published schedule, with the dates whose working status it changed: open dossiers
-- whose counting crossed those dates are listed for review (appointments never change silently).
create table calendar_changes (
  id             bigint generated always as identity primary key,
  scope          text not null,
  year           integer not null,
  changed_dates  text[] not null,  -- yyyy-MM-dd
  changed_at     timestamptz not null default now(),
  actor_id       uuid,
  reviewed_at    timestamptz
);
create index calendar_changes_open_idx on calendar_changes (changed_at) where reviewed_at is null;
