import { describe, expect, it } from 'vitest';
import { currentYearInVietnam, DAY_KIND_LABELS, formatDateWithWeekday, formatDuration, formatLocalDateTime, weekdayOfIsoDate } from './calendar-format.js';
import { localMinutesFrom } from './time-of-day.js';

describe('weekdays in Vietnamese', () => {
  it('names every day from Thứ Hai to Chủ nhật', () => {
    const week = ['2026-11-30', '2026-12-01', '2026-12-02', '2026-12-03', '2026-12-04', '2026-12-05', '2026-12-06'];
    expect(week.map(weekdayOfIsoDate)).toEqual(['Thứ Hai', 'Thứ Ba', 'Thứ Tư', 'Thứ Năm', 'Thứ Sáu', 'Thứ Bảy', 'Chủ nhật']);
  });

  it('has no weekday for an unreadable date', () => {
    expect(weekdayOfIsoDate('2026-02-30')).toBeNull();
  });
});

describe('formatDateWithWeekday', () => {
  it('writes dd/MM/yyyy after the weekday', () => {
    expect(formatDateWithWeekday('2026-09-02')).toBe('Thứ Tư, 02/09/2026');
    expect(formatDateWithWeekday('2031-01-01')).toBe('Thứ Tư, 01/01/2031');
  });

  it('leaves an unreadable value as it is', () => {
    expect(formatDateWithWeekday('không rõ')).toBe('không rõ');
  });
});

describe('formatLocalDateTime', () => {
  it('writes a due date-time as "Thứ Ba, 24/11/2026 lúc 09:00"', () => {
    expect(formatLocalDateTime(localMinutesFrom('2026-11-24', '09:00') as number)).toBe('Thứ Ba, 24/11/2026 lúc 09:00');
    expect(formatLocalDateTime(localMinutesFrom('2027-01-03', '16:05') as number)).toBe('Chủ nhật, 03/01/2027 lúc 16:05');
  });
});

describe('DAY_KIND_LABELS', () => {
  it('labels the three kinds of special day', () => {
    expect(DAY_KIND_LABELS).toEqual({ holiday: 'Nghỉ lễ, Tết', substitute: 'Nghỉ bù, nghỉ hoán đổi', makeUpWorkingDay: 'Làm bù' });
  });
});

describe('currentYearInVietnam', () => {
  it('turns the year at midnight Vietnam time, not UTC', () => {
    expect(currentYearInVietnam(new Date('2026-12-31T16:59:00Z'))).toBe(2026);
    expect(currentYearInVietnam(new Date('2026-12-31T17:00:00Z'))).toBe(2027);
  });
});

describe('formatDuration', () => {
  it('writes hours and minutes in Vietnamese', () => {
    expect(formatDuration(480)).toBe('8 giờ');
    expect(formatDuration(450)).toBe('7 giờ 30 phút');
    expect(formatDuration(45)).toBe('45 phút');
  });
});
