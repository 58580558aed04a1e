import type { Role } from '../../../../domain/access/roles.js';
import type { Unit } from '../../../../domain/units/unit.js';

export interface UnitsResponse {
  units: Unit[];
}

export interface UnitOfficial {
  id: string;
  username: string;
  fullName: string;
  role: Role;
}

export interface UnitOfficialsResponse {
  officials: UnitOfficial[];
}

export const UNITS_PATH = '/api/v1/units';

export function unitOfficialsPath(code: string): string {
  return `/api/v1/units/${encodeURIComponent(code)}/officials`;
}
