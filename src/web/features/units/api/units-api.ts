/** Paths of the units API (src/http/routes/units.ts); its shapes are the server's contract (src/contract/unit.ts). */
export type { UnitList as UnitsResponse, UnitOfficial, UnitOfficialList as UnitOfficialsResponse } from '../../../../contract/unit.js';

export const UNITS_PATH = '/api/v1/units';

export function unitOfficialsPath(code: string): string {
  return `/api/v1/units/${encodeURIComponent(code)}/officials`;
}
