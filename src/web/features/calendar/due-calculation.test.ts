import { describe, expect, it } from 'vitest';
import { defaultHolidays, type CalendarDay } from '../../../domain/calendar/holidays.js';
import { DEFAULT_OFFICE_HOURS } from '../../../domain/calendar/working-time.js';
import { formatLocalDateTime } from './calendar-format.js';
import { calculateDue, DueOutOfRangeError, initialYears, tryComputeDue, yearOfLocal } from './due-calculation.js';
import { localMinutesFrom } from './time-of-day.js';

const yearsOf = (...years: number[]) => new Map<number, readonly CalendarDay[]>(years.map((y) => [y, defaultHolidays(y)]));
const at = (date: string, time: string) => localMinutesFrom(date, time) as number;

describe('tryComputeDue', () => {
  it('Monday 09:00 + 1 working day is Tuesday 09:00', () => {
    const attempt = tryComputeDue({ startLocal: at('2026-11-30', '09:00'), amount: 1, unit: 'working_days', hours: DEFAULT_OFFICE_HOURS }, yearsOf(2026, 2027));
    expect(attempt.ok).toBe(true);
    if (!attempt.ok) return;
    expect(formatLocalDateTime(attempt.result.dueAtLocal)).toBe('Thứ Ba, 01/12/2026 lúc 09:00');
    expect(attempt.result.explanation.at(-1)?.kind).toBe('due');
  });

  it('skips the days of the schedule it is given, and names them', () => {
    const schedule = new Map<number, readonly CalendarDay[]>([[2026, [{ date: '2026-12-01', name: 'Ngày nghỉ thử nghiệm', kind: 'holiday' }]]]);
    const attempt = tryComputeDue({ startLocal: at('2026-11-30', '09:00'), amount: 1, unit: 'working_days', hours: DEFAULT_OFFICE_HOURS }, schedule);
    expect(attempt.ok).toBe(true);
    if (!attempt.ok) return;
    expect(formatLocalDateTime(attempt.result.dueAtLocal)).toBe('Thứ Tư, 02/12/2026 lúc 09:00');
    expect(attempt.result.explanation.map((s) => s.text).join('\n')).toContain('Ngày nghỉ thử nghiệm');
  });

  it('reports the years it needed but did not have', () => {
    const attempt = tryComputeDue({ startLocal: at('2026-12-30', '09:00'), amount: 10, unit: 'working_days', hours: DEFAULT_OFFICE_HOURS }, yearsOf(2026));
    expect(attempt).toEqual({ ok: false, missingYears: [2027] });
  });

  it('uses the office hours it is given', () => {
    const hours = { intervals: [[8 * 60, 12 * 60]] as [number, number][], cutoffMinute: null };
    const attempt = tryComputeDue({ startLocal: at('2026-11-30', '09:00'), amount: 2, unit: 'working_hours', hours }, yearsOf(2026));
    expect(attempt.ok && formatLocalDateTime(attempt.result.dueAtLocal)).toBe('Thứ Hai, 30/11/2026 lúc 11:00');
  });
});

describe('initialYears', () => {
  it('is the start year and the next', () => {
    expect(yearOfLocal(at('2026-12-31', '23:59'))).toBe(2026);
    expect(initialYears(at('2026-12-31', '23:59'))).toEqual([2026, 2027]);
  });
});

describe('calculateDue', () => {
  const loader = (requested: number[]) => async (year: number) => {
    requested.push(year);
    return { days: defaultHolidays(year), source: 'default', scope: 'national' };
  };

  it('fetches the start year and the next, then any further year the calendar walks into', async () => {
    const requested: number[] = [];
    const input = { startLocal: at('2026-12-30', '09:00'), amount: 300, unit: 'working_days' as const, hours: DEFAULT_OFFICE_HOURS };
    const { result, schedules } = await calculateDue(input, loader(requested));
    expect(requested.slice(0, 2).sort()).toEqual([2026, 2027]);
    expect(requested).toContain(2028);
    expect(yearOfLocal(result.dueAtLocal)).toBe(2028);
    expect(schedules.map((s) => s.year)).toEqual([2026, 2027, 2028]);
  });

  it('agrees with the synchronous computation', async () => {
    const input = { startLocal: at('2026-11-30', '09:00'), amount: 1, unit: 'working_days' as const, hours: DEFAULT_OFFICE_HOURS };
    const { result, schedules } = await calculateDue(input, loader([]));
    expect(formatLocalDateTime(result.dueAtLocal)).toBe('Thứ Ba, 01/12/2026 lúc 09:00');
    expect(schedules).toEqual([{ year: 2026, source: 'default', scope: 'national' }]);
  });

  it('refuses a due date beyond the last year with a calendar', async () => {
    const input = { startLocal: at('2099-06-01', '09:00'), amount: 12, unit: 'months' as const, hours: DEFAULT_OFFICE_HOURS };
    await expect(calculateDue(input, loader([]))).rejects.toBeInstanceOf(DueOutOfRangeError);
  });
});
