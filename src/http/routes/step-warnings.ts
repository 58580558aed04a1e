/**
 * Warnings before a step runs out of its budget: the "sắp đến hạn" queue with a count per unit, and an
 * official's in-app notifications (the back office's bell) with marking them read.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { HttpContext } from '../context.js';
import { ErrorResponse, unwrap } from '../app-error.js';
import { requestMeta } from '../plugins/auth.js';
import { listDueSoonDossiers } from '../../application/dossier/read-dossiers.js';
import { listOfficialNotifications, markOfficialNotificationsRead } from '../../application/dossier/official-notifications.js';
import { ACTION_TYPES } from '../../domain/dossier/dossier.js';

const WarningKind = z.enum(['dueSoon', 'overdue']);

const DueSoonItem = z.object({
  id: z.string(),
  code: z.string(),
  procedureCode: z.string(),
  procedureName: z.string(),
  status: z.string(),
  statusLabel: z.string(),
  channel: z.string(),
  stepName: z.string().nullable(),
  assigned: z.boolean(),
  stepDueAt: z.string().nullable(),
  dueAt: z.string().nullable(),
  appointmentAt: z.string().nullable(),
  overdue: z.boolean(),
  submittedAt: z.string(),
  seq: z.number(),
  availableActions: z.array(z.enum(ACTION_TYPES)),
  warning: WarningKind.describe('dueSoon: bước còn không quá thời gian báo trước; overdue: bước đã quá hạn'),
  unitCode: z.string(),
  unitName: z.string(),
});

const OfficialNotification = z
  .object({ id: z.string(), dossierId: z.string(), dossierCode: z.string(), kind: z.enum(['dueSoon', 'overdue', 'supplementUploaded']), title: z.string(), body: z.string(), createdAt: z.string(), read: z.boolean() })
  .meta({ id: 'OfficialNotification' });

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
          querystring: z.strictObject({ unit: z.string().min(1).max(64).optional(), limit: z.coerce.number().int().min(1).max(500).default(100) }),
          response: {
            200: z.object({
              leadMinutes: z.number().describe('Thời gian báo trước, phút làm việc'),
              counts: z.array(z.object({ unitCode: z.string(), unitName: z.string(), dueSoon: z.number(), overdue: z.number() })),
              items: z.array(DueSoonItem),
            }),
            400: ErrorResponse,
            401: ErrorResponse,
            403: ErrorResponse,
            404: ErrorResponse,
          },
        },
      },
      async (request) =>
        unwrap(await listDueSoonDossiers(ctx.deps, { leadMinutes: ctx.config.STEP_WARNING_LEAD_MINUTES, limit: request.query.limit, unit: request.query.unit, meta: requestMeta(request) })),
    );

    r.get(
      '/me/notifications',
      {
        config: { access: 'authenticated' },
        schema: {
          tags: ['notifications'],
          summary: 'Thông báo của cán bộ: cảnh báo bước sắp đến hạn, quá hạn (mới nhất trước) và số chưa đọc',
          querystring: z.strictObject({ limit: z.coerce.number().int().min(1).max(200).default(50) }),
          response: { 200: z.object({ unread: z.number(), items: z.array(OfficialNotification) }), 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse },
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
          body: z.strictObject({ ids: z.array(z.string().regex(/^\d{1,18}$/)).max(200).nullable().default(null) }),
          response: { 200: z.object({ marked: z.number() }), 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse },
        },
      },
      async (request) => unwrap(await markOfficialNotificationsRead(ctx.deps, { ids: request.body.ids, meta: requestMeta(request) })),
    );
  };
}
