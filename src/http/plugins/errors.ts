/** One error shape for everything: validation, malformed bodies, unknown routes and bugs. */
import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError, errorBody } from '../app-error.js';
import type { ErrorCode } from '../../domain/errors/error-codes.js';

const FASTIFY_CODES: Record<string, ErrorCode> = {
  FST_ERR_CTP_INVALID_JSON_BODY: 'MALFORMED_BODY',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'MALFORMED_BODY',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'MALFORMED_BODY',
  FST_ERR_CTP_BODY_TOO_LARGE: 'BODY_TOO_LARGE',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_CTP_INVALID_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_VALIDATION: 'VALIDATION_FAILED',
};

interface ValidationIssue {
  path: string;
  message: string;
}

function validationDetails(error: FastifyError): ValidationIssue[] {
  const issues = (error.validation ?? []) as unknown as {
    instancePath?: string;
    message?: string;
    params?: { issue?: { path?: PropertyKey[]; code?: string; keys?: string[]; message?: string } };
  }[];
  const context = error.validationContext ?? 'body';
  return issues.map((i) => {
    const issue = i.params?.issue;
    const path = issue?.path?.length ? issue.path.map(String).join('.') : (i.instancePath ?? '').replace(/^\//, '').replace(/\//g, '.');
    const message =
      issue?.code === 'unrecognized_keys' ? `Trường không được phép: ${(issue.keys ?? []).join(', ')}` : (issue?.message ?? i.message ?? 'không hợp lệ');
    return { path: path ? `${context}.${path}` : context, message };
  });
}

export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof AppError) return reply.code(error.statusCode).send(errorBody(error.code, error.details));
    if (hasZodFastifySchemaValidationErrors(error) || error.validation) {
      return reply.code(400).send(errorBody('VALIDATION_FAILED', validationDetails(error)));
    }
    const mapped = error.code ? FASTIFY_CODES[error.code] : undefined;
    if (mapped) return reply.code(new AppError(mapped).statusCode).send(errorBody(mapped));
    if (error.statusCode === 429) return reply.code(429).send(errorBody('RATE_LIMITED'));
    if (error instanceof SyntaxError || (error.statusCode && error.statusCode >= 400 && error.statusCode < 500)) {
      // Any other client error Fastify detects while reading the request.
      return reply.code(error.statusCode ?? 400).send(errorBody('MALFORMED_BODY'));
    }
    // A safety net, not the rule: input must be refused before the database sees it. A data exception
    // (class 22: a value the column cannot hold) or a check violation still means the request was bad.
    const sqlState = (error as { code?: unknown }).code;
    if (typeof sqlState === 'string' && /^(22[0-9A-Z]{3}|23514)$/.test(sqlState)) {
      request.log.warn({ sqlState, constraint: (error as { constraint?: string }).constraint }, 'input refused by the database, not by validation');
      return reply.code(400).send(errorBody('VALIDATION_FAILED'));
    }
    request.log.error({ err: error }, 'unhandled error');
    return reply.code(500).send(errorBody('INTERNAL'));
  });
}
