import { apiGet, apiRequest } from '../../../shared/api.js';

/** A working interval of the day, as "HH:mm" (24-hour, Vietnam time): [start, end). */
export interface OfficeInterval {
  start: string;
  end: string;
}

/** GET /api/v1/units/{code}/office-hours */
export interface OfficeHoursResponse {
  unitCode: string;
  intervals: OfficeInterval[];
  /** "HH:mm" after which an acceptance counts from the next working day; null for none. */
  cutoff: string | null;
  /** The unit whose setting applies (the unit itself or an ancestor); null for the system default. */
  inheritedFrom: string | null;
}

export interface OfficeHoursInput {
  intervals: OfficeInterval[];
  cutoff: string | null;
}

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
