/** Dossiers (CONTRACT): intake, the dossier with its available actions, actions (one or in bulk), queues, public status. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { HttpContext } from '../context.js';
import { ErrorResponse, unwrap } from '../app-error.js';
import { requestMeta } from '../plugins/auth.js';
import { createDossier } from '../../application/dossier/create-dossier.js';
import { actOnDossier } from '../../application/dossier/act-on-dossier.js';
import { listTransferRecipients } from '../../application/dossier/list-transfer-recipients.js';
import { actOnDossiersInBulk, type BulkCommand } from '../../application/dossier/act-on-dossiers-in-bulk.js';
import { getDossier } from '../../application/dossier/get-dossier.js';
import { listDossiers } from '../../application/dossier/list-dossiers.js';
import { listMyDossiers } from '../../application/dossier/list-my-dossiers.js';
import { publicDossierStatus } from '../../application/dossier/public-dossier-status.js';
import { toLocal } from '../../application/dossier/dossier-store.js';
import type { Command } from '../../domain/dossier/dossier.js';
import {
  BULK_ACTION_TYPES,
  BulkActionBody,
  BulkOutcomes,
  CreateDossierBody,
  CreatedDossier,
  Dossier,
  DossierActionBody,
  DossierActionOutcome,
  DossierIdParams,
  PublicDossierLookup,
  PublicDossierParams,
  PublicDossierQuery,
  TransferRecipients,
  TransferRecipientsQuery,
} from '../../contract/dossier.js';
import { DossierQueue, DossierQueueQuery, MyDossierList } from '../../contract/dossier-queue.js';

export function dossierRoutes(ctx: HttpContext) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();

    r.post(
      '/dossiers',
      {
        config: { access: 'authenticated' },
        schema: {
          tags: ['dossiers'],
          summary: 'Nộp hồ sơ trực tuyến (công dân) hoặc tiếp nhận hồ sơ trực tiếp, qua bưu chính (cán bộ một cửa)',
          body: CreateDossierBody,
          response: { 201: CreatedDossier, 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse },
        },
      },
      async (request, reply) => {
        const created = unwrap(await createDossier(ctx.deps, { ...request.body, applicant: request.body.applicant ?? null, meta: requestMeta(request) }));
        return reply.code(201).send(created);
      },
    );

    r.get(
      '/dossiers',
      {
        config: { access: 'authenticated' },
        schema: {
          tags: ['dossiers'],
          summary: 'Hàng đợi hồ sơ của cán bộ, sắp theo mức độ khẩn (quá hạn trước, rồi hạn gần nhất)',
          querystring: DossierQueueQuery,
          response: {
            200: DossierQueue,
            400: ErrorResponse,
            401: ErrorResponse,
            403: ErrorResponse,
          },
        },
      },
      async (request) => unwrap(await listDossiers(ctx.deps, { queue: request.query.queue, limit: request.query.limit, meta: requestMeta(request) })),
    );

    r.get(
      '/me/dossiers',
      {
        config: { access: 'authenticated' },
        schema: {
          tags: ['dossiers'],
          summary: 'Hồ sơ của tôi',
          response: {
            200: MyDossierList,
            401: ErrorResponse,
          },
        },
      },
      async (request) => unwrap(await listMyDossiers(ctx.deps, requestMeta(request))),
    );

    r.get(
      '/dossiers/:id',
      {
        config: { access: 'authenticated' },
        schema: {
          tags: ['dossiers'],
          summary: 'Một hồ sơ: trạng thái, ngày hẹn và giải thích, các bước, lịch sử, thao tác được phép',
          params: DossierIdParams,
          response: { 200: Dossier, 400: ErrorResponse, 401: ErrorResponse, 404: ErrorResponse },
        },
      },
      async (request) => unwrap(await getDossier(ctx.deps, { id: request.params.id, meta: requestMeta(request) })),
    );

    r.get(
      '/dossiers/:id/transfer-recipients',
      {
        config: { access: 'authenticated' },
        schema: {
          tags: ['dossiers'],
          summary: 'Cán bộ có thể nhận hồ sơ ở một bước tiếp theo: cán bộ đang hoạt động của đơn vị, đúng vai trò của bước',
          params: DossierIdParams,
          querystring: TransferRecipientsQuery,
          response: {
            200: TransferRecipients,
            400: ErrorResponse,
            401: ErrorResponse,
            404: ErrorResponse,
            409: ErrorResponse,
          },
        },
      },
      async (request) => unwrap(await listTransferRecipients(ctx.deps, { id: request.params.id, toStep: request.query.toStep, meta: requestMeta(request) })),
    );

    r.post(
      '/dossiers/:id/actions',
      {
        config: { access: 'authenticated' },
        schema: {
          tags: ['dossiers'],
          summary: 'Thực hiện một thao tác trên hồ sơ; expectedSeq cũ → 409 (người khác vừa thao tác)',
          params: DossierIdParams,
          body: DossierActionBody,
          response: {
            200: DossierActionOutcome,
            400: ErrorResponse,
            401: ErrorResponse,
            403: ErrorResponse,
            404: ErrorResponse,
            409: ErrorResponse,
          },
        },
      },
      async (request) => {
        const { expectedSeq, ...rest } = request.body;
        const command = (rest.type === 'apologize' ? { ...rest, newAppointmentAt: toLocal(new Date(rest.newAppointmentAt)) } : rest) as Command;
        return unwrap(await actOnDossier(ctx.deps, { id: request.params.id, command, expectedSeq, meta: requestMeta(request) }));
      },
    );

    r.post(
      '/dossiers/bulk-actions',
      {
        config: { access: 'authenticated' },
        schema: {
          tags: ['dossiers'],
          summary: `Một thao tác (${BULK_ACTION_TYPES.join(', ')}) trên nhiều hồ sơ, mỗi hồ sơ một giao dịch; kết quả từng hồ sơ (200 cả khi có hồ sơ không thực hiện được)`,
          body: BulkActionBody,
          response: { 200: BulkOutcomes, 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse },
        },
      },
      async (request) => {
        const command: BulkCommand = request.body.command;
        return unwrap(await actOnDossiersInBulk(ctx.deps, { command, items: request.body.items, meta: requestMeta(request) }));
      },
    );

    r.get(
      '/public/dossiers/:code',
      {
        // Codes follow a daily sequence: without a limit a script could walk a unit's whole day.
        config: { access: 'public', rateLimit: { max: ctx.config.PUBLIC_LOOKUP_RATE_LIMIT, timeWindow: 60_000 } },
        schema: {
          tags: ['dossiers'],
          summary:
            'Tra cứu tình trạng hồ sơ theo mã; chi tiết (thủ tục, ngày, các bước) cần thêm mã tra cứu in trên Giấy tiếp nhận. Không có thông tin cá nhân',
          params: PublicDossierParams,
          querystring: PublicDossierQuery,
          response: { 200: PublicDossierLookup, 400: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 429: ErrorResponse },
        },
      },
      async (request) => unwrap(await publicDossierStatus(ctx.deps, request.params.code, request.query.key ?? null)) as PublicDossierLookup,
    );
  };
}
