/**
 * The legal-documents register's pages, pure (issue 23 item 8): paths, the register's filters as a query string, how a
 * status looks, the document form's values and checks (the type read from the number, 12/2024/QĐ-UBND), a date a year
 * on. The server checks everything again.
 */
import {
  LEGAL_DOCUMENT_TYPE_LABELS,
  LEGAL_DOCUMENT_TYPES,
  LEGAL_STATUS_LABELS,
  LEGAL_STATUSES,
  readLegalNumber,
  type LegalDocumentType,
  type MarkedStatus,
} from '../../../domain/legal-documents/legal-document.js';
import { BADGE_LOOKS, type BadgeLook } from '../../shared/badge-looks.js';
import type { LegalDocumentDetail, LegalStatus } from './api/legal-documents-api.js';

export const REGISTER_PAGE = '/can-bo/van-ban-phap-luat';
export const documentPage = (id: string) => `${REGISTER_PAGE}/${id}`;

/** How a status looks: colour only doubles the words (theme shades with 4.5:1 contrast). */
export const STATUS_LOOKS: Record<LegalStatus, BadgeLook> = {
  notYetInForce: { color: 'gray', variant: 'outline' },
  inForce: { color: 'govBlue', variant: 'filled' },
  amended: BADGE_LOOKS.info,
  partlyExpired: BADGE_LOOKS.warning,
  expired: { color: 'gray.7', variant: 'filled' },
};
export const STATUS_OPTIONS = [{ value: '', label: 'Mọi tình trạng' }, ...LEGAL_STATUSES.map((s) => ({ value: s, label: LEGAL_STATUS_LABELS[s] }))];
export const TYPE_OPTIONS = LEGAL_DOCUMENT_TYPES.map((t) => ({ value: t, label: LEGAL_DOCUMENT_TYPE_LABELS[t] }));

export interface RegisterFilter {
  status: string;
  q: string;
  year: string;
}

/** The register's query string: only the filters set. */
export function registerQuery(filter: RegisterFilter): string {
  const params = new URLSearchParams();
  if (filter.status) params.set('status', filter.status);
  if (filter.q.trim()) params.set('q', filter.q.trim());
  if (/^\d{4}$/.test(filter.year)) params.set('year', filter.year);
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** The same day a year later (29/02 → 28/02): the default next review due date. */
export function aYearAfter(day: string): string {
  const year = Number(day.slice(0, 4)) + 1;
  const rest = day.slice(5) === '02-29' ? '02-28' : day.slice(5);
  return `${year}-${rest}`;
}

export interface DocumentValues {
  number: string;
  type: LegalDocumentType;
  title: string;
  issuer: string;
  issuedOn: string;
  effectiveFrom: string;
  expiresOn: string;
  markedStatus: MarkedStatus;
  reviewDueOn: string;
}
export type DocumentErrors = Partial<Record<keyof DocumentValues, string>>;
export const EMPTY_DOCUMENT: DocumentValues = {
  number: '',
  type: 'decision',
  title: '',
  issuer: 'Ủy ban nhân dân tỉnh',
  issuedOn: '',
  effectiveFrom: '',
  expiresOn: '',
  markedStatus: 'inForce',
  reviewDueOn: '',
};

export function documentValues(d: LegalDocumentDetail): DocumentValues {
  return {
    number: d.number,
    type: d.type,
    title: d.title,
    issuer: d.issuer,
    issuedOn: d.issuedOn,
    effectiveFrom: d.effectiveFrom,
    expiresOn: d.expiresOn ?? '',
    markedStatus: d.markedStatus,
    reviewDueOn: d.reviewDueOn ?? '',
  };
}

/** A number typed: the type it says, when it says one. */
export function typeFromNumber(number: string): LegalDocumentType | null {
  const read = readLegalNumber(number);
  return read.ok ? read.type : null;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The form's problems by field (empty when it may be sent). */
export function documentErrors(v: DocumentValues): DocumentErrors {
  const errors: DocumentErrors = {};
  const read = readLegalNumber(v.number);
  if (!read.ok) errors.number = read.message;
  if (v.title.trim().length < 5) errors.title = 'Cần ghi trích yếu văn bản.';
  if (v.issuer.trim().length < 3) errors.issuer = 'Cần ghi cơ quan ban hành.';
  if (!DAY.test(v.issuedOn)) errors.issuedOn = 'Cần chọn ngày ban hành.';
  if (!DAY.test(v.effectiveFrom)) errors.effectiveFrom = 'Cần chọn ngày có hiệu lực.';
  else if (DAY.test(v.issuedOn) && v.effectiveFrom < v.issuedOn) errors.effectiveFrom = 'Ngày có hiệu lực không được trước ngày ban hành.';
  if (v.expiresOn && v.expiresOn <= v.effectiveFrom) errors.expiresOn = 'Ngày hết hiệu lực phải sau ngày có hiệu lực.';
  return errors;
}

/** The values as the server takes them (empty dates as null). */
export function documentBody(v: DocumentValues) {
  return {
    type: v.type,
    title: v.title.trim(),
    issuer: v.issuer.trim(),
    issuedOn: v.issuedOn,
    effectiveFrom: v.effectiveFrom,
    expiresOn: v.expiresOn || null,
    markedStatus: v.markedStatus,
    reviewDueOn: v.reviewDueOn || null,
  };
}
