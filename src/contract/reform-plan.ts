/**
 * What crosses the wire for the province's reform plans (kế hoạch cải cách hành chính, issue 23 item 7;
 * src/http/routes/reform-plans.ts): the plans by year, a plan with its completion per unit and its overdue tasks, a
 * task with its evidence, findings and history; adding, importing, editing and reporting tasks.
 */
import { z } from 'zod';
import { isoDate, text } from './text.js';
import { EVIDENCE_TYPES, REFORM_TASK_KINDS, REFORM_TASK_STANDINGS, REFORM_TASK_STATUSES, REMEDY_STATUSES } from '../domain/reform-plan/reform-task.js';
import { MAX_OUTPUT_TEXT, MAX_TASK_TEXT } from '../domain/reform-plan/plan-rows.js';

const version = z.number().int().min(1).describe('Phiên bản của nhiệm vụ mà người thao tác đã xem (phát hiện sửa đồng thời)');
const note = text(2000).trim().min(3, 'Cần ghi nội dung');

export const ReformYearParams = z.strictObject({ year: z.coerce.number().int().min(2000).max(2100) });
export const ReformTaskParams = z.strictObject({ id: z.uuid() });
export const ReformFindingParams = z.strictObject({ id: z.uuid(), findingId: z.uuid() });

export const CompletionCounts = z.object({
  total: z.number().int(),
  done: z.number().int().describe('Hoàn thành (đúng hạn và quá hạn)'),
  doneOnTime: z.number().int(),
  doneLate: z.number().int(),
  inProgress: z.number().int(),
  notStarted: z.number().int(),
  overdue: z.number().int().describe('Quá hạn, chưa hoàn thành'),
  rate: z.number().nullable().describe('Tỷ lệ hoàn thành, phần trăm, 2 chữ số thập phân (662/1.315 → 50.34); null khi chưa có nhiệm vụ'),
});

export const ReformPlanSummary = z.object({ year: z.number().int(), title: z.string(), completion: CompletionCounts }).meta({ id: 'ReformPlanSummary' });
export const ReformPlanList = z.object({ items: z.array(ReformPlanSummary), canManage: z.boolean() }).meta({ id: 'ReformPlanList' });

export const ReformTaskSummary = z.object({
  id: z.string(),
  position: z.number().int(),
  kind: z.enum(REFORM_TASK_KINDS),
  content: z.string(),
  unitCode: z.string(),
  unitName: z.string(),
  deadline: z.string().describe('yyyy-MM-dd'),
  expectedOutput: z.string(),
  status: z.enum(REFORM_TASK_STATUSES),
  standing: z.enum(REFORM_TASK_STANDINGS).describe('Đánh giá hôm nay: đúng hạn, quá hạn…'),
  standingLabel: z.string(),
  completedOn: z.string().nullable(),
  daysOverdue: z.number().int().describe('Số ngày quá hạn (chưa xong: đến hôm nay; xong muộn: đến ngày hoàn thành)'),
  version: z.number().int(),
});

export const ReformPlanQuery = z.strictObject({
  unitCode: text(40).optional(),
  standing: z.enum(REFORM_TASK_STANDINGS).optional(),
  kind: z.enum(REFORM_TASK_KINDS).optional(),
});

export const ReformPlanView = z
  .object({
    year: z.number().int(),
    title: z.string(),
    exists: z.boolean(),
    today: z.string(),
    scope: z.enum(['province', 'units']).describe('province: cả kế hoạch; units: chỉ nhiệm vụ của đơn vị người xem'),
    canManage: z.boolean(),
    completion: CompletionCounts,
    units: z.array(CompletionCounts.extend({ unitCode: z.string(), unitName: z.string() })).describe('Tỷ lệ hoàn thành theo đơn vị chủ trì, cao nhất trước'),
    overdue: z.array(ReformTaskSummary).describe('Nhiệm vụ quá hạn, quá hạn lâu nhất trước'),
    tasks: z.array(ReformTaskSummary).describe('Nhiệm vụ theo thứ tự trong kế hoạch, đã lọc'),
  })
  .meta({ id: 'ReformPlanView' });
export type ReformPlanView = z.infer<typeof ReformPlanView>;

export const ReformTaskInput = z.strictObject({
  kind: z.enum(REFORM_TASK_KINDS).default('task'),
  content: text(MAX_TASK_TEXT).trim().min(5, 'Cần ghi nội dung nhiệm vụ'),
  unitCode: text(40).min(1),
  deadline: isoDate,
  expectedOutput: text(MAX_OUTPUT_TEXT).trim().min(3, 'Cần ghi sản phẩm dự kiến'),
});
export const AddReformTaskBody = ReformTaskInput.extend({ planTitle: text(300).trim().min(5).nullable().default(null) }).meta({ id: 'AddReformTaskBody' });
export type AddReformTaskBody = z.input<typeof AddReformTaskBody>;
export const EditReformTaskBody = ReformTaskInput.extend({ expectedVersion: version, reason: text(500).trim().nullable().default(null) }).meta({
  id: 'EditReformTaskBody',
});
export type EditReformTaskBody = z.input<typeof EditReformTaskBody>;

export const ImportReformPlanBody = z
  .strictObject({
    fileName: text(200).trim().min(1),
    /** Base64 of an .xlsx, at most 10 MB decoded. */
    data: z.string().max(14_000_000, 'Tệp lớn hơn 10 MB'),
    planTitle: text(300).trim().min(5).nullable().default(null).describe('Tên kế hoạch khi tạo mới; để trống: “Kế hoạch cải cách hành chính năm …”'),
  })
  .meta({ id: 'ImportReformPlanBody' });
export type ImportReformPlanBody = z.input<typeof ImportReformPlanBody>;
export const ReformImportResult = z.object({ year: z.number().int(), imported: z.number().int(), total: z.number().int() }).meta({ id: 'ReformImportResult' });

const fileEvidence = z.strictObject({
  kind: z.literal('file'),
  name: text(200).trim().min(1),
  contentType: z.enum(EVIDENCE_TYPES, 'Chỉ nhận tệp PDF, PNG, JPEG, DOCX hoặc XLSX'),
  /** Base64, at most 10 MB decoded. */
  data: z.string().max(14_000_000, 'Tệp lớn hơn 10 MB'),
});
const linkEvidence = z.strictObject({
  kind: z.literal('link'),
  url: z.url({ protocol: /^https?$/, error: 'Đường dẫn phải bắt đầu bằng http:// hoặc https://' }).max(1000),
});
export const EvidenceInput = z.discriminatedUnion('kind', [fileEvidence, linkEvidence]);

export const ReportReformTaskBody = z
  .discriminatedUnion('type', [
    z.strictObject({ type: z.literal('progress'), expectedVersion: version, note }),
    z.strictObject({ type: z.literal('complete'), expectedVersion: version, note: text(2000).trim().nullable().default(null), evidence: EvidenceInput }),
  ])
  .meta({ id: 'ReportReformTaskBody' });
export type ReportReformTaskBody = z.input<typeof ReportReformTaskBody>;
export const ReopenReformTaskBody = z.strictObject({ expectedVersion: version, reason: note }).meta({ id: 'ReopenReformTaskBody' });
export type ReopenReformTaskBody = z.input<typeof ReopenReformTaskBody>;

export const AddFindingBody = z.strictObject({ expectedVersion: version, content: text(2000).trim().min(5, 'Cần ghi nội dung phát hiện') }).meta({
  id: 'AddFindingBody',
});
export type AddFindingBody = z.input<typeof AddFindingBody>;
export const UpdateFindingBody = z
  .strictObject({ expectedVersion: version, remedy: z.enum(REMEDY_STATUSES), note: text(2000).trim().nullable().default(null) })
  .meta({ id: 'UpdateFindingBody' });
export type UpdateFindingBody = z.input<typeof UpdateFindingBody>;

export const ReformTaskDetail = ReformTaskSummary.extend({
  year: z.number().int(),
  progressNote: z.string().nullable(),
  evidence: z
    .discriminatedUnion('kind', [
      z.object({ kind: z.literal('file'), name: z.string(), contentType: z.enum(EVIDENCE_TYPES), size: z.number().int() }),
      z.object({ kind: z.literal('link'), url: z.string() }),
    ])
    .nullable()
    .describe('Minh chứng hoàn thành; tệp tải tại GET /reform-tasks/{id}/evidence'),
  reportedBy: z.string().nullable(),
  reportedAt: z.iso.datetime({ offset: true }).nullable(),
  findings: z.array(
    z.object({
      id: z.string(),
      position: z.number().int(),
      content: z.string(),
      remedy: z.enum(REMEDY_STATUSES),
      remedyLabel: z.string(),
      remedyNote: z.string().nullable(),
      updatedAt: z.iso.datetime({ offset: true }),
    }),
  ),
  events: z.array(
    z.object({ type: z.string(), label: z.string(), note: z.string().nullable(), actorName: z.string().nullable(), at: z.iso.datetime({ offset: true }) }),
  ),
  canReport: z.boolean().describe('Người xem thuộc đơn vị chủ trì, được báo cáo tiến độ, hoàn thành'),
  canManage: z.boolean(),
}).meta({ id: 'ReformTaskDetail' });
export type ReformTaskDetail = z.infer<typeof ReformTaskDetail>;

/** What an action on a task returns: its new version and how it stands. */
export const ReformTaskOutcome = z
  .object({ id: z.string(), version: z.number().int(), status: z.enum(REFORM_TASK_STATUSES), standing: z.enum(REFORM_TASK_STANDINGS) })
  .meta({ id: 'ReformTaskOutcome' });
export type ReformTaskOutcome = z.infer<typeof ReformTaskOutcome>;
