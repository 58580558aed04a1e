import { describe, expect, it } from 'vitest';
import { defaultHolidays, overlayDays, type CalendarDay } from './holidays.js';
import { WorkingCalendar, workingDayChanges } from './working-calendar.js';
import { jdnFromIso } from './civil-date.js';

const swap: CalendarDay[] = [
  { date: '2026-11-27', name: 'Nghỉ hoán đổi', kind: 'substitute' },
  { date: '2026-11-28', name: 'Làm bù', kind: 'makeUpWorkingDay' },
];

describe('working calendar', () => {
  it('makes a make-up Saturday a working day and a swapped Friday a day off', () => {
    const calendar = new WorkingCalendar(() => swap);
    expect(calendar.isWorkingDay(jdnFromIso('2026-11-27'))).toBe(false);
    expect(calendar.isWorkingDay(jdnFromIso('2026-11-28'))).toBe(true);
    expect(calendar.isWorkingDay(jdnFromIso('2026-11-29'))).toBe(false);
    expect(calendar.describe(jdnFromIso('2026-11-28'))?.name).toBe('Làm bù');
  });

  it('lists exactly the dates whose working status a new schedule changes', () => {
    expect(workingDayChanges(2026, [], swap)).toEqual([
      { date: '2026-11-27', working: false },
      { date: '2026-11-28', working: true },
    ]);
    expect(workingDayChanges(2026, swap, swap)).toEqual([]);
    // Renaming a day changes nothing; moving the 2/9 adjacent day from 3/9 to 1/9 changes both.
    const defaults = defaultHolidays(2026);
    const moved = defaults.map((d) => (d.date === '2026-09-03' ? { ...d, date: '2026-09-01' } : d));
    expect(workingDayChanges(2026, defaults, moved)).toEqual([
      { date: '2026-09-01', working: false },
      { date: '2026-09-03', working: true },
    ]);
  });

  it('overlays a province’s days on the national ones, date by date', () => {
    const national: CalendarDay[] = [
      { date: '2026-09-02', name: 'Quốc khánh (2/9)', kind: 'holiday' },
      { date: '2026-09-03', name: 'Quốc khánh (ngày liền kề)', kind: 'holiday' },
    ];
    const own: CalendarDay[] = [
      { date: '2026-09-03', name: 'Làm việc bình thường', kind: 'makeUpWorkingDay' },
      { date: '2026-11-27', name: 'Ngày nghỉ của tỉnh', kind: 'holiday' },
    ];
    expect(overlayDays(national, own).map((d) => `${d.date} ${d.kind}`)).toEqual(['2026-09-02 holiday', '2026-09-03 makeUpWorkingDay', '2026-11-27 holiday']);
  });
});
