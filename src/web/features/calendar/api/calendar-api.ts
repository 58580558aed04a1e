import type { Holidays, HolidaysQuery, IcalQuery, ProvinceQuery, ScheduleChange, YearScheduleBody } from '../../../../contract/calendar.js';
import { apiGet, apiRequest } from '../../../shared/api.js';

/** Lowest and highest years the server keeps a calendar for (the contract's YEAR_MIN and YEAR_MAX). */
export const YEAR_MIN = 1901;
export const YEAR_MAX = 2099;

/** Where a year's special days come from. */
export const DEFAULT_SOURCE = 'default';
export const NATIONAL_SCOPE = 'national';

/** GET /api/v1/calendar/holidays */
export type HolidaysResponse = Holidays;
/** The answer to publishing or withdrawing a schedule. */
export type YearScheduleSaved = ScheduleChange;

export function holidaysPath(year: number, unitCode?: string | null): string {
  const query: HolidaysQuery = { year, ...(unitCode ? { unitCode } : {}) };
  const params = new URLSearchParams({ year: String(query.year) });
  if (query.unitCode) params.set('unitCode', query.unitCode);
  return `/api/v1/calendar/holidays?${params.toString()}`;
}

function yearPath(year: number, suffix: string, query: ProvinceQuery | IcalQuery): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query) as [string, string | undefined][]) if (value) params.set(key, value);
  const search = params.toString();
  return `/api/v1/calendar/years/${year}${suffix}${search ? `?${search}` : ''}`;
}

export function fetchHolidays(year: number, unitCode?: string | null, signal?: AbortSignal): Promise<HolidaysResponse> {
  return apiGet<HolidaysResponse>(holidaysPath(year, unitCode), signal ? { signal } : {});
}

/** Publish a year's schedule, nationally or for one province (replaces what was there). */
export function saveYearSchedule(year: number, province: string | null, schedule: YearScheduleBody): Promise<YearScheduleSaved> {
  return apiRequest<YearScheduleSaved>('PUT', yearPath(year, '', { province: province ?? undefined }), { body: schedule });
}

/** Publish a year's schedule from an iCalendar (.ics) file's text. */
export function importYearIcal(year: number, province: string | null, source: string, ics: string): Promise<YearScheduleSaved> {
  return apiRequest<YearScheduleSaved>('PUT', yearPath(year, '/ical', { source, province: province ?? undefined }), {
    text: { content: ics, contentType: 'text/calendar' },
  });
}

/** Withdraw a year's published schedule: back to the defaults (or, for a province, to the national schedule). */
export function resetYearSchedule(year: number, province: string | null): Promise<YearScheduleSaved> {
  return apiRequest<YearScheduleSaved>('DELETE', yearPath(year, '', { province: province ?? undefined }));
}
