/**
 * What crosses the wire for one dossier (src/http/routes/dossiers.ts): intake, the dossier with its available
 * actions, an action (one or in bulk), the recipients of a transfer and the public status by code.
 * Request bodies are exported as what the client sends (`z.input`: defaults not yet applied); responses as
 * what the server answers (`z.infer`). Instants are ISO strings with +07:00.
 */
import { z } from 'zod';
import { CHANNELS, STEP_ROLES } from '../domain/catalogue/procedure.js';
import { ACTION_TYPES, DOSSIER_STATUSES, type ActionType } from '../domain/dossier/dossier.js';
import { ProcedureCode } from './procedure.js';
import { text } from './text.js';

const reason = text(2000).trim().min(1);
const note = text(2000).trim().nullable().default(null);

export const DossierIdParams = z.strictObject({ id: z.uuid() });
export type DossierIdParams = z.infer<typeof DossierIdParams>;

// ------------------------------------------------------------------------------------------ intake

export const ApplicantBody = z.strictObject({
  fullName: text(200).trim().min(1),
  personalId: z
    .string()
    .regex(/^\d{12}$/, 'số định danh cá nhân gồm 12 chữ số')
    .nullable()
    .default(null),
  address: text(500).trim().nullable().default(null),
  phone: z
    .string()
    .regex(/^[0-9+ ]{8,15}$/, 'số điện thoại không hợp lệ')
    .nullable()
    .default(null),
  email: z.email().nullable().default(null),
});
export type ApplicantBody = z.input<typeof ApplicantBody>;

/** POST /api/v1/dossiers: an online submission by the logged-in citizen, or an intake at the counter or by post. */
export const CreateDossierBody = z.strictObject({
  procedureCode: ProcedureCode,
  channel: z.enum(CHANNELS),
  unitCode: text(40).nullable().default(null),
  applicant: ApplicantBody.optional().describe('Bắt buộc khi cán bộ tiếp nhận trực tiếp hoặc qua bưu chính; hồ sơ trực tuyến lấy từ tài khoản định danh'),
  components: z
    .array(z.strictObject({ code: text(60), name: text(500).trim().min(1), form: text(40), copies: z.number().int().min(0).max(100) }))
    .max(60)
    .default([]),
  accept: z.boolean().default(true).describe('Tiếp nhận ngay (tiếp nhận trực tiếp, bưu chính); bị từ chối khi thiếu thành phần bắt buộc'),
  receptionSupplement: z
    .strictObject({ reason, items: z.array(text(500).trim().min(1)).max(50).default([]) })
    .nullable()
    .default(null)
    .describe('Hồ sơ chưa đủ: lập phiếu yêu cầu bổ sung, hoàn thiện hồ sơ (Mẫu 02) thay vì tiếp nhận; mặc định liệt kê các thành phần bắt buộc còn thiếu'),
  formData: z
    .record(text(40), text(5000))
    .nullable()
    .default(null)
    .describe('Biểu mẫu điện tử của thủ tục (GET /my/intake-form): giá trị theo khóa trường, kể cả giá trị được điền sẵn'),
  populationLookupId: z.uuid().nullable().default(null).describe('Lượt tra cứu Cơ sở dữ liệu quốc gia về dân cư đã điền sẵn thông tin người nộp'),
  intakeStartedAt: z.iso
    .datetime({ offset: true })
    .nullable()
    .default(null)
    .describe('Tiếp nhận tại quầy: lúc cán bộ mở biểu mẫu tiếp nhận (đo thời gian tiếp nhận)'),
});
export type CreateDossierBody = z.input<typeof CreateDossierBody>;

export const CreatedDossier = z.object({ id: z.string(), code: z.string(), status: z.string() });
export type CreatedDossier = z.infer<typeof CreatedDossier>;

// ------------------------------------------------------------------------------------------ actions

/** Every command with its own fields; `expectedSeq` is the last action number the caller saw. */
export const DossierActionBody = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('accept'), expectedSeq: z.number().int().min(0) }),
  z.strictObject({ type: z.literal('refuse'), expectedSeq: z.number().int().min(0), reason }),
  z.strictObject({
    type: z.literal('requestSupplementAtReception'),
    expectedSeq: z.number().int().min(0),
    reason,
    items: z.array(text(500).trim().min(1)).max(50).default([]),
  }),
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
  z.strictObject({
    type: z.literal('issueResult'),
    expectedSeq: z.number().int().min(0),
    fileSha256: z.string().regex(/^[0-9a-f]{64}$/),
    fileName: text(200).trim().min(1),
  }),
  z.strictObject({ type: z.literal('returnResult'), expectedSeq: z.number().int().min(0), method: z.enum(CHANNELS) }),
  z.strictObject({ type: z.literal('withdraw'), expectedSeq: z.number().int().min(0), reason }),
  z.strictObject({ type: z.literal('stop'), expectedSeq: z.number().int().min(0), reason }),
  z.strictObject({ type: z.literal('apologize'), expectedSeq: z.number().int().min(0), reason, newAppointmentAt: z.iso.datetime({ offset: true }) }),
  z.strictObject({ type: z.literal('recomputeDue'), expectedSeq: z.number().int().min(0), reason }),
]);
export type DossierActionBody = z.input<typeof DossierActionBody>;
/** The body of the actions of these types, e.g. `DossierActionOf<'withdraw' | 'resubmit'>`. */
export type DossierActionOf<T extends ActionType> = Extract<DossierActionBody, { type: T }>;

export const DossierActionOutcome = z.object({ id: z.string(), seq: z.number(), status: z.string(), nationalCode: z.number() });
export type DossierActionOutcome = z.infer<typeof DossierActionOutcome>;

/** The command types taken in bulk: those that need no judgement of each dossier (act-on-dossiers-in-bulk.ts). */
import { BULK_ACTION_TYPES, BULK_MAX_ITEMS } from '../domain/dossier/vocabulary.js';

export { BULK_ACTION_TYPES, BULK_MAX_ITEMS };
/** The most dossiers of one bulk request. */

/** Only the commands that need no judgement per dossier (act-on-dossiers-in-bulk.ts says why these). */
export const BulkCommand = z.discriminatedUnion(
  'type',
  [
    z.strictObject({ type: z.literal('claim') }),
    z.strictObject({ type: z.literal('approve'), note }),
    z.strictObject({ type: z.literal('returnResult'), method: z.enum(CHANNELS) }),
  ],
  { error: `thao tác hàng loạt chỉ gồm: ${BULK_ACTION_TYPES.join(', ')}` },
);
export type BulkCommand = z.input<typeof BulkCommand>;

export const BulkItem = z.strictObject({ id: z.uuid(), expectedSeq: z.number().int().min(0).describe('seq của hồ sơ khi đọc hàng đợi') });
export type BulkItem = z.input<typeof BulkItem>;

/** POST /api/v1/dossiers/bulk-actions */
export const BulkActionBody = z.strictObject({
  command: BulkCommand,
  items: z.array(BulkItem).min(1).max(BULK_MAX_ITEMS).describe(`Tối đa ${BULK_MAX_ITEMS} hồ sơ, mỗi hồ sơ một lần`),
});
export type BulkActionBody = z.input<typeof BulkActionBody>;

/** What became of one dossier of a bulk action. */
export const BulkOutcome = z.discriminatedUnion('ok', [
  z.object({ id: z.string(), ok: z.literal(true), seq: z.number(), status: z.enum(DOSSIER_STATUSES) }),
  z.object({ id: z.string(), ok: z.literal(false), code: z.string(), message: z.string() }),
]);
export type BulkOutcome = z.infer<typeof BulkOutcome>;

/** One outcome per dossier, in the order sent. */
export const BulkOutcomes = z.object({ items: z.array(BulkOutcome) });
export type BulkOutcomes = z.infer<typeof BulkOutcomes>;

// ------------------------------------------------------------------------------------------ the dossier

/** One line of "why this date", in Vietnamese. */
export const ExplanationLine = z.object({ kind: z.string(), date: z.string(), text: z.string() });
export type ExplanationLine = z.infer<typeof ExplanationLine>;

/** A visit of a step: when the dossier reached it, its deadline, and when it left. */
export const StepVisit = z.object({
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
export type StepVisit = z.infer<typeof StepVisit>;

/** Fields shared by the dossier and its public status. */
export const DossierSummary = z.object({
  status: z.enum(DOSSIER_STATUSES),
  statusLabel: z.string(),
  nationalCode: z.number(),
  /** The optimistic-concurrency token: sent back as `expectedSeq`. */
  seq: z.number(),
  currentStep: z.object({ index: z.number(), name: z.string(), unitCode: z.string(), unitName: z.string() }).nullable(),
  acceptedAt: z.string().nullable(),
  /** Hạn giải quyết: the legal due date, never moved by an apology. */
  dueAt: z.string().nullable(),
  /** Ngày hẹn trả: the due date, or the new date of an apology. */
  appointmentAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
  returnedAt: z.string().nullable(),
  timeliness: z.string().nullable(),
  timelinessLabel: z.string().nullable(),
  repeatedSupplement: z.boolean(),
  extensions: z.number(),
  explanation: z.array(ExplanationLine),
});
export type DossierSummary = z.infer<typeof DossierSummary>;

export const DossierApplicant = z.object({
  fullName: z.string(),
  personalId: z.string().nullable(),
  address: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
});
export type DossierApplicant = z.infer<typeof DossierApplicant>;

export const DossierComponent = z.object({ code: z.string(), name: z.string(), form: z.string(), copies: z.number() });
export type DossierComponent = z.infer<typeof DossierComponent>;

export const TemplateStep = z.object({
  index: z.number(),
  name: z.string(),
  role: z.enum(STEP_ROLES),
  unitCode: z.string(),
  interAgency: z.boolean(),
  budgetMinutes: z.number(),
});
export type TemplateStep = z.infer<typeof TemplateStep>;

export const HistoryEntry = z.object({
  seq: z.number(),
  type: z.string(),
  at: z.string(),
  actorRole: z.string(),
  note: z.string().nullable(),
  items: z.array(z.string()).describe('Giấy tờ cần bổ sung (yêu cầu bổ sung)'),
});
export type HistoryEntry = z.infer<typeof HistoryEntry>;

/** GET /api/v1/dossiers/{id}, for its officials and its applicant. */
export const Dossier = z
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
    applicant: DossierApplicant,
    components: z.array(DossierComponent),
    submittedAt: z.string(),
    lookupKey: z.string().describe('Mã tra cứu in trên Giấy tiếp nhận: cùng mã hồ sơ, mở phần chi tiết của trang tra cứu công khai'),
    ...DossierSummary.shape,
    assigneeId: z.string().nullable(),
    steps: z.array(StepVisit),
    template: z.array(TemplateStep),
    availableActions: z.array(z.enum(ACTION_TYPES)),
    history: z.array(HistoryEntry),
  })
  .meta({ id: 'Dossier' });
export type Dossier = z.infer<typeof Dossier>;

/** GET /api/v1/dossiers/{id}/transfer-recipients?toStep=… */
export const TransferRecipientsQuery = z.strictObject({ toStep: z.coerce.number().int().min(0).max(100) });
export type TransferRecipientsQuery = z.input<typeof TransferRecipientsQuery>;

/** Who may receive the dossier at that step. */
export const TransferRecipients = z.object({
  toStep: z.number(),
  unitCode: z.string(),
  role: z.string(),
  officials: z.array(z.object({ id: z.string(), fullName: z.string(), username: z.string() })),
});
export type TransferRecipients = z.infer<typeof TransferRecipients>;

// ------------------------------------------------------------------------------------------ public status

export const PublicDossierParams = z.strictObject({ code: text(60).trim().min(1) });
export type PublicDossierParams = z.input<typeof PublicDossierParams>;

export const PublicDossierQuery = z.strictObject({
  key: text(20).trim().min(1).optional().describe('Mã tra cứu in trên Giấy tiếp nhận hồ sơ (Mẫu 01) và trong mã QR'),
});
export type PublicDossierQuery = z.input<typeof PublicDossierQuery>;

/** With the lookup key: the public detail; nothing about the applicant. */
export const PublicDossierStatus = z
  .object({
    code: z.string(),
    detail: z.literal(true),
    procedureCode: z.string(),
    procedureName: z.string(),
    unitName: z.string(),
    submittedAt: z.string(),
    ...DossierSummary.shape,
    /** Working days since acceptance (or submission) until the result or today. */
    daysWaiting: z.number(),
    steps: z.array(StepVisit),
  })
  .meta({ id: 'PublicDossierStatus' });
export type PublicDossierStatus = z.infer<typeof PublicDossierStatus>;

/** Without the lookup key: the status only. */
export const PublicDossierBrief = z
  .object({ code: z.string(), detail: z.literal(false), status: z.enum(DOSSIER_STATUSES), statusLabel: z.string() })
  .meta({ id: 'PublicDossierBrief' });
export type PublicDossierBrief = z.infer<typeof PublicDossierBrief>;

/** GET /api/v1/public/dossiers/{code}?key=… */
export const PublicDossierLookup = z.union([PublicDossierStatus, PublicDossierBrief]);
export type PublicDossierLookup = z.infer<typeof PublicDossierLookup>;
