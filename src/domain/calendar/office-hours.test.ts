import { describe, expect, it } from 'vitest';
import { formatOfficeHours, minuteOfDay, parseOfficeHours } from './office-hours.js';
import { computeDue, DEFAULT_OFFICE_HOURS } from './working-time.js';
import { WorkingCalendar } from './working-calendar.js';
import { jdnFromIso } from './civil-date.js';

const at = (date: string, time: string) => jdnFromIso(date) * 1440 + (minuteOfDay(time) ?? Number.NaN);

describe('office hours as text', () => {
  it('round-trips the default hours', () => {
    const text = formatOfficeHours(DEFAULT_OFFICE_HOURS);
    expect(text).toEqual({
      intervals: [
        { start: '07:00', end: '11:30' },
        { start: '13:30', end: '17:00' },
      ],
      cutoff: '15:00',
    });
    const parsed = parseOfficeHours(text);
    expect(parsed.ok && parsed.hours).toEqual({
      intervals: [
        [420, 690],
        [810, 1020],
      ],
      cutoffMinute: 900,
    });
  });

  it('refuses bad times, reversed or overlapping intervals and too short a day, with Vietnamese messages', () => {
    const bad = (input: Parameters<typeof parseOfficeHours>[0]) => {
      const result = parseOfficeHours(input);
      return result.ok ? [] : result.problems.map((p) => p.path);
    };
    expect(bad({ intervals: [], cutoff: null })).toEqual(['intervals']);
    expect(bad({ intervals: [{ start: '7:00', end: '11:30' }], cutoff: null })).toEqual(['intervals.0.start']);
    expect(bad({ intervals: [{ start: '11:30', end: '07:00' }], cutoff: null })).toEqual(['intervals.0.end']);
    expect(
      bad({
        intervals: [
          { start: '07:00', end: '12:00' },
          { start: '11:00', end: '17:00' },
        ],
        cutoff: null,
      }),
    ).toEqual(['intervals.1.start']);
    expect(bad({ intervals: [{ start: '07:00', end: '07:30' }], cutoff: null })).toEqual(['intervals']);
    expect(bad({ intervals: [{ start: '07:00', end: '11:00' }], cutoff: '25:00' })).toEqual(['cutoff']);
    const result = parseOfficeHours({ intervals: [{ start: '11:30', end: '07:00' }], cutoff: null });
    expect(!result.ok && result.problems[0]?.message).toBe('Giờ kết thúc 07:00 phải sau giờ bắt đầu 11:30');
  });

  it('drives the engine: a unit working 07:30–11:30 and 13:00–17:00 with no cut-off', () => {
    const parsed = parseOfficeHours({
      intervals: [
        { start: '07:30', end: '11:30' },
        { start: '13:00', end: '17:00' },
      ],
      cutoff: null,
    });
    if (!parsed.ok) throw new Error('expected valid hours');
    const calendar = new WorkingCalendar();
    // Monday 16:00 + 1 working day: no cut-off, so counting starts at once; 1 hour today, 7 hours tomorrow → Tuesday 16:00.
    expect(computeDue(calendar, parsed.hours, at('2026-11-23', '16:00'), 1, 'working_days').dueAtLocal).toBe(at('2026-11-24', '16:00'));
    // With the default 15:00 cut-off the same acceptance starts at Tuesday 07:00: a full working day ends Tuesday 17:00.
    expect(computeDue(calendar, DEFAULT_OFFICE_HOURS, at('2026-11-23', '16:00'), 1, 'working_days').dueAtLocal).toBe(at('2026-11-24', '17:00'));
  });
});
