/**
 * Text is refused at the edge unless it is well-formed Unicode: a lone UTF-16 surrogate (`"\ud800"` in a
 * JSON string, valid JSON but no character at all) cannot be stored by PostgreSQL's json and jsonb, and would
 * surface as a 500 deep inside a use case. Every string and key of the parsed body, query string and path
 * parameters is checked before validation; the answer is the usual 400 VALIDATION_FAILED naming the field.
 * Refusing rather than replacing keeps what the sender meant from being changed silently (README, API).
 */
import type { FastifyInstance } from 'fastify';
import { AppError } from '../app-error.js';

const LONE_SURROGATE = /\p{Surrogate}/u;
const MAX_DEPTH = 64;

/** The path of the first string (or key) holding a lone surrogate, or null. */
export function illFormedPath(value: unknown, path: string, depth = 0): string | null {
  if (typeof value === 'string') return LONE_SURROGATE.test(value) ? path : null;
  if (value === null || typeof value !== 'object' || Buffer.isBuffer(value) || depth > MAX_DEPTH) return null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = illFormedPath(value[i], `${path}.${i}`, depth + 1);
      if (found) return found;
    }
    return null;
  }
  for (const [key, item] of Object.entries(value as Record<string, unknown>)) {
    if (LONE_SURROGATE.test(key)) return path;
    const found = illFormedPath(item, `${path}.${key}`, depth + 1);
    if (found) return found;
  }
  return null;
}

export function registerWellFormedText(app: FastifyInstance): void {
  app.addHook('preValidation', async (request) => {
    const found = illFormedPath(request.params, 'params') ?? illFormedPath(request.query, 'querystring') ?? illFormedPath(request.body, 'body');
    if (found) throw new AppError('VALIDATION_FAILED', [{ path: found, message: 'Chứa ký tự Unicode không hợp lệ (nửa cặp thay thế UTF-16)' }]);
  });
}
