import { useApiQuery, type ApiQuery } from '../../../shared/hooks/useApiQuery.js';
import { UNITS_PATH, type UnitsResponse } from '../api/units-api.js';

/** The whole administrative tree, historical units included (public endpoint). */
export function useUnits(): ApiQuery<UnitsResponse> {
  return useApiQuery<UnitsResponse>(UNITS_PATH);
}
