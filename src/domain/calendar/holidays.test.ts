import { describe, expect, it } from 'vitest';
import { defaultHolidays } from './holidays.js';
import { jdnFromIso, weekdayOfJdn } from './civil-date.js';

const dates = (year: number, kind?: string) =>
  defaultHolidays(year)
    .filter((d) => !kind || d.kind === kind)
    .map((d) => d.date);

describe('default holidays (Labour Code 2019, Art. 112)', () => {
  it('has the 11 days of 2026 by the default rules', () => {
    expect(dates(2026, 'holiday')).toEqual([
      '2026-01-01',
      '2026-02-16', // 29 tháng Chạp: the last day of Ất Tỵ
      '2026-02-17',
      '2026-02-18',
      '2026-02-19',
      '2026-02-20',
      '2026-04-26', // Giỗ Tổ, a Sunday
      '2026-04-30',
      '2026-05-01',
      '2026-09-02',
      '2026-09-03', // 2/9 is a Wednesday: the day after by default
    ]);
  });

  it('names the last day of the lunar year by its real lunar date (the 12th month has 29 or 30 days)', () => {
    const name = (date: string) => defaultHolidays(Number(date.slice(0, 4))).find((d) => d.date === date)?.name;
    expect(name('2026-02-16')).toBe('Tết Nguyên đán (29 tháng Chạp)');
    expect(name('2024-02-09')).toBe('Tết Nguyên đán (30 tháng Chạp)'); // Tết Giáp Thìn: 10/2/2024
    expect(name('2026-02-17')).toBe('Tết Nguyên đán (mùng 1)');
  });

  it('gives a substitute day for a holiday on a weekly rest day', () => {
    // 26/4/2026 (Giỗ Tổ) is a Sunday; Monday 27/4 is the substitute.
    expect(defaultHolidays(2026).filter((d) => d.kind === 'substitute')).toEqual([
      { date: '2026-04-27', name: 'Nghỉ bù Giỗ Tổ Hùng Vương (10/3 âm lịch)', kind: 'substitute' },
    ]);
    // 2022, as the government actually applied it: 1/1 Saturday → Monday 3/1; Giỗ Tổ Sunday 10/4 → Monday 11/4;
    // 30/4 Saturday and 1/5 Sunday → Monday 2/5 and Tuesday 3/5.
    expect(dates(2022, 'substitute')).toEqual(['2022-01-03', '2022-04-11', '2022-05-02', '2022-05-03']);
  });

  it('picks the day next to 2/9 that joins a weekend', () => {
    expect(dates(2025, 'holiday')).toContain('2025-09-01'); // 2/9 a Tuesday → Monday 1/9
    expect(dates(2024, 'holiday')).toContain('2024-09-03'); // 2/9 a Monday → Tuesday 3/9
    expect(dates(2021, 'holiday')).toContain('2021-09-03'); // 2/9 a Thursday → Friday 3/9
  });

  it('never puts a substitute day on a weekend or on another holiday', () => {
    for (let year = 2000; year <= 2060; year++) {
      const all = defaultHolidays(year);
      const holidays = new Set(all.filter((d) => d.kind === 'holiday').map((d) => d.date));
      for (const s of all.filter((d) => d.kind === 'substitute')) {
        expect(weekdayOfJdn(jdnFromIso(s.date))).toBeLessThan(5);
        expect(holidays.has(s.date)).toBe(false);
      }
      expect(new Set(all.map((d) => d.date)).size).toBe(all.length);
    }
  });
});
