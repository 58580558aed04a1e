/**
 * Answers the due-date calculator reuses within a visit: the special days of a year (per scope) and
 * the office hours of a unit. A failed request is forgotten so that it can be tried again; a change made
 * in the back office forgets everything.
 */
import type { CalendarDay } from '../../../../domain/calendar/holidays.js';
import { fetchHolidays, type HolidaysResponse } from './calendar-api.js';
import { fetchOfficeHours, type OfficeHoursResponse } from './office-hours-api.js';

const years = new Map<string, Promise<HolidaysResponse>>();
const officeHours = new Map<string, Promise<OfficeHoursResponse>>();

function remember<T>(cache: Map<string, Promise<T>>, key: string, load: () => Promise<T>): Promise<T> {
  let pending = cache.get(key);
  if (!pending) {
    pending = load();
    cache.set(key, pending);
    pending.catch(() => cache.delete(key));
  }
  return pending;
}

/** The special days of `year` that apply to `unitCode` (its province's schedule, else the national one). */
export function loadYear(year: number, unitCode: string | null): Promise<HolidaysResponse> {
  return remember(years, `${unitCode ?? ''}|${year}`, () => fetchHolidays(year, unitCode));
}

export async function loadYearDays(year: number, unitCode: string | null): Promise<readonly CalendarDay[]> {
  return (await loadYear(year, unitCode)).days;
}

export function loadOfficeHours(unitCode: string): Promise<OfficeHoursResponse> {
  return remember(officeHours, unitCode, () => fetchOfficeHours(unitCode));
}

/** After a schedule or office hours change: the next calculation asks the server again. */
export function forgetCalendarAnswers(): void {
  years.clear();
  officeHours.clear();
}
