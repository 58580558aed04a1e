import { useApiQuery, type ApiQuery } from '../../../shared/hooks/useApiQuery.js';
import { holidaysPath, YEAR_MAX, YEAR_MIN, type HolidaysResponse } from '../api/calendar-api.js';

export function isCalendarYear(year: number | null): year is number {
  return year !== null && Number.isInteger(year) && year >= YEAR_MIN && year <= YEAR_MAX;
}

/** The special days of a year, for a province (its own schedule if it has one) or the whole country. */
export function useHolidays(year: number | null, provinceCode: string | null): ApiQuery<HolidaysResponse> {
  return useApiQuery<HolidaysResponse>(isCalendarYear(year) ? holidaysPath(year, provinceCode) : null);
}
