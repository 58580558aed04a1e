/** The small form that adds a legal document: required text and real dates, checked before sending. */
import type { LegalDocumentInput } from './api/publication-api.js';
import { isCalendarDate } from './decision-draft.js';

export type LegalDocumentErrors = Partial<Record<keyof LegalDocumentInput, string>>;

export const EMPTY_LEGAL_DOCUMENT: LegalDocumentInput = { number: '', title: '', issuer: '', issuedOn: '', effectiveFrom: '' };

export function validateLegalDocument(input: LegalDocumentInput): LegalDocumentErrors {
  const errors: LegalDocumentErrors = {};
  if (input.number.trim() === '') errors.number = 'Nhập số, ký hiệu văn bản.';
  if (input.title.trim() === '') errors.title = 'Nhập trích yếu văn bản.';
  if (input.issuer.trim() === '') errors.issuer = 'Nhập cơ quan ban hành.';
  if (input.issuedOn === '') errors.issuedOn = 'Chọn ngày ban hành.';
  else if (!isCalendarDate(input.issuedOn)) errors.issuedOn = 'Ngày ban hành không hợp lệ.';
  if (input.effectiveFrom === '') errors.effectiveFrom = 'Chọn ngày có hiệu lực.';
  else if (!isCalendarDate(input.effectiveFrom)) errors.effectiveFrom = 'Ngày có hiệu lực không hợp lệ.';
  else if (isCalendarDate(input.issuedOn) && input.effectiveFrom < input.issuedOn) errors.effectiveFrom = 'Ngày có hiệu lực không được trước ngày ban hành.';
  return errors;
}

/** The body to send: trimmed text. */
export function legalDocumentBody(input: LegalDocumentInput): LegalDocumentInput {
  return { ...input, number: input.number.trim(), title: input.title.trim(), issuer: input.issuer.trim() };
}
