/** Open dossiers affected by a late schedule change, for review (issue 3, item 8). */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { HttpContext } from '../context.js';
import { ErrorResponse, unwrap } from '../app-error.js';
import { requestMeta } from '../plugins/auth.js';
import { calendarReview, markChangeReviewed } from '../../application/dossier/calendar-review.js';

export function calendarReviewRoutes(ctx: HttpContext) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    r.get(
      '/calendar/review',
      {
        config: { access: 'authenticated' },
        schema: {
          tags: ['calendar'],
          summary: 'Hồ sơ đang giải quyết bị ảnh hưởng bởi lịch nghỉ công bố muộn (cần rà soát, tính lại ngày hẹn nếu cần)',
          response: {
            200: z.object({
              items: z.array(z.object({ changeId: z.string(), scope: z.string(), changedAt: z.string(), dossierId: z.string(), code: z.string(), acceptedAt: z.string(), dueAt: z.string(), dates: z.array(z.string()) })),
              changes: z.array(z.object({ id: z.string(), scope: z.string(), year: z.number(), changedAt: z.string(), dates: z.array(z.string()) })),
            }),
            401: ErrorResponse,
            403: ErrorResponse,
          },
        },
      },
      async (request) => unwrap(await calendarReview(ctx.deps, requestMeta(request))),
    );
    r.post(
      '/calendar/changes/:id/reviewed',
      {
        config: { access: { capability: 'calendar.manage' } },
        schema: {
          tags: ['calendar'],
          summary: 'Đánh dấu đã rà soát xong một lần thay đổi lịch',
          params: z.strictObject({ id: z.string().regex(/^\d{1,18}$/) }),
          response: { 200: z.object({ id: z.string() }), 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse },
        },
      },
      async (request) => unwrap(await markChangeReviewed(ctx.deps, { id: request.params.id, meta: requestMeta(request) })),
    );
  };
}
