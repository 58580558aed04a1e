import { ERROR_MESSAGES, type AppErrorValue, type ErrorCode, type Result } from '../domain/errors/error-codes.js';
import { ERROR_STATUS } from './error-status.js';
import { z } from 'zod';

/** Thrown inside the HTTP layer only, to turn a refusal into the one error response shape. */
export class AppError extends Error {
  readonly statusCode: number;
  constructor(
    readonly code: ErrorCode,
    readonly details?: unknown,
  ) {
    super(ERROR_MESSAGES[code]);
    this.name = 'AppError';
    this.statusCode = ERROR_STATUS[code];
  }

  static from(error: AppErrorValue): AppError {
    return new AppError(error.code, error.details);
  }
}

export function unwrap<T>(result: Result<T>): T {
  if (!result.ok) throw AppError.from(result.error);
  return result.value;
}

export const ErrorResponse = z
  .object({
    error: z.object({
      code: z.string().describe('Stable machine-readable code'),
      message: z.string().describe('Vietnamese message for people'),
      details: z.unknown().optional(),
    }),
  })
  .meta({ id: 'ErrorResponse' });

export function errorBody(code: ErrorCode, details?: unknown) {
  return { error: { code, message: ERROR_MESSAGES[code], ...(details === undefined ? {} : { details }) } };
}
