/**
 * What crosses the wire for the province's register of legal normative documents (văn bản quy phạm pháp luật, issue
 * 23 item 8; src/http/routes/legal-documents.ts): the register with its overdue reviews, a document with the documents
 * that changed it and its reviews, registering and editing one, recording a review or a link, and the year's figures
 * the PAR INDEX reads.
 */
import { z } from 'zod';
import { isoDate, text } from './text.js';
import {
  LEGAL_DOCUMENT_TYPES,
  LEGAL_RELATIONS,
  LEGAL_STATUSES,
  MARKED_STATUSES,
  REVIEW_KINDS,
  REVIEW_RESULTS,
} from '../domain/legal-documents/legal-document.js';

const version = z.number().int().min(1).describe('Phiên bản của văn bản mà người thao tác đã xem (phát hiện sửa đồng thời)');

export const LegalDocumentParams = z.strictObject({ id: z.uuid() });

export const LegalRegisterQuery = z.strictObject({
  status: z.enum(LEGAL_STATUSES).optional(),
  type: z.enum(LEGAL_DOCUMENT_TYPES).optional(),
  year: z.coerce.number().int().min(1990).max(2100).optional().describe('Năm ban hành'),
  q: text(200).optional().describe('Tìm trong số, ký hiệu và trích yếu'),
});

export const LegalDocumentFields = z.strictObject({
  number: text(60).trim().min(5).describe('Số, ký hiệu, ví dụ 12/2024/QĐ-UBND'),
  type: z.enum(LEGAL_DOCUMENT_TYPES),
  title: text(1000).trim().min(5).describe('Trích yếu'),
  issuer: text(300).trim().min(3).describe('Cơ quan ban hành: HĐND tỉnh, UBND tỉnh…'),
  issuedOn: isoDate,
  effectiveFrom: isoDate,
  expiresOn: isoDate.nullable().default(null),
  markedStatus: z.enum(MARKED_STATUSES).default('inForce').describe('Sửa đổi, hết hiệu lực một phần bởi văn bản ngoài danh mục của tỉnh'),
  reviewDueOn: isoDate.nullable().default(null).describe('Hạn rà soát tiếp theo'),
});
export const RegisterLegalDocumentBody = LegalDocumentFields.meta({ id: 'RegisterLegalDocumentBody' });
export type RegisterLegalDocumentBody = z.input<typeof RegisterLegalDocumentBody>;
export const EditLegalDocumentBody = LegalDocumentFields.omit({ number: true }).extend({ expectedVersion: version }).meta({ id: 'EditLegalDocumentBody' });
export type EditLegalDocumentBody = z.input<typeof EditLegalDocumentBody>;

export const RecordReviewBody = z
  .strictObject({
    expectedVersion: version,
    kind: z.enum(REVIEW_KINDS).default('review'),
    reviewedOn: isoDate,
    result: z.enum(REVIEW_RESULTS),
    reviewer: text(300).trim().min(3).describe('Cơ quan, người rà soát'),
    note: text(2000).trim().nullable().default(null),
    nextDueOn: isoDate.nullable().describe('Hạn rà soát tiếp theo; để trống: không đặt lịch'),
  })
  .meta({ id: 'RecordReviewBody' });
export type RecordReviewBody = z.input<typeof RecordReviewBody>;

export const LinkLegalDocumentBody = z
  .strictObject({
    expectedVersion: version,
    relation: z.enum(LEGAL_RELATIONS),
    byNumber: text(60).trim().min(5).describe('Số, ký hiệu của văn bản sửa đổi, bãi bỏ, thay thế (đã có trong danh mục)'),
    note: text(1000).trim().nullable().default(null),
  })
  .meta({ id: 'LinkLegalDocumentBody' });
export type LinkLegalDocumentBody = z.input<typeof LinkLegalDocumentBody>;

export const LegalDocumentSummary = z.object({
  id: z.string(),
  number: z.string(),
  type: z.enum(LEGAL_DOCUMENT_TYPES),
  typeLabel: z.string(),
  title: z.string(),
  issuer: z.string(),
  issuedOn: z.string(),
  effectiveFrom: z.string(),
  expiresOn: z.string().nullable(),
  status: z.enum(LEGAL_STATUSES).describe('Tình trạng hôm nay, theo ngày hiệu lực, văn bản sửa đổi, bãi bỏ, thay thế và đánh dấu'),
  statusLabel: z.string(),
  reviewDueOn: z.string().nullable(),
  reviewOverdueDays: z.number().int().describe('Số ngày quá hạn rà soát (0: không quá hạn)'),
  version: z.number().int(),
});

export const LegalRegister = z
  .object({
    today: z.string(),
    items: z.array(LegalDocumentSummary),
    overdueReviews: z.array(LegalDocumentSummary).describe('Văn bản quá hạn rà soát, quá hạn lâu nhất trước'),
  })
  .meta({ id: 'LegalRegister' });
export type LegalRegister = z.infer<typeof LegalRegister>;

const LinkView = z.object({
  id: z.string(),
  number: z.string(),
  title: z.string(),
  relation: z.enum(LEGAL_RELATIONS),
  relationLabel: z.string(),
  effectiveFrom: z.string(),
  note: z.string().nullable(),
});

export const LegalDocumentDetail = LegalDocumentSummary.extend({
  markedStatus: z.enum(MARKED_STATUSES),
  changedBy: z.array(LinkView).describe('Văn bản sửa đổi, bãi bỏ, thay thế văn bản này'),
  changes: z.array(LinkView).describe('Văn bản mà văn bản này sửa đổi, bãi bỏ, thay thế'),
  reviews: z.array(
    z.object({
      id: z.string(),
      kind: z.enum(REVIEW_KINDS),
      kindLabel: z.string(),
      reviewedOn: z.string(),
      dueOn: z.string().nullable(),
      onSchedule: z.boolean(),
      result: z.enum(REVIEW_RESULTS),
      resultLabel: z.string(),
      reviewer: z.string(),
      note: z.string().nullable(),
      nextDueOn: z.string().nullable(),
    }),
  ),
  citedByDecisions: z.number().int().describe('Số quyết định công bố thủ tục hành chính lấy văn bản làm căn cứ'),
}).meta({ id: 'LegalDocumentDetail' });
export type LegalDocumentDetail = z.infer<typeof LegalDocumentDetail>;

export const LegalDocumentOutcome = z
  .object({ id: z.string(), version: z.number().int(), status: z.enum(LEGAL_STATUSES) })
  .meta({ id: 'LegalDocumentOutcome' });
export type LegalDocumentOutcome = z.infer<typeof LegalDocumentOutcome>;

export const LegalFiguresQuery = z.strictObject({ year: z.coerce.number().int().min(1990).max(2100) });
export const LegalFigures = z
  .object({
    year: z.number().int(),
    provinceCode: z.string(),
    asOf: z.string().describe('Ngày chốt số liệu: 31/12 của năm, hoặc hôm nay khi năm chưa hết'),
    issued: z.number().int().describe('Văn bản ban hành trong năm'),
    reviews: z.number().int().describe('Lượt rà soát, hệ thống hóa trong năm'),
    reviewedOnSchedule: z.number().int().describe('Lượt rà soát đúng hạn'),
    reviewedLate: z.number().int(),
    reviewsOverdue: z.number().int().describe('Văn bản quá hạn rà soát tại ngày chốt'),
    inForce: z.number().int().describe('Văn bản còn hiệu lực (toàn bộ hoặc một phần) tại ngày chốt'),
  })
  .meta({ id: 'LegalFigures' });
export type LegalFigures = z.infer<typeof LegalFigures>;
