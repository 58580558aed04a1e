import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { HttpContext } from '../context.js';
import { ErrorResponse, unwrap } from '../app-error.js';
import { listAuditRecords } from '../../application/audit/list-audit-records.js';
import { actorOf } from '../plugins/auth.js';

const AuditRecord = z.object({
  seq: z.number().int(),
  at: z.string(),
  actorName: z.string().nullable(),
  role: z.string().nullable(),
  unitCode: z.string().nullable(),
  action: z.string(),
  target: z.string().nullable(),
  requestId: z.string(),
});

export function auditRoutes(ctx: HttpContext) {
  return async (app: FastifyInstance) => {
    app.withTypeProvider<ZodTypeProvider>().get(
      '/audit',
      {
        config: { access: { capability: 'audit.view' } },
        schema: {
          tags: ['audit'],
          summary: 'Nhật ký hệ thống (mới nhất trước)',
          querystring: z.strictObject({
            limit: z.coerce.number().int().min(1).max(500).default(50),
            beforeSeq: z.coerce.number().int().min(1).optional(),
          }),
          response: { 200: z.object({ records: z.array(AuditRecord) }), 401: ErrorResponse, 403: ErrorResponse },
        },
      },
      async (request) => ({
        records: unwrap(
          await listAuditRecords(ctx.deps, { actor: actorOf(request), limit: request.query.limit, beforeSeq: request.query.beforeSeq }),
        ),
      }),
    );
  };
}
