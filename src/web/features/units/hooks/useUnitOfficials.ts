import { useApiQuery, type ApiQuery } from '../../../shared/hooks/useApiQuery.js';
import { unitOfficialsPath, type UnitOfficialsResponse } from '../api/units-api.js';

/** Officials of one unit; the server answers 403 FORBIDDEN_UNIT outside the caller's subtree. */
export function useUnitOfficials(code: string | null): ApiQuery<UnitOfficialsResponse> {
  return useApiQuery<UnitOfficialsResponse>(code === null ? null : unitOfficialsPath(code));
}
