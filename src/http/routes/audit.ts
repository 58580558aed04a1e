import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { HttpContext } from '../context.js';
import { ErrorResponse, unwrap } from '../app-error.js';
import { listAuditRecords } from '../../application/audit/list-audit-records.js';
import { actorOf } from '../plugins/auth.js';
import { AuditPage, AuditQuery } from '../../contract/audit.js';

export function auditRoutes(ctx: HttpContext) {
  return async (app: FastifyInstance) => {
    app.withTypeProvider<ZodTypeProvider>().get(
      '/audit',
      {
        config: { access: { capability: 'audit.view' } },
        schema: {
          tags: ['audit'],
          summary: 'Nhật ký hệ thống (mới nhất trước), theo trang, lọc theo đơn vị, cán bộ, thao tác và khoảng ngày',
          querystring: AuditQuery,
          response: {
            200: AuditPage,
            400: ErrorResponse,
            401: ErrorResponse,
            403: ErrorResponse,
            404: ErrorResponse,
          },
        },
      },
      async (request) => {
        const { limit, beforeSeq, ...filter } = request.query;
        return unwrap(await listAuditRecords(ctx.deps, { actor: actorOf(request), limit, beforeSeq, filter }));
      },
    );
  };
}
