/**
 * What crosses the wire for publishing the catalogue (capability catalogue.manage): publication decisions
 * (drafted, checked, published) with their signed PDF, the legal documents they rest on, and the watchdog.
 */
import { z } from 'zod';
import { ProcedureCode, ProcedureRecord } from './procedure.js';
import { isoDate, text } from './text.js';

export const DECISION_KINDS = ['new', 'amended', 'replaced', 'abolished'] as const;
export const DecisionItemKind = z.enum(DECISION_KINDS);
export type DecisionItemKind = z.infer<typeof DecisionItemKind>;

/** One row of GET /api/v1/publication-decisions. */
export const DecisionSummary = z.object({
  id: z.string(),
  number: z.string(),
  /** yyyy-MM-dd */
  issuedOn: z.string(),
  signer: z.string(),
  /** 'draft' | 'published' */
  status: z.string(),
  /** ISO instant; null for a draft. */
  publishedAt: z.string().nullable(),
  /** How many procedures the decision covers. */
  items: z.number(),
});
export type DecisionSummary = z.infer<typeof DecisionSummary>;

export const DecisionList = z.object({ decisions: z.array(DecisionSummary) });
export type DecisionList = z.infer<typeof DecisionList>;

/** A problem blocking publication: `path` like "items.0.record.components". */
export const Problem = z.object({ path: z.string(), message: z.string() });
export type Problem = z.infer<typeof Problem>;

const ProblemList = z.array(Problem);

export const DecisionItemBody = z.strictObject({
  kind: DecisionItemKind,
  procedureCode: ProcedureCode,
  replacesCode: ProcedureCode.nullable().default(null),
  effectiveFrom: isoDate,
  legalDocumentNumber: text(100).trim().min(1).nullable().default(null),
  record: ProcedureRecord.nullable().default(null),
});

/** POST /api/v1/publication-decisions */
export const DecisionBody = z.strictObject({
  number: text(100).trim().min(1).describe('Số quyết định, ví dụ 1234/QĐ-UBND'),
  issuedOn: isoDate,
  signer: text(200).trim().min(1),
  unitCode: text(40).trim().min(1).describe('Cơ quan ban hành (UBND tỉnh)'),
  items: z.array(DecisionItemBody).min(1).max(500),
});
export type DecisionBody = z.infer<typeof DecisionBody>;
/** What the browser sends: the items' defaulted fields may be left out. */
export type DecisionInput = z.input<typeof DecisionBody>;

export const DecisionIdParams = z.strictObject({ id: z.uuid() });
export type DecisionIdParams = z.infer<typeof DecisionIdParams>;

export const DecisionCreated = z.object({ id: z.string(), status: z.literal('draft'), problems: ProblemList.describe('Những điểm còn chặn việc công bố') });
export type DecisionCreated = z.infer<typeof DecisionCreated>;

export const DecisionItem = z.object({
  kind: DecisionItemKind,
  procedureCode: z.string(),
  replacesCode: z.string().nullable(),
  effectiveFrom: z.string(),
  legalDocumentNumber: z.string().nullable(),
  record: ProcedureRecord.nullable(),
});
export type DecisionItem = z.infer<typeof DecisionItem>;

/** GET /api/v1/publication-decisions/{id} */
export const DecisionDetail = z.object({
  id: z.string(),
  number: z.string(),
  issuedOn: z.string(),
  signer: z.string(),
  unitCode: z.string(),
  status: z.string(),
  publishedAt: z.string().nullable(),
  items: z.array(DecisionItem),
  /** What still blocks publication (drafts only; empty for a published decision). */
  problems: ProblemList,
});
export type DecisionDetail = z.infer<typeof DecisionDetail>;

/** POST /api/v1/publication-decisions/{id}/publish; otherwise 422 PUBLICATION_BLOCKED with details [{ path, message }]. */
export const DecisionPublished = z.object({ id: z.string(), status: z.literal('published'), items: z.number() });
export type DecisionPublished = z.infer<typeof DecisionPublished>;

export const DecisionDeleted = z.object({ id: z.string() });
export type DecisionDeleted = z.infer<typeof DecisionDeleted>;

/** PUT /api/v1/publication-decisions/{id}/file: the query string. */
export const DecisionFileQuery = z.strictObject({
  name: text(200)
    .trim()
    .min(1)
    .regex(/\.pdf$/i, 'tên tệp phải kết thúc bằng .pdf'),
});
export type DecisionFileQuery = z.infer<typeof DecisionFileQuery>;

export const DecisionFileAttached = z.object({ id: z.string(), fileName: z.string(), sha256: z.string(), size: z.number() });
export type DecisionFileAttached = z.infer<typeof DecisionFileAttached>;

/** POST /api/v1/legal-documents */
export const LegalDocumentBody = z.strictObject({
  number: text(100).trim().min(1),
  title: text(500).trim().min(1),
  issuer: text(200).trim().min(1),
  issuedOn: isoDate,
  effectiveFrom: isoDate,
});
export type LegalDocumentBody = z.infer<typeof LegalDocumentBody>;
export type LegalDocumentInput = z.input<typeof LegalDocumentBody>;

export const LegalDocumentCreated = LegalDocumentBody.extend({ id: z.string() });
export type LegalDocumentCreated = z.infer<typeof LegalDocumentCreated>;

export const LegalDocument = LegalDocumentBody.extend({
  id: z.string(),
  /** How many publication decisions refer to it. */
  decisions: z.number(),
});
export type LegalDocument = z.infer<typeof LegalDocument>;

/** GET /api/v1/legal-documents */
export const LegalDocumentList = z.object({ documents: z.array(LegalDocument) });
export type LegalDocumentList = z.infer<typeof LegalDocumentList>;

const Finding = z.object({
  decisionId: z.string(),
  decisionNumber: z.string(),
  issuedOn: z.string(),
  deadline: z.string(),
  workingDaysLate: z.number(),
  procedureCodes: z.array(z.string()),
  unitCodes: z.array(z.string()),
  communeWide: z.boolean().describe('Có thủ tục cấp xã áp dụng cho mọi xã (không nêu đơn vị)'),
});

/** GET /api/v1/catalogue/watchdog */
export const WatchdogReport = z.object({
  /** yyyy-MM-dd in Vietnam. */
  today: z.string(),
  rules: z.object({ decisionLeadWorkingDays: z.number(), publishWithinWorkingDays: z.number(), warnWorkingDays: z.number() }),
  lateDecisions: z.array(Finding.extend({ legalNumber: z.string(), effectiveFrom: z.string() })),
  publicationDelays: z.array(Finding.extend({ publishedOn: z.string().nullable(), status: z.enum(['late', 'overdue', 'atRisk']) })),
  missingDecisions: z
    .array(
      z.object({
        number: z.string(),
        title: z.string(),
        effectiveFrom: z.string(),
        deadline: z.string().describe('Hạn ban hành quyết định công bố'),
        status: z.enum(['overdue', 'atRisk']),
        inForce: z.boolean().describe('Văn bản đã có hiệu lực mà chưa có quyết định công bố'),
        workingDaysLate: z.number().int().describe('Số ngày làm việc chậm so với hạn ban hành quyết định'),
      }),
    )
    .describe('Văn bản chưa có quyết định nào công bố thủ tục theo nó, kể cả văn bản đã có hiệu lực'),
});
export type WatchdogReport = z.infer<typeof WatchdogReport>;
