import { z } from 'zod';

/** A string PostgreSQL can store: no NUL character (which it refuses with an error, not a 400). */
export function text(max: number) {
  return z.string().max(max).regex(/^[^\u0000]*$/, 'Không được chứa ký tự NUL');
}
