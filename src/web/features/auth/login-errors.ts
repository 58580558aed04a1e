import type { ApiError } from '../../shared/api.js';

export interface FieldErrors {
  username?: string;
  password?: string;
}

/** Maps VALIDATION_FAILED details `[{ path, message }]` onto the two login fields. */
export function fieldErrorsFrom(error: ApiError): FieldErrors {
  if (error.code !== 'VALIDATION_FAILED' || !Array.isArray(error.details)) return {};
  const result: FieldErrors = {};
  for (const item of error.details as unknown[]) {
    if (typeof item !== 'object' || item === null) continue;
    const { path, message } = item as { path?: unknown; message?: unknown };
    if (typeof message !== 'string' || typeof path !== 'string') continue;
    const field = path.replace(/^\/?(body[./])?/, '');
    if ((field === 'username' || field === 'password') && !result[field]) result[field] = message;
  }
  return result;
}
