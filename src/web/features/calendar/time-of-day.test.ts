import { describe, expect, it } from 'vitest';
import { jdnFromIso } from '../../../domain/calendar/civil-date.js';
import { dateAndTimeOf, formatTimeOfDay, isIsoDate, localMinutesFrom, nowInVietnam, parseTimeOfDay } from './time-of-day.js';

describe('parseTimeOfDay', () => {
  it('reads 24-hour HH:mm as minutes after midnight', () => {
    expect(parseTimeOfDay('00:00')).toBe(0);
    expect(parseTimeOfDay('09:30')).toBe(570);
    expect(parseTimeOfDay('23:59')).toBe(1439);
    expect(parseTimeOfDay(' 07:05 ')).toBe(425);
  });

  it('drops the seconds some browsers add to time inputs', () => {
    expect(parseTimeOfDay('09:30:00')).toBe(570);
    expect(parseTimeOfDay('09:30:15.500')).toBe(570);
  });

  it('refuses anything else', () => {
    for (const value of ['', '9:30', '24:00', '12:60', '0930', 'lúc 9 giờ', '09:30 SA']) expect(parseTimeOfDay(value), value).toBeNull();
  });
});

describe('formatTimeOfDay', () => {
  it('pads hours and minutes', () => {
    expect(formatTimeOfDay(0)).toBe('00:00');
    expect(formatTimeOfDay(425)).toBe('07:05');
    expect(formatTimeOfDay(1020)).toBe('17:00');
  });
});

describe('isIsoDate', () => {
  it('accepts only existing dates written yyyy-MM-dd', () => {
    expect(isIsoDate('2026-02-28')).toBe(true);
    expect(isIsoDate('2028-02-29')).toBe(true);
    expect(isIsoDate('2026-02-29')).toBe(false);
    expect(isIsoDate('30/11/2026')).toBe(false);
    expect(isIsoDate('')).toBe(false);
  });
});

describe('localMinutesFrom / dateAndTimeOf', () => {
  it('counts local minutes from the Julian day number, in Vietnam time', () => {
    expect(localMinutesFrom('2026-11-30', '09:00')).toBe(jdnFromIso('2026-11-30') * 1440 + 540);
  });

  it('round-trips the input values', () => {
    const local = localMinutesFrom('2026-08-28', '16:45');
    expect(local).not.toBeNull();
    expect(dateAndTimeOf(local as number)).toEqual({ date: '2026-08-28', time: '16:45' });
  });

  it('is null when the date or the time is unreadable', () => {
    expect(localMinutesFrom('2026-13-01', '09:00')).toBeNull();
    expect(localMinutesFrom('2026-11-30', '')).toBeNull();
  });
});

describe('nowInVietnam', () => {
  it('is the date and time in UTC+7, whatever the browser time zone', () => {
    // 17:30 UTC on 30/11 is 00:30 on 1/12 in Vietnam.
    expect(nowInVietnam(Date.parse('2026-11-30T17:30:59Z'))).toEqual({ date: '2026-12-01', time: '00:30' });
    expect(nowInVietnam(Date.parse('2026-11-30T02:00:00Z'))).toEqual({ date: '2026-11-30', time: '09:00' });
  });
});
