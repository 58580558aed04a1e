import { describe, expect, it } from 'vitest';
import { vietnamClock, vietnamDate, vietnamDateTime, vietnamFields, vietnamIso, vietnamLocalInput } from './vietnam-time.js';

describe('Vietnam time', () => {
  const lateEvening = new Date('2026-12-06T17:30:05.123Z'); // 00:30:05 on 7 December in Vietnam

  it('gives the local date, time and ISO form of an instant, across the UTC midnight', () => {
    expect(vietnamDate(lateEvening)).toBe('2026-12-07');
    expect(vietnamIso(lateEvening)).toBe('2026-12-07T00:30:05+07:00');
    expect(vietnamLocalInput(lateEvening.getTime())).toBe('2026-12-07T00:30');
    expect(vietnamClock(lateEvening)).toBe('00:30:05');
    expect(vietnamDateTime(lateEvening)).toBe('07/12/2026 00:30');
    expect(vietnamFields(lateEvening)).toEqual({ year: 2026, month: 12, day: 7, hours: 0, minutes: 30, seconds: 5 });
  });
});
