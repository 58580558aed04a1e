import { z } from 'zod';
import { UNIT_LEVELS, UNIT_CODE_PATTERN } from '../../domain/units/unit.js';
import { isoDate, text } from '../text-schema.js';

/** One unit as the API lists it and as `motcua units import` reads it. */
export const UnitSchema = z
  .strictObject({
    code: z.string().regex(UNIT_CODE_PATTERN, 'mã định danh phải có dạng 000.00.00.H00').describe('Mã định danh điện tử của cơ quan, đơn vị (tiền tố của mã hồ sơ)'),
    name: text(300).trim().min(1),
    level: z.enum(UNIT_LEVELS),
    parentCode: z.string().nullable(),
    validFrom: isoDate.describe('yyyy-MM-dd'),
    validTo: isoDate.nullable().describe('yyyy-MM-dd; null while in force'),
    replacedBy: z.array(z.string()).default([]),
  })
  .meta({ id: 'Unit' });

/** `GET /api/v1/units` output, or a bare array: what one instance exports another can import. */
export const UnitFileSchema = z.preprocess(
  (file) => (file && typeof file === 'object' && !Array.isArray(file) && 'units' in file ? file.units : file),
  z.array(UnitSchema),
);
