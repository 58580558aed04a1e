import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { HttpContext } from '../context.js';
import { ErrorResponse, unwrap } from '../app-error.js';
import { listAuditRecords } from '../../application/audit/list-audit-records.js';
import { actorOf } from '../plugins/auth.js';
import { isoDate } from '../../application/text-schema.js';

const AuditRecord = z.object({
  seq: z.number().int(),
  at: z.string(),
  actorName: z.string().nullable(),
  actorUsername: z.string().nullable().describe('Tên đăng nhập của cán bộ; không có với công dân'),
  role: z.string().nullable(),
  unitCode: z.string().nullable(),
  action: z.string(),
  targetType: z.string().nullable(),
  targetLabel: z.string().nullable().describe('Mã hồ sơ, tên chủ tài khoản, số quyết định…; không phải mã nội bộ'),
});

const IsoDate = isoDate;

export function auditRoutes(ctx: HttpContext) {
  return async (app: FastifyInstance) => {
    app.withTypeProvider<ZodTypeProvider>().get(
      '/audit',
      {
        config: { access: { capability: 'audit.view' } },
        schema: {
          tags: ['audit'],
          summary: 'Nhật ký hệ thống (mới nhất trước), theo trang, lọc theo đơn vị, cán bộ, thao tác và khoảng ngày',
          querystring: z.strictObject({
            limit: z.coerce.number().int().min(1).max(500).default(50),
            beforeSeq: z.coerce.number().int().min(1).optional().describe('nextBeforeSeq của trang trước'),
            unit: z.string().regex(/^\d{3}\.\d{2}\.\d{2}\.[A-Z]\d{2}$/, 'Mã đơn vị không hợp lệ').optional().describe('Đơn vị (kể cả đơn vị trực thuộc)'),
            official: z.string().trim().min(1).max(100).optional().describe('Một phần họ tên hoặc tên đăng nhập của cán bộ'),
            action: z.string().regex(/^[a-z_]+\.[A-Za-z_]+$/, 'Mã thao tác không hợp lệ').max(60).optional(),
            from: IsoDate.optional().describe('Từ ngày (giờ Việt Nam)'),
            to: IsoDate.optional().describe('Đến ngày (giờ Việt Nam), kể cả ngày này'),
          }),
          response: {
            200: z.object({ records: z.array(AuditRecord), nextBeforeSeq: z.number().int().nullable() }),
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
