import { describe, expect, it } from 'vitest';
import { jdnFromIso } from './civil-date.js';
import { WorkingCalendar } from './working-calendar.js';
import { computeDue, DEFAULT_OFFICE_HOURS, localMinutesFromUtcMs, utcMsFromLocalMinutes, type DurationUnit } from './working-time.js';
import type { CalendarDay } from './holidays.js';
import { defaultHolidays } from './holidays.js';

const calendar = new WorkingCalendar();
const at = (iso: string, time: string) => {
  const [h, m] = time.split(':').map(Number);
  return jdnFromIso(iso) * 1440 + (h as number) * 60 + (m as number);
};
const fmt = (local: number) => {
  const jd = Math.floor(local / 1440);
  const minute = local - jd * 1440;
  return `${new Date((jd - 2440588) * 86_400_000).toISOString().slice(0, 10)} ${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
};
const due = (iso: string, time: string, amount: number, unit: DurationUnit = 'working_days', cal = calendar) =>
  fmt(computeDue(cal, DEFAULT_OFFICE_HOURS, at(iso, time), amount, unit).dueAtLocal);

describe('due dates in working time (convention: acceptance + N × 8 working hours)', () => {
  it('Monday 09:00 plus one working day is Tuesday 09:00', () => {
    expect(due('2026-11-23', '09:00', 1)).toBe('2026-11-24 09:00');
  });

  it('counts exactly to the opening, the lunch break and the closing', () => {
    expect(due('2026-11-23', '07:00', 1)).toBe('2026-11-23 17:00');
    expect(due('2026-11-23', '07:00', 4, 'working_hours')).toBe('2026-11-23 11:00');
    expect(due('2026-11-23', '07:00', 16, 'working_hours')).toBe('2026-11-24 17:00');
    expect(due('2026-11-23', '07:00', 9, 'working_hours')).toBe('2026-11-24 08:00');
    expect(due('2026-11-23', '07:00', 5, 'working_hours')).toBe('2026-11-23 14:00'); // 4 h 30 before lunch, 30 min after
    expect(due('2026-11-23', '06:30', 1)).toBe('2026-11-23 17:00'); // before opening: from 07:00
    expect(due('2026-11-23', '12:00', 1, 'working_hours')).toBe('2026-11-23 14:30'); // lunch: from 13:30
  });

  it('applies the 15:00 cut-off: at 14:59 the same day counts, at 15:00 the next day', () => {
    expect(due('2026-11-23', '14:59', 1, 'working_hours')).toBe('2026-11-23 15:59');
    expect(due('2026-11-23', '15:00', 1, 'working_hours')).toBe('2026-11-24 08:00');
    expect(due('2026-11-27', '16:00', 1)).toBe('2026-11-30 17:00'); // Friday after cut-off → Monday 07:00 + 8 h
  });

  it('skips weekends and holidays, and explains them', () => {
    // Wednesday 29/4/2026 10:00 + 3 working days: 30/4 and 1/5 off, weekend 2–3/5; Mon 4/5, Tue 5/5, Wed 6/5 → 10:00.
    const result = computeDue(calendar, DEFAULT_OFFICE_HOURS, at('2026-04-29', '10:00'), 3, 'working_days');
    expect(fmt(result.dueAtLocal)).toBe('2026-05-06 10:00');
    const texts = result.explanation.map((s) => s.text);
    expect(texts).toContain('Bỏ qua 30/04/2026: Ngày Chiến thắng (30/4)');
    expect(texts).toContain('Bỏ qua 01/05/2026: Ngày Quốc tế Lao động (1/5)');
    expect(texts).toContain('Không tính 2 ngày nghỉ cuối tuần');
    expect(texts.at(-1)).toBe('Hẹn trả kết quả lúc 10:00 ngày 06/05/2026 (thứ Tư)');
  });

  it('starts a dossier accepted on a day off at the next working opening', () => {
    const result = computeDue(calendar, DEFAULT_OFFICE_HOURS, at('2026-11-22', '10:00'), 1, 'working_days');
    expect(fmt(result.dueAtLocal)).toBe('2026-11-23 17:00');
    expect(result.explanation[1]?.kind).toBe('dayOff');
  });

  it('honours make-up working Saturdays and extra days off from a yearly schedule', () => {
    const schedule = (year: number): CalendarDay[] =>
      year === 2026
        ? [
            ...defaultHolidays(2026),
            { date: '2026-11-28', name: 'Làm bù', kind: 'makeUpWorkingDay' },
            { date: '2026-11-27', name: 'Nghỉ hoán đổi', kind: 'holiday' },
          ]
        : defaultHolidays(year);
    const swapped = new WorkingCalendar(schedule);
    expect(due('2026-11-26', '09:00', 1, 'working_days', swapped)).toBe('2026-11-28 09:00');
  });

  it('rolls calendar-day and month limits off days off, keeping the time', () => {
    expect(due('2026-11-20', '09:00', 2, 'calendar_days')).toBe('2026-11-23 09:00'); // Sunday → Monday
    expect(due('2026-01-31', '09:00', 1, 'months')).toBe('2026-03-02 09:00'); // 28/2 is a Saturday → Monday 2/3
  });

  it('lands calendar-day and month limits inside office hours when intake was outside them', () => {
    expect(due('2026-11-23', '03:59', 2, 'calendar_days')).toBe('2026-11-25 07:00'); // before opening → opening
    expect(due('2026-11-23', '12:15', 2, 'calendar_days')).toBe('2026-11-25 13:30'); // lunch → afternoon opening
    expect(due('2026-11-23', '21:40', 2, 'calendar_days')).toBe('2026-11-25 17:00'); // after closing → closing, same day
    expect(due('2026-11-20', '22:00', 2, 'calendar_days')).toBe('2026-11-23 17:00'); // Sunday → Monday, then closing
    expect(due('2026-01-31', '05:00', 1, 'months')).toBe('2026-03-02 07:00');
    expect(due('2026-11-23', '17:00', 2, 'calendar_days')).toBe('2026-11-25 17:00'); // the closing minute is inside
  });

  it('is monotonic and additive on a sample of starts', () => {
    for (let i = 0; i < 400; i++) {
      const start = at('2026-01-01', '00:00') + ((i * 7919) % (365 * 1440));
      const one = computeDue(calendar, DEFAULT_OFFICE_HOURS, start, 3, 'working_hours').dueAtLocal;
      const two = computeDue(calendar, DEFAULT_OFFICE_HOURS, start, 4, 'working_hours').dueAtLocal;
      expect(two).toBeGreaterThan(one);
      const stepwise = computeDue(
        calendar,
        DEFAULT_OFFICE_HOURS,
        computeDue(calendar, DEFAULT_OFFICE_HOURS, start, 1, 'working_hours').dueAtLocal,
        3,
        'working_hours',
      );
      // From a due instant inside office hours (and before the cut-off) counting continues without a jump.
      const fromDue = computeDue(calendar, DEFAULT_OFFICE_HOURS, start, 1, 'working_hours').dueAtLocal % 1440;
      if (fromDue < 15 * 60) expect(stepwise.dueAtLocal).toBe(two);
    }
  });

  it('converts between UTC and Vietnam local minutes', () => {
    const ms = Date.UTC(2026, 10, 23, 2, 0); // 09:00 in Vietnam
    expect(fmt(localMinutesFromUtcMs(ms))).toBe('2026-11-23 09:00');
    expect(utcMsFromLocalMinutes(localMinutesFromUtcMs(ms))).toBe(ms);
  });
});

describe('explanation order', () => {
  it('states the cut-off before the days off it skips', () => {
    // Wednesday 29/4/2026 16:00, after the cut-off: 30/4 and 1/5 are holidays, then the weekend.
    const result = computeDue(new WorkingCalendar(), DEFAULT_OFFICE_HOURS, jdnFromIso('2026-04-29') * 1440 + 16 * 60, 1, 'working_days');
    expect(result.explanation.map((s) => s.kind)).toEqual(['start', 'cutoff', 'dayOff', 'dayOff', 'weekends', 'due']);
    expect(result.explanation[1]?.text).toBe('Tiếp nhận sau 15:00: bắt đầu tính từ 07:00 ngày làm việc tiếp theo (04/05/2026)');
    expect(result.explanation[4]?.text).toBe('Không tính 2 ngày nghỉ cuối tuần');
  });
});
