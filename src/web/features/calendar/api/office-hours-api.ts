import type { OfficeHours, OfficeHoursBody } from '../../../../contract/calendar.js';
import { apiGet, apiRequest } from '../../../shared/api.js';

/**
 * GET /api/v1/units/{code}/office-hours: the intervals, the cut-off ("HH:mm", null for none) and the unit whose
 * setting applies (the unit itself or an ancestor; null for the system default).
 */
export type OfficeHoursResponse = OfficeHours;

/** A working interval of the day, as "HH:mm" (24-hour, Vietnam time): [start, end). */
export type OfficeInterval = OfficeHours['intervals'][number];

/** PUT /api/v1/units/{code}/office-hours */
export type OfficeHoursInput = OfficeHoursBody;

export function officeHoursPath(unitCode: string): string {
  return `/api/v1/units/${encodeURIComponent(unitCode)}/office-hours`;
}

export function fetchOfficeHours(unitCode: string, signal?: AbortSignal): Promise<OfficeHoursResponse> {
  return apiGet<OfficeHoursResponse>(officeHoursPath(unitCode), signal ? { signal } : {});
}

export function saveOfficeHours(unitCode: string, input: OfficeHoursInput): Promise<OfficeHoursResponse | undefined> {
  return apiRequest<OfficeHoursResponse | undefined>('PUT', officeHoursPath(unitCode), { body: input });
}

/** Remove the unit's own setting: it inherits from its parent units again. */
export function clearOfficeHours(unitCode: string): Promise<OfficeHoursResponse | undefined> {
  return apiRequest<OfficeHoursResponse | undefined>('DELETE', officeHoursPath(unitCode));
}
