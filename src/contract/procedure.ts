/**
 * What crosses the wire for one procedure of the catalogue: the published record (API, import files), the
 * public search, the procedure's page with its versions, and the completeness check. The routes validate and
 * document with these schemas; the web app's catalogue client takes its types from them.
 */
import { z } from 'zod';
import {
  BUDGET_UNITS,
  CHANNELS,
  COMPONENT_FORMS,
  FEE_COLLECTED_AT,
  ONLINE_LEVELS,
  PROCEDURE_CODE_PATTERN,
  PROCEDURE_LEVELS,
  STEP_ROLES,
  SUBJECTS,
  type ProcedureRecord as DomainProcedureRecord,
} from '../domain/catalogue/procedure.js';
import { DURATION_UNITS } from '../domain/calendar/working-time.js';
import { EFORM_FIELD_TYPES, PREFILL_SOURCES } from '../domain/data-vault/e-form.js';
import { isoDate, text } from './text.js';

const name = (max = 500) => text(max).trim();

export const ProcedureCode = z.string().regex(PROCEDURE_CODE_PATTERN, 'mã thủ tục phải có dạng 1.001234 hoặc 2.001234');

/** The procedure record (matching domain/catalogue/procedure.ts). */
export const ProcedureRecord = z
  .strictObject({
    code: ProcedureCode.describe('MaTTHC'),
    onlineServiceCode: text(60).trim().min(1).nullable().describe('MaDichVuCong'),
    name: name(),
    fieldCode: text(40).trim().min(1).describe('MaLinhVuc'),
    level: z.enum(PROCEDURE_LEVELS),
    sequence: z.array(name(2000)).max(50),
    methods: z
      .array(
        z.strictObject({
          channel: z.enum(CHANNELS),
          timeLimit: z.strictObject({ amount: z.number().int().min(0).max(3650), unit: z.enum(DURATION_UNITS) }),
          description: name(2000),
        }),
      )
      .max(3),
    components: z
      .array(
        z.strictObject({
          code: text(60).trim(),
          name: name(),
          form: z.enum(COMPONENT_FORMS),
          quantity: z.number().int().min(0).max(100),
          required: z.boolean(),
          template: name().nullable(),
          replaceableBy: z
            .array(text(60).trim().min(1))
            .max(20)
            .optional()
            .describe('MaKetQuaThayThe: mã kết quả có thể thay thế thành phần (lấy từ kho dữ liệu)'),
        }),
      )
      .max(60),
    subjects: z.array(z.enum(SUBJECTS)).max(4),
    agency: z.strictObject({
      competentAuthority: name(),
      implementingUnitCodes: z.array(text(40)).max(200),
      coordinatingUnitCodes: z.array(text(40)).max(50),
    }),
    results: z.array(z.strictObject({ code: text(60).trim(), name: name(), template: name().nullable() })).max(20),
    requirements: name(5000).nullable(),
    fees: z
      .array(
        z.strictObject({
          name: name(),
          amount: z.number().int().min(0).max(1_000_000_000).describe('VND'),
          onlineAmount: z.number().int().min(0).max(1_000_000_000).nullable().optional().describe('VND khi nộp trực tuyến, nếu thấp hơn (miễn, giảm)'),
          collectedAt: z.enum(FEE_COLLECTED_AT),
          description: name(2000),
        }),
      )
      .max(20),
    legalBases: z.array(z.strictObject({ number: text(100).trim().min(1), title: name(), effectiveFrom: isoDate })).max(50),
    onlineLevel: z.enum(ONLINE_LEVELS),
    fullOnlineEligible: z.boolean(),
    paperResultRequired: z.boolean(),
    locationIndependent: z.boolean(),
    processTemplate: z
      .array(
        z.strictObject({
          name: name(),
          role: z.enum(STEP_ROLES),
          unitCode: text(40).nullable(),
          interAgency: z.boolean(),
          budget: z.strictObject({ amount: z.number().int().min(0).max(2000), unit: z.enum(BUDGET_UNITS) }),
        }),
      )
      .max(30),
    eForm: z
      .array(
        z.strictObject({
          key: text(40).regex(/^[a-zA-Z][a-zA-Z0-9]*$/, 'khóa trường gồm chữ và số, bắt đầu bằng chữ'),
          label: name(200),
          type: z.enum(EFORM_FIELD_TYPES),
          required: z.boolean(),
          maxLength: z.number().int().min(1).max(5000).optional(),
          options: z.array(name(200)).max(50).optional(),
          prefill: z.enum(PREFILL_SOURCES).optional(),
        }),
      )
      .max(60)
      .optional()
      .describe('Biểu mẫu điện tử: các trường riêng của thủ tục sau phần thông tin người nộp'),
    eidLevel2Required: z.boolean().optional().describe('Nộp trực tuyến cần tài khoản VNeID mức độ 2'),
  })
  .meta({ id: 'ProcedureRecord' });
export type ProcedureRecord = z.infer<typeof ProcedureRecord>;

// The schema and the domain type must describe the same thing.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const _sameShape: Same<ProcedureRecord, DomainProcedureRecord> = true;
void _sameShape;

/** One channel's time limit, as a search result shows it. */
export const TimeLimitSummary = z.object({ channel: z.enum(CHANNELS), amount: z.number(), unit: z.enum(DURATION_UNITS) });
export type TimeLimitSummary = z.infer<typeof TimeLimitSummary>;

/** One row of the public search. */
export const ProcedureSummary = z
  .object({
    code: z.string(),
    name: z.string(),
    fieldCode: z.string(),
    fieldName: z.string().nullable(),
    level: z.enum(PROCEDURE_LEVELS),
    onlineLevel: z.enum(ONLINE_LEVELS),
    timeLimits: z.array(TimeLimitSummary),
    competentAuthority: z.string(),
    implementingUnitCodes: z.array(z.string()),
    locationIndependent: z.boolean(),
    hasFee: z.boolean(),
  })
  .meta({ id: 'ProcedureSummary' });
export type ProcedureSummary = z.infer<typeof ProcedureSummary>;

/** GET /api/v1/procedures: the query string. */
export const ProcedureSearchQuery = z.strictObject({
  q: text(200).optional(),
  field: text(40).optional(),
  level: z.enum(PROCEDURE_LEVELS).optional(),
  unit: text(40).optional().describe('Thủ tục do đơn vị này (hoặc đơn vị trực thuộc) thực hiện'),
  onlineLevel: z.enum(ONLINE_LEVELS).optional(),
  at: isoDate.optional().describe('Danh mục có hiệu lực vào ngày này (mặc định: hôm nay)'),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});
export type ProcedureSearchQuery = z.infer<typeof ProcedureSearchQuery>;

export const ProcedureSearchPage = z.object({ total: z.number(), page: z.number(), pageSize: z.number(), items: z.array(ProcedureSummary) });
export type ProcedureSearchPage = z.infer<typeof ProcedureSearchPage>;

export const ProcedureField = z.object({ code: z.string(), name: z.string() });
export type ProcedureField = z.infer<typeof ProcedureField>;

/** GET /api/v1/procedure-fields */
export const ProcedureFields = z.object({ fields: z.array(ProcedureField) });
export type ProcedureFields = z.infer<typeof ProcedureFields>;

export const ProcedureCodeParams = z.strictObject({ code: ProcedureCode });
export type ProcedureCodeParams = z.infer<typeof ProcedureCodeParams>;

/** GET /api/v1/procedures/{code}: the query string. */
export const ProcedureAtQuery = z.strictObject({ at: isoDate.optional().describe('Phiên bản có hiệu lực vào ngày này (mặc định: hôm nay)') });
export type ProcedureAtQuery = z.infer<typeof ProcedureAtQuery>;

/** One version of a procedure, and the publication decision that made it. */
export const ProcedureVersionInfo = z.object({
  id: z.string().describe('Id of this version: a dossier records it'),
  version: z.number(),
  /** yyyy-MM-dd */
  effectiveFrom: z.string(),
  /** yyyy-MM-dd, the last day of this version; null while open-ended. */
  effectiveTo: z.string().nullable(),
  endReason: z.enum(['amended', 'replaced', 'abolished']).nullable(),
  /** Code of the procedure that replaced this one. */
  replacedBy: z.string().nullable(),
  decision: z.object({ id: z.string(), number: z.string(), issuedOn: z.string() }),
});
export type ProcedureVersionInfo = z.infer<typeof ProcedureVersionInfo>;

/** GET /api/v1/procedures/{code}: the record in force with two display fields that are not part of it. */
export const ProcedureDetail = ProcedureRecord.extend({ fieldName: z.string().nullable(), versionInfo: ProcedureVersionInfo }).meta({ id: 'ProcedureDetail' });
export type ProcedureDetail = z.infer<typeof ProcedureDetail>;

/** GET /api/v1/procedures/{code}/versions */
export const ProcedureVersions = z.object({ code: z.string(), versions: z.array(ProcedureVersionInfo.extend({ name: z.string() })) });
export type ProcedureVersions = z.infer<typeof ProcedureVersions>;

/** POST /api/v1/procedures/check */
export const CompletenessReport = z.object({ problems: z.array(z.object({ part: z.string(), path: z.string(), message: z.string() })) });
export type CompletenessReport = z.infer<typeof CompletenessReport>;

/** GET /api/v1/procedures/{code}/qr.png: the query string (the bounds are the QR code maker's). */
export function qrPngQuery(minSize: number, maxSize: number) {
  return z.strictObject({
    size: z.coerce.number().int().min(minSize).max(maxSize).default(256).describe(`Cạnh ảnh, tính bằng điểm ảnh (${minSize}–${maxSize})`),
  });
}
