import { useApiQuery, type ApiQuery } from '../../../shared/hooks/useApiQuery.js';
import { officeHoursPath, type OfficeHoursResponse } from '../api/office-hours-api.js';

/** The office hours in force for a unit, and where they come from. */
export function useOfficeHours(unitCode: string | null): ApiQuery<OfficeHoursResponse> {
  return useApiQuery<OfficeHoursResponse>(unitCode === null ? null : officeHoursPath(unitCode));
}
