/**
 * E-results in words (issue 19): what a document is, where it stands, how each signature was made, and what
 * the verifier found. Pure: no React, no network.
 */
import type { ApiError } from '../../shared/api.js';
import type { PaymentTone } from '../payments/payment-view.js';
import type { ResultDocument, ResultKind, ResultSignature, ResultStatus, SignatureLevel, SigningProvider, Verdict } from './api/results-api.js';

/** The badge looks of the payments, shared: success green, warning yellow, danger red. */
export type ResultTone = PaymentTone;

export const KIND_LABELS: Record<ResultKind, string> = {
  result: 'Kết quả',
  annex: 'Phụ lục',
  certifiedCopy: 'Bản sao chứng thực',
};

export const STATUS_LABELS: Record<ResultStatus, string> = {
  draft: 'Bản nháp',
  awaitingSignature: 'Chờ ký',
  signed: 'Đã ký ban hành',
  revoked: 'Đã thu hồi',
  replaced: 'Đã được thay thế',
};

const STATUS_TONES: Record<ResultStatus, ResultTone> = {
  draft: 'neutral',
  awaitingSignature: 'warning',
  signed: 'success',
  revoked: 'danger',
  replaced: 'warning',
};

export const PROVIDER_LABELS: Record<SigningProvider, string> = {
  pkcs12: 'Chứng thư số (PKCS#12)',
  remote: 'Ký số từ xa',
  hashOnly: 'Thiết bị ký số (USB token/HSM)',
};

export const VERDICT_LABELS: Record<Verdict, string> = {
  valid: 'Hợp lệ',
  invalid: 'Không hợp lệ',
  unsigned: 'Không có chữ ký số',
};

const VERDICT_TONES: Record<Verdict, ResultTone> = { valid: 'success', invalid: 'danger', unsigned: 'neutral' };

export function statusTone(status: ResultStatus): ResultTone {
  return STATUS_TONES[status];
}

export function verdictTone(verdict: Verdict): ResultTone {
  return VERDICT_TONES[verdict];
}

/** Signed and handed out: the applicant sees it, and its QR code leads to a public record. */
export function isIssued(status: ResultStatus): boolean {
  return status === 'signed' || status === 'revoked' || status === 'replaced';
}

/** "Kết quả", "Phụ lục", "Bản sao chứng thực số 3/2026". */
export function kindText(doc: Pick<ResultDocument, 'kind' | 'registerNumber'>): string {
  const label = KIND_LABELS[doc.kind];
  return doc.registerNumber ? `${label} số ${doc.registerNumber}` : label;
}

/** "PAdES B-T": the signature's level, as the verifier and pdfsig name it. */
export function levelText(level: SignatureLevel): string {
  return `PAdES ${level}`;
}

/** "có dấu thời gian", or why the signature has none (the signing service's own timestamp failed, say). */
export function timestampText(signature: Pick<ResultSignature, 'timestampAt' | 'timestampNote'>): string {
  if (signature.timestampAt) return 'có dấu thời gian';
  return signature.timestampNote ? `không có dấu thời gian: ${signature.timestampNote}` : 'không có dấu thời gian';
}

/** The signing service's or the certificate's own reason behind a refusal (`details.reason`), when it gave one. */
export function errorReason(error: Pick<ApiError, 'details'>): string | null {
  const details: unknown = error.details;
  if (typeof details !== 'object' || details === null || !('reason' in details)) return null;
  return typeof details.reason === 'string' && details.reason.trim() ? details.reason : null;
}

/** "giay-khai-sinh.pdf" → "giay-khai-sinh": a title for an uploaded file when none was typed. */
export function titleFromFileName(fileName: string): string {
  return fileName.replace(/\.[^.]+$/, '').trim() || fileName;
}

/** The document replaced by `doc`, or replacing it, among the dossier's documents. */
export function relatedTitle(items: readonly ResultDocument[], id: string | null): string | null {
  if (!id) return null;
  return items.find((d) => d.id === id)?.title ?? null;
}

/**
 * The verification code in what someone typed or pasted: the code itself, or the whole address the QR code
 * holds (…/xac-thuc/{code}); null when it cannot be a code.
 */
export function codeFromInput(text: string): string | null {
  const trimmed = text.trim();
  const code = /\/xac-thuc\/([^/?#\s]+)/.exec(trimmed)?.[1] ?? trimmed;
  return /^[A-Za-z0-9_-]{8,64}$/.test(code) ? code : null;
}
