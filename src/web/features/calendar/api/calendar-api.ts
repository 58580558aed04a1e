import type { CalendarDay } from '../../../../domain/calendar/holidays.js';
import { apiGet, apiRequest } from '../../../shared/api.js';

/** Lowest and highest years the server keeps a calendar for. */
export const YEAR_MIN = 1901;
export const YEAR_MAX = 2099;

/** Where a year's special days come from. */
export const DEFAULT_SOURCE = 'default';
export const NATIONAL_SCOPE = 'national';

/** GET /api/v1/calendar/holidays */
export interface HolidaysResponse {
  year: number;
  /** "default" for the Labour Code rules, otherwise the name of the published document. */
  source: string;
  /** "national", or the code of the province whose own schedule is in force. */
  scope?: string;
  /** A province's own days as stored (null for the national scope). */
  ownDays?: CalendarDay[] | null;
  days: CalendarDay[];
}

/** The answer to publishing or withdrawing a schedule. */
export interface YearScheduleSaved {
  year: number;
  /** "national" or the province code. */
  scope: string;
  /** Days stored for the scope. */
  days: number;
  /** Dates whose working status changed (`working`: what they are now). */
  changedDates: { date: string; working: boolean }[];
}

export function holidaysPath(year: number, unitCode?: string | null): string {
  const params = new URLSearchParams({ year: String(year) });
  if (unitCode) params.set('unitCode', unitCode);
  return `/api/v1/calendar/holidays?${params.toString()}`;
}

function yearPath(year: number, suffix: string, query: Record<string, string | null | undefined>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value) params.set(key, value);
  const search = params.toString();
  return `/api/v1/calendar/years/${year}${suffix}${search ? `?${search}` : ''}`;
}

export function fetchHolidays(year: number, unitCode?: string | null, signal?: AbortSignal): Promise<HolidaysResponse> {
  return apiGet<HolidaysResponse>(holidaysPath(year, unitCode), signal ? { signal } : {});
}

/** Publish a year's schedule, nationally or for one province (replaces what was there). */
export function saveYearSchedule(year: number, province: string | null, schedule: { source: string; days: CalendarDay[] }): Promise<YearScheduleSaved> {
  return apiRequest<YearScheduleSaved>('PUT', yearPath(year, '', { province }), { body: schedule });
}

/** Publish a year's schedule from an iCalendar (.ics) file's text. */
export function importYearIcal(year: number, province: string | null, source: string, ics: string): Promise<YearScheduleSaved> {
  return apiRequest<YearScheduleSaved>('PUT', yearPath(year, '/ical', { source, province }), {
    text: { content: ics, contentType: 'text/calendar' },
  });
}

/** Withdraw a year's published schedule: back to the defaults (or, for a province, to the national schedule). */
export function resetYearSchedule(year: number, province: string | null): Promise<YearScheduleSaved> {
  return apiRequest<YearScheduleSaved>('DELETE', yearPath(year, '', { province }));
}
