/** Open dossiers affected by a late schedule change, for review (issue 3, item 8). */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { HttpContext } from '../context.js';
import { ErrorResponse, unwrap } from '../app-error.js';
import { requestMeta } from '../plugins/auth.js';
import { calendarReview, markChangeReviewed } from '../../application/dossier/calendar-review.js';
import { CalendarReview, ChangeParams, ChangeReviewed } from '../../contract/calendar.js';

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
          response: { 200: CalendarReview, 401: ErrorResponse, 403: ErrorResponse },
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
          params: ChangeParams,
          response: { 200: ChangeReviewed, 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse },
        },
      },
      async (request) => unwrap(await markChangeReviewed(ctx.deps, { id: request.params.id, meta: requestMeta(request) })),
    );
  };
}
