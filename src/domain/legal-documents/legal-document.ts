/**
 * The province's register of legal normative documents (văn bản quy phạm pháp luật, issue 23 item 8): their types and
 * numbers, how each stands on a day, and the review schedule (rà soát, hệ thống hóa).
 *
 * A document's status is judged, never typed in by hand alone: not yet in force before its effective date; expired
 * from its expiry date, or once a document repealing or replacing it has taken effect; partly expired once one
 * repealing part of it has; amended (sửa đổi, bổ sung) once one amending it has; otherwise in force. An official may
 * also mark a document amended or partly expired by a document outside the register (a law, a decree).
 */
import { isRealIsoDate } from '../calendar/civil-date.js';

export const LEGAL_DOCUMENT_TYPES = ['resolution', 'decision', 'directive'] as const;
export type LegalDocumentType = (typeof LEGAL_DOCUMENT_TYPES)[number];
export const LEGAL_DOCUMENT_TYPE_LABELS = { resolution: 'Nghị quyết', decision: 'Quyết định', directive: 'Chỉ thị' } as const satisfies Record<
  LegalDocumentType,
  string
>;
/** The abbreviation of each type in a number (12/2024/QĐ-UBND). */
const TYPE_SYMBOLS: Record<string, LegalDocumentType> = { NQ: 'resolution', QĐ: 'decision', QD: 'decision', CT: 'directive' };

export const LEGAL_STATUSES = ['notYetInForce', 'inForce', 'amended', 'partlyExpired', 'expired'] as const;
export type LegalStatus = (typeof LEGAL_STATUSES)[number];
export const LEGAL_STATUS_LABELS = {
  notYetInForce: 'Chưa có hiệu lực',
  inForce: 'Còn hiệu lực',
  amended: 'Được sửa đổi, bổ sung',
  partlyExpired: 'Hết hiệu lực một phần',
  expired: 'Hết hiệu lực',
} as const satisfies Record<LegalStatus, string>;

/** What an official may mark by hand (the rest follows from dates and links). */
export const MARKED_STATUSES = ['inForce', 'amended', 'partlyExpired'] as const;
export type MarkedStatus = (typeof MARKED_STATUSES)[number];

/** How a later document changes an earlier one. */
export const LEGAL_RELATIONS = ['amends', 'partlyRepeals', 'repeals', 'replaces'] as const;
export type LegalRelation = (typeof LEGAL_RELATIONS)[number];
export const LEGAL_RELATION_LABELS = {
  amends: 'Sửa đổi, bổ sung',
  partlyRepeals: 'Bãi bỏ một phần',
  repeals: 'Bãi bỏ',
  replaces: 'Thay thế',
} as const satisfies Record<LegalRelation, string>;

/** A review's conclusion (kết quả rà soát). */
export const REVIEW_RESULTS = ['keep', 'amend', 'replace', 'repeal'] as const;
export type ReviewResult = (typeof REVIEW_RESULTS)[number];
export const REVIEW_RESULT_LABELS = {
  keep: 'Còn phù hợp, giữ nguyên',
  amend: 'Cần sửa đổi, bổ sung',
  replace: 'Cần thay thế',
  repeal: 'Cần bãi bỏ',
} as const satisfies Record<ReviewResult, string>;

export const REVIEW_KINDS = ['review', 'systematization'] as const;
export type ReviewKind = (typeof REVIEW_KINDS)[number];
export const REVIEW_KIND_LABELS = { review: 'Rà soát', systematization: 'Hệ thống hóa' } as const satisfies Record<ReviewKind, string>;

/** "12/2024/QĐ-UBND": a number, the year, the type's symbol and the issuer's. */
export const LEGAL_NUMBER_PATTERN = /^(\d{1,4})\/(\d{4})\/([A-ZĐ]{2,4})-([A-ZĐ0-9]+(?:-[A-ZĐ0-9]+)*)$/u;

/** The year and type a number says, or why it is not a number of the province's documents. */
export function readLegalNumber(number: string): { ok: true; year: number; type: LegalDocumentType } | { ok: false; message: string } {
  const m = LEGAL_NUMBER_PATTERN.exec(number.trim());
  if (!m) return { ok: false, message: 'Số, ký hiệu phải có dạng số/năm/loại-cơ quan, ví dụ 12/2024/QĐ-UBND.' };
  const type = TYPE_SYMBOLS[m[3]!];
  if (!type) return { ok: false, message: `Ký hiệu loại văn bản “${m[3]}” không phải NQ, QĐ hoặc CT.` };
  return { ok: true, year: Number(m[2]), type };
}

/** The problems of a document's number, type and dates, each with the field it is about. */
export function checkLegalDocument(doc: {
  number: string;
  type: LegalDocumentType;
  issuedOn: string;
  effectiveFrom: string;
  expiresOn: string | null;
  reviewDueOn: string | null;
}): { path: string; message: string }[] {
  const problems: { path: string; message: string }[] = [];
  const read = readLegalNumber(doc.number);
  if (!read.ok) problems.push({ path: 'number', message: read.message });
  else {
    if (read.type !== doc.type)
      problems.push({
        path: 'type',
        message: `Số, ký hiệu ${doc.number} là của ${LEGAL_DOCUMENT_TYPE_LABELS[read.type].toLowerCase()}, không phải ${LEGAL_DOCUMENT_TYPE_LABELS[doc.type].toLowerCase()}.`,
      });
    if (isRealIsoDate(doc.issuedOn) && read.year !== Number(doc.issuedOn.slice(0, 4)))
      problems.push({ path: 'issuedOn', message: `Số, ký hiệu ghi năm ${read.year} nhưng ngày ban hành thuộc năm ${doc.issuedOn.slice(0, 4)}.` });
  }
  if (doc.effectiveFrom < doc.issuedOn) problems.push({ path: 'effectiveFrom', message: 'Ngày có hiệu lực không được trước ngày ban hành.' });
  if (doc.expiresOn !== null && doc.expiresOn <= doc.effectiveFrom)
    problems.push({ path: 'expiresOn', message: 'Ngày hết hiệu lực phải sau ngày có hiệu lực.' });
  if (doc.reviewDueOn !== null && doc.reviewDueOn < doc.issuedOn)
    problems.push({ path: 'reviewDueOn', message: 'Hạn rà soát không được trước ngày ban hành.' });
  return problems;
}

export interface DatedDocument {
  effectiveFrom: string;
  expiresOn: string | null;
  markedStatus: MarkedStatus;
}

/** A link to the document from one that changes it, with the day the changing document took effect. */
export interface IncomingLink {
  relation: LegalRelation;
  byEffectiveFrom: string;
}

const RANK: Record<LegalStatus, number> = { notYetInForce: 0, inForce: 0, amended: 1, partlyExpired: 2, expired: 3 };
const BY_RELATION: Record<LegalRelation, LegalStatus> = { amends: 'amended', partlyRepeals: 'partlyExpired', repeals: 'expired', replaces: 'expired' };

/** How a document stands on `day` (yyyy-MM-dd). */
export function legalStatusOn(doc: DatedDocument, links: readonly IncomingLink[], day: string): LegalStatus {
  if (doc.expiresOn !== null && doc.expiresOn <= day) return 'expired';
  if (doc.effectiveFrom > day) return 'notYetInForce';
  let status: LegalStatus = doc.markedStatus;
  for (const link of links) if (link.byEffectiveFrom <= day && RANK[BY_RELATION[link.relation]] > RANK[status]) status = BY_RELATION[link.relation];
  return status;
}

/** In force on `day`, whole or in part (amended and partly expired documents still are). */
export const inForceOn = (doc: DatedDocument, links: readonly IncomingLink[], day: string): boolean => {
  const status = legalStatusOn(doc, links, day);
  return status !== 'expired' && status !== 'notYetInForce';
};

export interface RecordedReview {
  reviewedOn: string;
  /** The review due date this review answered (null: none was set). */
  dueOn: string | null;
  /** The next review due date it set (null: none). */
  nextDueOn: string | null;
}

/**
 * The review due date pending on `day`: the document's current due date when no review was recorded after that day;
 * else the one set by the last review recorded by then, or before any review the one the first review answered.
 */
export function pendingReviewDue(currentDueOn: string | null, reviews: readonly RecordedReview[], day: string): string | null {
  const sorted = [...reviews].sort((a, b) => a.reviewedOn.localeCompare(b.reviewedOn));
  const done = sorted.filter((r) => r.reviewedOn <= day);
  if (done.length === sorted.length) return currentDueOn;
  return done.length > 0 ? done.at(-1)!.nextDueOn : sorted[0]!.dueOn;
}

/** A review on schedule: on or before the due date it answered (or with none set). */
export const reviewedOnSchedule = (review: RecordedReview): boolean => review.dueOn === null || review.reviewedOn <= review.dueOn;

/** Whether the document's review is overdue on `day`: in force, and its pending due date has passed. */
export function reviewOverdueOn(
  doc: DatedDocument,
  links: readonly IncomingLink[],
  currentDueOn: string | null,
  reviews: readonly RecordedReview[],
  day: string,
) {
  const due = pendingReviewDue(currentDueOn, reviews, day);
  return due !== null && due < day && legalStatusOn(doc, links, day) !== 'expired';
}
