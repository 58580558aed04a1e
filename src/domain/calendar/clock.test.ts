import { describe, expect, it } from 'vitest';
import { jdnFromIso } from './civil-date.js';
import { WorkingCalendar } from './working-calendar.js';
import { DEFAULT_OFFICE_HOURS, computeDue } from './working-time.js';
import { applyPauses, extendAppointment, workingMinutesBetween } from './clock.js';
import { judge } from '../dossier/timeliness.js';

const calendar = new WorkingCalendar();
const at = (iso: string, time: string) => {
  const [h, m] = time.split(':').map(Number);
  return jdnFromIso(iso) * 1440 + (h as number) * 60 + (m as number);
};

describe('clock stops for supplements', () => {
  it('counts only working time inside office hours', () => {
    expect(workingMinutesBetween(calendar, DEFAULT_OFFICE_HOURS, at('2026-11-23', '09:00'), at('2026-11-23', '15:00'))).toBe(150 + 90);
    // Friday 16:00 → Monday 08:00: 1 h on Friday, 1 h on Monday; the weekend counts nothing.
    expect(workingMinutesBetween(calendar, DEFAULT_OFFICE_HOURS, at('2026-11-27', '16:00'), at('2026-11-30', '08:00'))).toBe(120);
    expect(workingMinutesBetween(calendar, DEFAULT_OFFICE_HOURS, at('2026-11-28', '08:00'), at('2026-11-29', '18:00'))).toBe(0);
  });

  it('moves the due date later by the paused working time, and flags a second request', () => {
    const due = computeDue(calendar, DEFAULT_OFFICE_HOURS, at('2026-11-23', '09:00'), 3, 'working_days').dueAtLocal; // Thursday 26/11 09:00
    expect(due).toBe(at('2026-11-26', '09:00'));
    // Paused Tuesday 10:00 → Wednesday 10:00: 8 working hours → one working day later.
    const one = applyPauses(
      calendar,
      DEFAULT_OFFICE_HOURS,
      due,
      [{ from: at('2026-11-24', '10:00'), to: at('2026-11-25', '10:00') }],
      at('2026-11-25', '10:00'),
    );
    expect(one.dueAtLocal).toBe(at('2026-11-27', '09:00'));
    expect(one.pausedWorkingMinutes).toBe(480);
    expect(one.repeatedSupplement).toBe(false);
    expect(one.explanation[0]?.text).toBe('Tạm dừng tính thời gian chờ bổ sung hồ sơ: 8 giờ làm việc');
    const two = applyPauses(
      calendar,
      DEFAULT_OFFICE_HOURS,
      due,
      [
        { from: at('2026-11-24', '10:00'), to: at('2026-11-24', '11:00') },
        { from: at('2026-11-25', '14:00'), to: null },
      ],
      at('2026-11-25', '16:00'),
    );
    expect(two.pausedWorkingMinutes).toBe(60 + 120);
    expect(two.dueAtLocal).toBe(at('2026-11-26', '13:30') + 30); // 09:00 + 3 h → 14:00 across lunch
    expect(two.repeatedSupplement).toBe(true);
  });
});

describe('apology and new appointment', () => {
  const due = at('2026-11-26', '09:00'); // Thursday
  const later = at('2026-12-03', '09:00');
  it('keeps the original due date for timeliness and checks the lead time', () => {
    const timely = extendAppointment(calendar, DEFAULT_OFFICE_HOURS, {
      originalDueAtLocal: due,
      newAppointmentAtLocal: later,
      apologisedAtLocal: at('2026-11-25', '09:00'),
      previousExtensions: 0,
    });
    expect(timely).toEqual({ ok: true, appointmentAtLocal: later, dueForTimelinessAtLocal: due, apologyLate: false });
    const lastMinute = extendAppointment(calendar, DEFAULT_OFFICE_HOURS, {
      originalDueAtLocal: due,
      newAppointmentAtLocal: later,
      apologisedAtLocal: at('2026-11-25', '14:00'),
      previousExtensions: 0,
    });
    expect(lastMinute).toMatchObject({ ok: true, apologyLate: true });
    const afterDue = extendAppointment(calendar, DEFAULT_OFFICE_HOURS, {
      originalDueAtLocal: due,
      newAppointmentAtLocal: later,
      apologisedAtLocal: due + 60,
      previousExtensions: 0,
    });
    expect(afterDue).toMatchObject({ ok: true, apologyLate: true });
    // The finished dossier is still late against the original date.
    expect(
      judge(
        {
          status: 'resultReady',
          acceptedAt: due - 5 * 1440,
          finishedAt: at('2026-12-01', '10:00'),
          dueAt: due,
          extensions: 1,
          repeatedSupplement: false,
          pausedSince: null,
        },
        at('2026-12-02', '00:00'),
      )?.verdict,
    ).toBe('lateWithApology');
  });

  it('allows one new appointment, later than the original', () => {
    const base = { originalDueAtLocal: due, apologisedAtLocal: at('2026-11-24', '09:00') };
    expect(extendAppointment(calendar, DEFAULT_OFFICE_HOURS, { ...base, newAppointmentAtLocal: due, previousExtensions: 0 })).toEqual({
      ok: false,
      reason: 'NEW_DATE_NOT_LATER',
    });
    expect(extendAppointment(calendar, DEFAULT_OFFICE_HOURS, { ...base, newAppointmentAtLocal: later, previousExtensions: 1 })).toEqual({
      ok: false,
      reason: 'TOO_MANY_EXTENSIONS',
    });
    expect(
      extendAppointment(
        calendar,
        DEFAULT_OFFICE_HOURS,
        { ...base, newAppointmentAtLocal: later, previousExtensions: 1 },
        { apologyLeadWorkingDays: 1, maxExtensions: 2 },
      ),
    ).toMatchObject({ ok: true });
  });

  it('refuses a new appointment on a day off or outside office hours', () => {
    const base = { originalDueAtLocal: due, apologisedAtLocal: at('2026-11-24', '09:00'), previousExtensions: 0 };
    const refused = { ok: false, reason: 'NEW_DATE_OUTSIDE_OFFICE_HOURS' };
    expect(extendAppointment(calendar, DEFAULT_OFFICE_HOURS, { ...base, newAppointmentAtLocal: at('2026-11-29', '09:00') })).toEqual(refused); // Sunday
    expect(extendAppointment(calendar, DEFAULT_OFFICE_HOURS, { ...base, newAppointmentAtLocal: at('2026-11-28', '09:00') })).toEqual(refused); // Saturday
    expect(extendAppointment(calendar, DEFAULT_OFFICE_HOURS, { ...base, newAppointmentAtLocal: at('2027-01-01', '09:00') })).toEqual(refused); // New Year's Day
    expect(extendAppointment(calendar, DEFAULT_OFFICE_HOURS, { ...base, newAppointmentAtLocal: at('2026-11-30', '06:59') })).toEqual(refused); // before opening
    expect(extendAppointment(calendar, DEFAULT_OFFICE_HOURS, { ...base, newAppointmentAtLocal: at('2026-11-30', '12:00') })).toEqual(refused); // lunch break
    expect(extendAppointment(calendar, DEFAULT_OFFICE_HOURS, { ...base, newAppointmentAtLocal: at('2026-11-30', '17:01') })).toEqual(refused); // after closing
    expect(extendAppointment(calendar, DEFAULT_OFFICE_HOURS, { ...base, newAppointmentAtLocal: at('2026-11-30', '07:00') })).toMatchObject({ ok: true });
    expect(extendAppointment(calendar, DEFAULT_OFFICE_HOURS, { ...base, newAppointmentAtLocal: at('2026-11-30', '17:00') })).toMatchObject({ ok: true });
  });
});
