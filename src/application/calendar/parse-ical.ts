/**
 * Reads a schedule of days off from iCalendar (RFC 5545), as published or exported by calendar tools.
 * Each VEVENT becomes one entry per day it covers (all-day events: DTSTART to DTEND exclusive).
 * The kind comes from `X-MOTCUA-KIND` or `CATEGORIES` (holiday, substitute, makeUpWorkingDay), else from
 * the summary: "làm bù" → make-up working day, "nghỉ bù" or "hoán đổi" → substitute, anything else → holiday.
 */
import ICAL from 'ical.js';
import { DAY_KINDS, type CalendarDay, type DayKind } from '../../domain/calendar/holidays.js';
import { civilFromJdn, isoFromJdn, jdnFromCivil } from '../../domain/calendar/civil-date.js';
import { fail, ok, type Result } from '../../domain/errors/error-codes.js';

const MAX_DAYS_PER_EVENT = 31;

function kindOf(component: ICAL.Component, summary: string): DayKind {
  const declared = [component.getFirstPropertyValue('x-motcua-kind'), ...component.getAllProperties('categories').flatMap((p) => p.getValues())]
    .map((v) => String(v ?? '').trim())
    .find((v): v is DayKind => (DAY_KINDS as readonly string[]).includes(v));
  if (declared) return declared;
  const text = summary.toLocaleLowerCase('vi');
  if (text.includes('làm bù')) return 'makeUpWorkingDay';
  if (text.includes('nghỉ bù') || text.includes('hoán đổi')) return 'substitute';
  return 'holiday';
}

export function parseIcalSchedule(text: string, year: number): Result<CalendarDay[]> {
  let root: ICAL.Component;
  try {
    root = new ICAL.Component(ICAL.parse(text));
  } catch (error) {
    return fail('VALIDATION_FAILED', [{ path: 'body', message: `Tệp iCalendar không hợp lệ: ${(error as Error).message}` }]);
  }
  const days: CalendarDay[] = [];
  const problems: { path: string; message: string }[] = [];
  let events: ICAL.Component[];
  try {
    events = root.getAllSubcomponents('vevent');
  } catch (error) {
    return fail('VALIDATION_FAILED', [{ path: 'body', message: `Tệp iCalendar không hợp lệ: ${(error as Error).message}` }]);
  }
  events.forEach((component, index) => {
    try {
      readEvent(component, index);
    } catch (error) {
      // A malformed property (a date that is no date, a broken value) is that event's problem, not a crash.
      problems.push({ path: `vevent.${index}`, message: `Sự kiện không đọc được: ${(error as Error).message}` });
    }
  });
  function readEvent(component: ICAL.Component, index: number): void {
    const event = new ICAL.Event(component);
    const summary = (event.summary ?? '').trim() || 'Ngày nghỉ';
    if (!event.startDate) {
      problems.push({ path: `vevent.${index}`, message: 'Thiếu DTSTART' });
      return;
    }
    const start = jdnFromCivil({ year: event.startDate.year, month: event.startDate.month, day: event.startDate.day });
    const endExclusive =
      event.endDate && event.startDate.isDate ? jdnFromCivil({ year: event.endDate.year, month: event.endDate.month, day: event.endDate.day }) : start + 1;
    if (endExclusive - start > MAX_DAYS_PER_EVENT || endExclusive <= start) {
      problems.push({ path: `vevent.${index}`, message: `"${summary}": khoảng ngày không hợp lệ` });
      return;
    }
    const kind = kindOf(component, summary);
    for (let jd = start; jd < endExclusive; jd++) {
      if (civilFromJdn(jd).year !== year) continue; // events of other years are ignored
      days.push({ date: isoFromJdn(jd), name: summary, kind });
    }
  }
  if (problems.length > 0) return fail('VALIDATION_FAILED', problems);
  return ok(days.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0)));
}
