import { z } from 'zod';

// Validation messages in Vietnamese everywhere zod is used on the server (API details, CLI reports).
z.config(z.locales.vi());

/** A string PostgreSQL can store: no NUL character (which it refuses with an error, not a 400). */
/** A yyyy-MM-dd date string (existence is checked where the date is used). */
export const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'ngày phải có dạng yyyy-MM-dd');

export function text(max: number) {
  return z.string().max(max).regex(/^[^\u0000]*$/, 'Không được chứa ký tự NUL');
}
