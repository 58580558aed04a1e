/** Dossiers (CONTRACT): intake, the dossier with its available actions, actions (one or in bulk), queues, public status. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { HttpContext } from '../context.js';
import { ErrorResponse, unwrap } from '../app-error.js';
import { requestMeta } from '../plugins/auth.js';
import { text } from '../../application/text-schema.js';
import { ProcedureCode } from '../../application/catalogue/procedure-schema.js';
import { createDossier } from '../../application/dossier/create-dossier.js';
import { actOnDossier } from '../../application/dossier/act-on-dossier.js';
import { listTransferRecipients } from '../../application/dossier/list-transfer-recipients.js';
import { actOnDossiersInBulk, BULK_ACTION_TYPES, BULK_MAX_ITEMS, type BulkCommand } from '../../application/dossier/act-on-dossiers-in-bulk.js';
import { getDossier, listDossiers, listMyDossiers, publicDossierStatus, QUEUES } from '../../application/dossier/read-dossiers.js';
import { toLocal } from '../../application/dossier/dossier-store.js';
import { ACTION_TYPES, DOSSIER_STATUSES } from '../../domain/dossier/dossier.js';
import { CHANNELS } from '../../domain/catalogue/procedure.js';
import type { Command } from '../../domain/dossier/dossier.js';

const reason = text(2000).trim().min(1);
const note = text(2000).trim().nullable().default(null);

/** Every command with its own fields; `expectedSeq` is the last action number the caller saw. */
const ActionBody = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('accept'), expectedSeq: z.number().int().min(0) }),
  z.strictObject({ type: z.literal('refuse'), expectedSeq: z.number().int().min(0), reason }),
  z.strictObject({ type: z.literal('requestSupplementAtReception'), expectedSeq: z.number().int().min(0), reason, items: z.array(text(500).trim().min(1)).max(50).default([]) }),
  z.strictObject({ type: z.literal('resubmit'), expectedSeq: z.number().int().min(0) }),
  z.strictObject({ type: z.literal('claim'), expectedSeq: z.number().int().min(0) }),
  z.strictObject({
    type: z.literal('transfer'),
    expectedSeq: z.number().int().min(0),
    toStep: z.number().int().min(0).max(100).describe('Một bước tiếp theo của quy trình (GET …/transfer-recipients liệt kê người nhận)'),
    note,
    toOfficialId: z.uuid().nullable().optional().describe('Cán bộ nhận hồ sơ ở bước đó; bỏ trống: chuyển vào hàng đợi của đơn vị'),
  }),
  z.strictObject({
    type: z.literal('requestSupplement'),
    expectedSeq: z.number().int().min(0),
    reason,
    items: z.array(text(500).trim().min(1)).max(50).default([]),
    acknowledgeLate: z.boolean().optional().describe('Xác nhận yêu cầu bổ sung lần thứ hai làm hồ sơ bị tính là quá hạn (chỉ khi đơn vị cho phép)'),
  }),
  z.strictObject({ type: z.literal('receiveSupplement'), expectedSeq: z.number().int().min(0) }),
  z.strictObject({ type: z.literal('requestFee'), expectedSeq: z.number().int().min(0), amount: z.number().int().min(0).max(10_000_000_000), note }),
  z.strictObject({ type: z.literal('payFee'), expectedSeq: z.number().int().min(0) }),
  z.strictObject({ type: z.literal('approve'), expectedSeq: z.number().int().min(0), note }),
  z.strictObject({ type: z.literal('reject'), expectedSeq: z.number().int().min(0), reason }),
  z.strictObject({ type: z.literal('issueResult'), expectedSeq: z.number().int().min(0), fileSha256: z.string().regex(/^[0-9a-f]{64}$/), fileName: text(200).trim().min(1) }),
  z.strictObject({ type: z.literal('returnResult'), expectedSeq: z.number().int().min(0), method: z.enum(CHANNELS) }),
  z.strictObject({ type: z.literal('withdraw'), expectedSeq: z.number().int().min(0), reason }),
  z.strictObject({ type: z.literal('stop'), expectedSeq: z.number().int().min(0), reason }),
  z.strictObject({ type: z.literal('apologize'), expectedSeq: z.number().int().min(0), reason, newAppointmentAt: z.iso.datetime({ offset: true }) }),
  z.strictObject({ type: z.literal('recomputeDue'), expectedSeq: z.number().int().min(0), reason }),
]);

/** Only the commands that need no judgement per dossier (act-on-dossiers-in-bulk.ts says why these). */
const BulkCommandBody = z.discriminatedUnion(
  'type',
  [
    z.strictObject({ type: z.literal('claim') }),
    z.strictObject({ type: z.literal('approve'), note }),
    z.strictObject({ type: z.literal('returnResult'), method: z.enum(CHANNELS) }),
  ],
  { error: `thao tác hàng loạt chỉ gồm: ${BULK_ACTION_TYPES.join(', ')}` },
);

const BulkBody = z.strictObject({
  command: BulkCommandBody,
  items: z
    .array(z.strictObject({ id: z.uuid(), expectedSeq: z.number().int().min(0).describe('seq của hồ sơ khi đọc hàng đợi') }))
    .min(1)
    .max(BULK_MAX_ITEMS)
    .describe(`Tối đa ${BULK_MAX_ITEMS} hồ sơ, mỗi hồ sơ một lần`),
});

const BulkOutcomeView = z.discriminatedUnion('ok', [
  z.object({ id: z.string(), ok: z.literal(true), seq: z.number(), status: z.enum(DOSSIER_STATUSES) }),
  z.object({ id: z.string(), ok: z.literal(false), code: z.string(), message: z.string() }),
]);

const Applicant = z.strictObject({
  fullName: text(200).trim().min(1),
  personalId: z.string().regex(/^\d{12}$/, 'số định danh cá nhân gồm 12 chữ số').nullable().default(null),
  address: text(500).trim().nullable().default(null),
  phone: z.string().regex(/^[0-9+ ]{8,15}$/, 'số điện thoại không hợp lệ').nullable().default(null),
  email: z.email().nullable().default(null),
});

const CreateBody = z.strictObject({
  procedureCode: ProcedureCode,
  channel: z.enum(CHANNELS),
  unitCode: text(40).nullable().default(null),
  applicant: Applicant.optional().describe('Bắt buộc khi cán bộ tiếp nhận trực tiếp hoặc qua bưu chính; hồ sơ trực tuyến lấy từ tài khoản định danh'),
  components: z.array(z.strictObject({ code: text(60), name: text(500).trim().min(1), form: text(40), copies: z.number().int().min(0).max(100) })).max(60).default([]),
  accept: z.boolean().default(true).describe('Tiếp nhận ngay (tiếp nhận trực tiếp, bưu chính); bị từ chối khi thiếu thành phần bắt buộc'),
  receptionSupplement: z
    .strictObject({ reason, items: z.array(text(500).trim().min(1)).max(50).default([]) })
    .nullable()
    .default(null)
    .describe('Hồ sơ chưa đủ: lập phiếu yêu cầu bổ sung, hoàn thiện hồ sơ (Mẫu 02) thay vì tiếp nhận; mặc định liệt kê các thành phần bắt buộc còn thiếu'),
});

const Explanation = z.array(z.object({ kind: z.string(), date: z.string(), text: z.string() }));
const StepView = z.object({
  index: z.number(),
  name: z.string(),
  unitCode: z.string(),
  unitName: z.string(),
  interAgency: z.boolean(),
  receivedAt: z.string(),
  dueAt: z.string(),
  handedOverAt: z.string().nullable(),
  timeliness: z.string(),
  timelinessLabel: z.string(),
});
const Summary = {
  status: z.enum(DOSSIER_STATUSES),
  statusLabel: z.string(),
  nationalCode: z.number(),
  seq: z.number(),
  currentStep: z.object({ index: z.number(), name: z.string(), unitCode: z.string(), unitName: z.string() }).nullable(),
  acceptedAt: z.string().nullable(),
  dueAt: z.string().nullable(),
  appointmentAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
  returnedAt: z.string().nullable(),
  timeliness: z.string().nullable(),
  timelinessLabel: z.string().nullable(),
  repeatedSupplement: z.boolean(),
  extensions: z.number(),
  explanation: Explanation,
};

const DossierView = z
  .object({
    id: z.string(),
    code: z.string(),
    procedureCode: z.string(),
    procedureName: z.string(),
    procedureVersion: z.number().nullable(),
    channel: z.string(),
    unitCode: z.string(),
    unitName: z.string(),
    receivingUnitCode: z.string(),
    locationIndependent: z.boolean(),
    applicant: z.object({ fullName: z.string(), personalId: z.string().nullable(), address: z.string().nullable(), phone: z.string().nullable(), email: z.string().nullable() }),
    components: z.array(z.object({ code: z.string(), name: z.string(), form: z.string(), copies: z.number() })),
    submittedAt: z.string(),
    lookupKey: z.string().describe('Mã tra cứu in trên Giấy tiếp nhận: cùng mã hồ sơ, mở phần chi tiết của trang tra cứu công khai'),
    ...Summary,
    assigneeId: z.string().nullable(),
    steps: z.array(StepView),
    template: z.array(z.object({ index: z.number(), name: z.string(), role: z.string(), unitCode: z.string(), interAgency: z.boolean(), budgetMinutes: z.number() })),
    availableActions: z.array(z.enum(ACTION_TYPES)),
    history: z.array(
      z.object({ seq: z.number(), type: z.string(), at: z.string(), actorRole: z.string(), note: z.string().nullable(), items: z.array(z.string()).describe('Giấy tờ cần bổ sung (yêu cầu bổ sung)') }),
    ),
  })
  .meta({ id: 'Dossier' });

const PublicStatus = z
  .object({
    code: z.string(),
    detail: z.literal(true),
    procedureCode: z.string(),
    procedureName: z.string(),
    unitName: z.string(),
    submittedAt: z.string(),
    ...Summary,
    daysWaiting: z.number(),
    steps: z.array(StepView),
  })
  .meta({ id: 'PublicDossierStatus' });
/** Without the lookup key: the status only. */
const PublicBrief = z.object({ code: z.string(), detail: z.literal(false), status: z.enum(DOSSIER_STATUSES), statusLabel: z.string() }).meta({ id: 'PublicDossierBrief' });

const IdParams = z.strictObject({ id: z.uuid() });

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
          body: CreateBody,
          response: { 201: z.object({ id: z.string(), code: z.string(), status: z.string() }), 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse },
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
          querystring: z.strictObject({ queue: z.enum(QUEUES).default('all'), limit: z.coerce.number().int().min(1).max(500).default(100) }),
          response: {
            200: z.object({
              queue: z.string(),
              items: z.array(
                z.object({
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
                  /** The one judgement of the dossier now (domain/dossier/timeliness.ts), null before a due date. */
                  timeliness: z.string().nullable(),
                  submittedAt: z.string(),
                  seq: z.number().describe('Gửi lại làm expectedSeq khi thao tác'),
                  availableActions: z.array(z.enum(ACTION_TYPES)).describe('Thao tác người gọi được làm trên hồ sơ lúc này'),
                }),
              ),
            }),
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
            200: z.object({ items: z.array(z.object({ id: z.string(), code: z.string(), procedureCode: z.string(), procedureName: z.string(), status: z.string(), statusLabel: z.string(), appointmentAt: z.string().nullable(), submittedAt: z.string() })) }),
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
          params: IdParams,
          response: { 200: DossierView, 400: ErrorResponse, 401: ErrorResponse, 404: ErrorResponse },
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
          params: IdParams,
          querystring: z.strictObject({ toStep: z.coerce.number().int().min(0).max(100) }),
          response: {
            200: z.object({
              toStep: z.number(),
              unitCode: z.string(),
              role: z.string(),
              officials: z.array(z.object({ id: z.string(), fullName: z.string(), username: z.string() })),
            }),
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
          params: IdParams,
          body: ActionBody,
          response: {
            200: z.object({ id: z.string(), seq: z.number(), status: z.string(), nationalCode: z.number() }),
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
          body: BulkBody,
          response: { 200: z.object({ items: z.array(BulkOutcomeView) }), 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse },
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
          summary: 'Tra cứu tình trạng hồ sơ theo mã; chi tiết (thủ tục, ngày, các bước) cần thêm mã tra cứu in trên Giấy tiếp nhận. Không có thông tin cá nhân',
          params: z.strictObject({ code: text(60).trim().min(1) }),
          querystring: z.strictObject({ key: text(20).trim().min(1).optional().describe('Mã tra cứu in trên Giấy tiếp nhận hồ sơ (Mẫu 01) và trong mã QR') }),
          response: { 200: z.union([PublicStatus, PublicBrief]), 400: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 429: ErrorResponse },
        },
      },
      async (request) =>
        unwrap(await publicDossierStatus(ctx.deps, request.params.code, request.query.key ?? null)) as z.infer<typeof PublicStatus> | z.infer<typeof PublicBrief>,
    );
  };
}
