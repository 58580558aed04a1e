/** How fees and payments read: a line's state, a receipt's name, and what the page says after the gateway sends the applicant back. */
import { FEE_KIND_LABELS, formatVnd } from '../../../domain/payment/fees.js';
import type { DossierPayments, FeeLine, PaymentAttempt, PaymentReceipt } from './api/payments-api.js';

/** Colour doubles the words, never replaces them. */
export type PaymentTone = 'success' | 'warning' | 'info' | 'neutral' | 'danger';

export type LineState = 'replaced' | 'exempt' | 'paid' | 'due' | 'notYetDue';

export const LINE_STATE_LABELS = {
  replaced: 'Đã điều chỉnh',
  exempt: 'Miễn',
  paid: 'Đã nộp',
  due: 'Phải nộp',
  notYetDue: 'Chưa đến hạn',
} as const satisfies Record<LineState, string>;

const LINE_STATE_TONES = {
  replaced: 'neutral',
  exempt: 'neutral',
  paid: 'success',
  due: 'warning',
  notYetDue: 'info',
} as const satisfies Record<LineState, PaymentTone>;

/** Where a line stands: replaced by an adjustment, exempt (0 ₫), paid, payable now, or later (at the result). */
export function lineState(line: Pick<FeeLine, 'replaced' | 'amount' | 'paid' | 'payableNow'>): LineState {
  if (line.replaced) return 'replaced';
  if (line.amount <= 0) return 'exempt';
  if (line.paid) return 'paid';
  return line.payableNow ? 'due' : 'notYetDue';
}

export function lineStatus(line: Pick<FeeLine, 'replaced' | 'amount' | 'paid' | 'payableNow'>): { label: string; tone: PaymentTone } {
  const state = lineState(line);
  return { label: LINE_STATE_LABELS[state], tone: LINE_STATE_TONES[state] };
}

export function feeKindLabel(kind: FeeLine['kind']): string {
  return FEE_KIND_LABELS[kind];
}

const ATTEMPT_TONES = {
  initiated: 'info',
  awaitingConfirmation: 'warning',
  paid: 'success',
  failed: 'danger',
  expired: 'neutral',
  amountMismatch: 'danger',
  refundRequested: 'warning',
  refunded: 'neutral',
} as const satisfies Record<PaymentAttempt['status'], PaymentTone>;

export function attemptTone(status: PaymentAttempt['status']): PaymentTone {
  return ATTEMPT_TONES[status];
}

/** "Biên lai lệ phí BL26E số 00000012". */
export function receiptLabel(receipt: Pick<PaymentReceipt, 'kind' | 'series' | 'number'>): string {
  return `Biên lai ${FEE_KIND_LABELS[receipt.kind].toLocaleLowerCase('vi')} ${receipt.series} số ${receipt.number}`;
}

/** Whether there is anything to show about fees at all. */
export function hasPaymentFacts(p: Pick<DossierPayments, 'lines' | 'attempts' | 'receipts'>): boolean {
  return p.lines.length > 0 || p.attempts.length > 0 || p.receipts.length > 0;
}

/** The query parameter the gateway's return address carries: /tai-khoan/ho-so/{id}?thanh-toan=<reference>. */
export const RETURN_PARAM = 'thanh-toan';
/** Ask again every 2 s, for about 30 s. */
export const RETURN_POLL_MS = 2_000;
export const RETURN_MAX_POLLS = 15;

export type ReturnProgress =
  | { kind: 'waiting' }
  | { kind: 'settled'; attempt: PaymentAttempt }
  /** The gateway has not answered within the polling window; the applicant may check again later. */
  | { kind: 'timedOut' };

/** What the page says after the gateway sends the applicant back, once `polls` answers have been read after the first. */
export function returnProgress(payments: Pick<DossierPayments, 'attempts'> | undefined, reference: string, polls: number): ReturnProgress {
  const attempt = payments?.attempts.find((a) => a.reference === reference);
  if (attempt && attempt.status !== 'initiated') return { kind: 'settled', attempt };
  return polls >= RETURN_MAX_POLLS ? { kind: 'timedOut' } : { kind: 'waiting' };
}

/** What the applicant is told of a settled attempt, and whether it reads as good news. */
export function returnMessage(attempt: Pick<PaymentAttempt, 'status' | 'amount' | 'methodLabel' | 'reference'>): { good: boolean; text: string } {
  const amount = formatVnd(attempt.amount);
  switch (attempt.status) {
    case 'paid':
      return { good: true, text: `Đã nhận ${amount} qua ${attempt.methodLabel}. Biên lai điện tử có ở phần “Biên lai thu phí, lệ phí” bên dưới.` };
    case 'amountMismatch':
    case 'refundRequested':
    case 'refunded':
      return {
        good: false,
        text: `Giao dịch ${attempt.reference} (${amount}) không được dùng để nộp phí cho hồ sơ; số tiền đã trừ sẽ được hoàn trả cho bạn. Xem các khoản còn phải nộp bên dưới.`,
      };
    case 'initiated':
    case 'awaitingConfirmation':
    case 'failed':
    case 'expired':
      return {
        good: false,
        text: `Giao dịch ${attempt.reference} (${amount}) không hoàn tất, bạn chưa bị trừ tiền. Bạn có thể thanh toán lại hoặc nộp tại Bộ phận Một cửa.`,
      };
  }
}

/** Payments not settled yet (waiting for a gateway or for an accountant's confirmation): the desk should not collect the same lines twice. */
export function unsettledAttempts<A extends Pick<PaymentAttempt, 'status'>>(attempts: readonly A[]): A[] {
  return attempts.filter((a) => a.status === 'initiated' || a.status === 'awaitingConfirmation');
}
