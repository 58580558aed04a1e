/**
 * The wire's text primitives, shared by every contract file and the server's other schemas (through
 * src/application/text-schema.ts): a real calendar date and a string PostgreSQL can store.
 */
import { z } from 'zod';
import { isRealIsoDate } from '../domain/calendar/civil-date.js';

// Validation messages in Vietnamese wherever the server parses with these schemas (the browser imports types only).
z.config(z.locales.vi());

/** A yyyy-MM-dd date that exists (no 2026-13-01, 2026-02-30 or 2025-02-29), in years 1900–9999. */
export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'ngày phải có dạng yyyy-MM-dd')
  .refine(isRealIsoDate, 'ngày không có thật (hoặc năm ngoài khoảng 1900–9999)');

/** A string PostgreSQL can store: no NUL character (which it refuses with an error, not a 400). */
export function text(max: number) {
  return z
    .string()
    .max(max)
    .regex(/^[^\u0000]*$/, 'Không được chứa ký tự NUL');
}
