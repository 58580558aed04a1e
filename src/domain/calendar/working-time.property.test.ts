import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { jdnFromIso } from './civil-date.js';
import { WorkingCalendar } from './working-calendar.js';
import { addWorkingTime, computeDue, DEFAULT_OFFICE_HOURS } from './working-time.js';

const calendar = new WorkingCalendar();
const from = jdnFromIso('2024-01-01') * 1440;
const to = jdnFromIso('2027-12-31') * 1440;
const instant = fc.integer({ min: from, max: to });
const hoursAmount = fc.integer({ min: 0, max: 400 });

const inOfficeHours = (local: number) => {
  const jd = Math.floor(local / 1440);
  const minute = local - jd * 1440;
  return calendar.isWorkingDay(jd) && DEFAULT_OFFICE_HOURS.intervals.some(([a, b]) => minute >= a && minute <= b);
};

describe('due dates, as properties over 2024–2027', () => {
  it('never fall outside office hours on a working day', () => {
    fc.assert(
      fc.property(instant, fc.integer({ min: 1, max: 60 }), (start, days) => {
        expect(inOfficeHours(computeDue(calendar, DEFAULT_OFFICE_HOURS, start, days, 'working_days', { explain: false }).dueAtLocal)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('never fall outside office hours on a working day, for every kind of time limit', () => {
    fc.assert(
      fc.property(instant, fc.integer({ min: 0, max: 60 }), fc.constantFrom('working_days', 'working_hours', 'calendar_days', 'months'), (start, n, unit) => {
        const due = computeDue(calendar, DEFAULT_OFFICE_HOURS, start, n, unit as 'working_days', { explain: false }).dueAtLocal;
        // A zero working-time limit is due at the effective start, which is inside office hours too.
        expect(inOfficeHours(due)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('are monotonic in the amount and in the start', () => {
    fc.assert(
      fc.property(instant, fc.integer({ min: 0, max: 5000 }), hoursAmount, hoursAmount, (start, later, a, b) => {
        const due = (s: number, n: number) => computeDue(calendar, DEFAULT_OFFICE_HOURS, s, n, 'working_hours', { explain: false }).dueAtLocal;
        const [small, big] = a <= b ? [a, b] : [b, a];
        expect(due(start, small)).toBeLessThanOrEqual(due(start, big));
        expect(due(start, a)).toBeLessThanOrEqual(due(start + later, a));
      }),
      { numRuns: 2000 },
    );
  });

  it('add up: counting a + b working hours equals counting a, then b more', () => {
    fc.assert(
      fc.property(instant, hoursAmount, hoursAmount, (start, a, b) => {
        const whole = computeDue(calendar, DEFAULT_OFFICE_HOURS, start, a + b, 'working_hours', { explain: false }).dueAtLocal;
        const first = computeDue(calendar, DEFAULT_OFFICE_HOURS, start, a, 'working_hours', { explain: false }).dueAtLocal;
        expect(addWorkingTime(calendar, DEFAULT_OFFICE_HOURS, first, b * 60)).toBe(whole);
      }),
      { numRuns: 2000 },
    );
  });

  it('give the same instant with and without the explanation', () => {
    fc.assert(
      fc.property(instant, fc.integer({ min: 0, max: 40 }), fc.constantFrom('working_days', 'working_hours', 'calendar_days', 'months'), (start, n, unit) => {
        const quiet = computeDue(calendar, DEFAULT_OFFICE_HOURS, start, n, unit as 'working_days', { explain: false });
        const told = computeDue(calendar, DEFAULT_OFFICE_HOURS, start, n, unit as 'working_days');
        expect(told.dueAtLocal).toBe(quiet.dueAtLocal);
        expect(told.explanation.at(-1)?.kind).toBe('due');
      }),
      { numRuns: 500 },
    );
  });
});
