/** What crosses the wire for the administrative units: the unit tree and a unit's officials. */
import { z } from 'zod';
import { OFFICIAL_ROLES } from '../domain/access/roles.js';
import { UNIT_CODE_PATTERN, UNIT_LEVELS } from '../domain/units/unit.js';
import { isoDate, text } from './text.js';

/** One unit as the API lists it and as `motcua units import` reads it. */
export const Unit = z
  .strictObject({
    code: z
      .string()
      .regex(UNIT_CODE_PATTERN, 'mã định danh phải có dạng 000.00.00.H00')
      .describe('Mã định danh điện tử của cơ quan, đơn vị (tiền tố của mã hồ sơ)'),
    name: text(300).trim().min(1),
    level: z.enum(UNIT_LEVELS),
    parentCode: z.string().nullable(),
    validFrom: isoDate.describe('yyyy-MM-dd'),
    validTo: isoDate.nullable().describe('yyyy-MM-dd; null while in force'),
    replacedBy: z.array(z.string()).default([]),
  })
  .meta({ id: 'Unit' });
export type Unit = z.infer<typeof Unit>;

/** GET /api/v1/units */
export const UnitList = z.object({ units: z.array(Unit) });
export type UnitList = z.infer<typeof UnitList>;

export const UnitCodeParams = z.strictObject({ code: text(32) });
export type UnitCodeParams = z.infer<typeof UnitCodeParams>;

/** GET /api/v1/units/{code}/procedures.pdf: the path's unit code. */
export const UnitListingParams = z.strictObject({ code: text(40).trim().min(1) });
export type UnitListingParams = z.infer<typeof UnitListingParams>;

export const UnitOfficial = z.object({ id: z.string(), username: z.string(), fullName: z.string(), role: z.enum(OFFICIAL_ROLES) });
export type UnitOfficial = z.infer<typeof UnitOfficial>;

/** GET /api/v1/units/{code}/officials */
export const UnitOfficialList = z.object({ officials: z.array(UnitOfficial) });
export type UnitOfficialList = z.infer<typeof UnitOfficialList>;
