import { ERROR_MESSAGES, type AppErrorValue, type ErrorCode, type Result } from '../domain/errors/error-codes.js';
import { ERROR_STATUS } from './error-status.js';

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

export { ErrorResponse } from '../contract/error.js';

export function errorBody(code: ErrorCode, details?: unknown) {
  return { error: { code, message: ERROR_MESSAGES[code], ...(details === undefined ? {} : { details }) } };
}
