import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { HttpContext } from '../context.js';
import { ErrorResponse, errorBody } from '../app-error.js';
import { databaseAnswers } from '../../application/system/check-database.js';
import { Health, PortalSettings } from '../../contract/system.js';

export function healthRoutes(ctx: HttpContext) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    r.get(
      '/health',
      {
        config: { access: 'public' },
        schema: {
          tags: ['system'],
          summary: 'Tình trạng hệ thống',
          response: { 200: Health, 503: ErrorResponse },
        },
      },
      async (_request, reply) => {
        if (!(await databaseAnswers(ctx.deps))) return reply.code(503).send(errorBody('SERVICE_UNAVAILABLE', { database: 'unreachable' }));
        return { status: 'ok' as const, database: ctx.engine, version: ctx.version };
      },
    );
    r.get(
      '/portal/settings',
      {
        config: { access: 'public' },
        schema: {
          tags: ['system'],
          summary: 'Thiết lập công khai của cổng: số ngày giữ bản nháp hồ sơ chưa nộp trên thiết bị của người dân',
          response: { 200: PortalSettings },
        },
      },
      async () => ({ draftRetentionDays: ctx.config.DRAFT_RETENTION_DAYS }),
    );
  };
}
