import { z } from 'zod';
import { Unit as UnitSchema } from '../../contract/unit.js';

/** One unit as the API lists it and as `motcua units import` reads it (the contract's schema). */
export { UnitSchema };

/** `GET /api/v1/units` output, or a bare array: what one instance exports another can import. */
export const UnitFileSchema = z.preprocess(
  (file) => (file && typeof file === 'object' && !Array.isArray(file) && 'units' in file ? file.units : file),
  z.array(UnitSchema),
);
