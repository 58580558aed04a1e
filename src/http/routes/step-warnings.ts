/**
 * Warnings before a step runs out of its budget: the "sắp đến hạn" queue with a count per unit, and an
 * official's in-app notifications (the back office's bell) with marking them read.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { HttpContext } from '../context.js';
import { ErrorResponse, unwrap } from '../app-error.js';
import { requestMeta } from '../plugins/auth.js';
import { listDueSoonDossiers } from '../../application/dossier/list-due-soon-dossiers.js';
import { listOfficialNotifications, markOfficialNotificationsRead } from '../../application/dossier/official-notifications.js';
import { DueSoonList, DueSoonQuery } from '../../contract/dossier-queue.js';
import { MarkedNotifications, MarkNotificationsReadBody, NotificationsQuery, OfficialNotificationList } from '../../contract/dossier-notifications.js';

export function stepWarningRoutes(ctx: HttpContext) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();

    r.get(
      '/dossiers/due-soon',
      {
        config: { access: 'authenticated' },
        schema: {
          tags: ['dossiers'],
          summary: 'Hồ sơ sắp đến hạn hoặc đã quá hạn ở bước đang xử lý (trong phạm vi của cán bộ), kèm số lượng theo đơn vị',
          querystring: DueSoonQuery,
          response: {
            200: DueSoonList,
            400: ErrorResponse,
            401: ErrorResponse,
            403: ErrorResponse,
            404: ErrorResponse,
          },
        },
      },
      async (request) =>
        unwrap(
          await listDueSoonDossiers(ctx.deps, {
            leadMinutes: ctx.config.STEP_WARNING_LEAD_MINUTES,
            limit: request.query.limit,
            unit: request.query.unit,
            meta: requestMeta(request),
          }),
        ),
    );

    r.get(
      '/me/notifications',
      {
        config: { access: 'authenticated' },
        schema: {
          tags: ['notifications'],
          summary: 'Thông báo của cán bộ: cảnh báo bước sắp đến hạn, quá hạn (mới nhất trước) và số chưa đọc',
          querystring: NotificationsQuery,
          response: { 200: OfficialNotificationList, 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse },
        },
      },
      async (request) => unwrap(await listOfficialNotifications(ctx.deps, { limit: request.query.limit, meta: requestMeta(request) })),
    );

    r.post(
      '/me/notifications/read',
      {
        config: { access: 'authenticated' },
        schema: {
          tags: ['notifications'],
          summary: 'Đánh dấu đã đọc các thông báo đã chọn, hoặc tất cả khi không chọn',
          body: MarkNotificationsReadBody,
          response: { 200: MarkedNotifications, 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse },
        },
      },
      async (request) => unwrap(await markOfficialNotificationsRead(ctx.deps, { ids: request.body.ids, meta: requestMeta(request) })),
    );
  };
}
