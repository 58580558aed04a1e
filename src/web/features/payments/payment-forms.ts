/** The officials' small payment forms: what is checked before sending, and the bodies sent (src/contract/payment.ts). */
import type { DeskPaymentBody, FeeLine, FeeLineBody, PaymentAttempt, Resolution, ResolvePaymentBody } from './api/payments-api.js';

export const MAX_AMOUNT = 10_000_000_000;
const MAX_NAME = 300;
const MAX_REASON = 1000;
const MIN_REASON = 5;
const MAX_NOTE = 500;
const MIN_RESOLVE_NOTE = 3;

type Built<B, K extends string> = { ok: true; body: B } | { ok: false; errors: Partial<Record<K, string>> };

/** A typed amount: a number from the input, or its text with Vietnamese thousands dots ("75.000"); null when not a whole number of đồng. */
export function parseAmount(value: number | string): number | null {
  if (typeof value === 'number') return Number.isInteger(value) ? value : null;
  const digits = value.replace(/[\s.]/g, '');
  if (!/^\d+$/.test(digits)) return null;
  return Number(digits);
}

export interface DeskValues {
  method: DeskPaymentBody['method'];
  note: string;
}

export const emptyDeskValues = (): DeskValues => ({ method: 'cash', note: '' });

/** Cash needs nothing more; a transfer needs its proof's number so that the accountant can find it in the bank statement. */
export function buildDeskBody(values: DeskValues): Built<DeskPaymentBody, 'note'> {
  const note = values.note.trim();
  if (values.method === 'transfer' && note === '') return { ok: false, errors: { note: 'Nhập số chứng từ hoặc nội dung chuyển khoản để kế toán đối chiếu.' } };
  if (note.length > MAX_NOTE) return { ok: false, errors: { note: `Ghi chú tối đa ${MAX_NOTE} ký tự.` } };
  return { ok: true, body: { method: values.method, note: note === '' ? null : note } };
}

export interface FeeLineValues {
  name: string;
  kind: FeeLineBody['kind'];
  amount: number | string;
  moment: FeeLineBody['moment'];
  reason: string;
  /** The id of the line adjusted, or '' for a new line. */
  replaces: string;
}

export type FeeLineField = 'name' | 'amount' | 'reason';

export const emptyFeeLineValues = (): FeeLineValues => ({ name: '', kind: 'fee', amount: '', moment: 'submission', reason: '', replaces: '' });

/** Adjusting a line starts from its name, kind, amount and moment; choosing "a new line" empties them again. */
export function valuesReplacing(values: FeeLineValues, line: FeeLine | undefined): FeeLineValues {
  if (!line) return { ...emptyFeeLineValues(), reason: values.reason };
  return { ...values, replaces: line.id, name: line.name, kind: line.kind, amount: line.amount, moment: line.moment };
}

/** The lines an official may adjust: those still counting and not yet paid. */
export function adjustableLines(lines: readonly FeeLine[]): FeeLine[] {
  return lines.filter((l) => !l.replaced && !l.paid);
}

export function buildFeeLineBody(values: FeeLineValues): Built<FeeLineBody, FeeLineField> {
  const errors: Partial<Record<FeeLineField, string>> = {};
  const name = values.name.trim();
  const reason = values.reason.trim();
  const amount = parseAmount(values.amount);
  if (name === '') errors.name = 'Nhập tên khoản thu.';
  else if (name.length > MAX_NAME) errors.name = `Tên khoản thu tối đa ${MAX_NAME} ký tự.`;
  if (values.amount === '') errors.amount = 'Nhập số tiền (đồng); nhập 0 nếu được miễn.';
  else if (amount === null || amount < 0 || amount > MAX_AMOUNT) errors.amount = 'Số tiền phải là số nguyên đồng, từ 0 đến 10.000.000.000.';
  if (reason.length < MIN_REASON) errors.reason = `Nhập lý do (ít nhất ${MIN_REASON} ký tự); lý do được ghi vào nhật ký hồ sơ.`;
  else if (reason.length > MAX_REASON) errors.reason = `Lý do tối đa ${MAX_REASON} ký tự.`;
  if (Object.keys(errors).length > 0 || amount === null) return { ok: false, errors };
  return {
    ok: true,
    body: { name, kind: values.kind, amount, moment: values.moment, reason, replaces: values.replaces === '' ? null : values.replaces },
  };
}

export const RESOLUTION_LABELS = {
  confirmTransfer: 'Xác nhận đã nhận tiền chuyển khoản',
  rejectTransfer: 'Từ chối chứng từ chuyển khoản',
  refunded: 'Đã hoàn trả tiền cho người nộp',
  checked: 'Đã kiểm tra, không cần xử lý thêm',
} as const satisfies Record<Resolution, string>;

/** What an accountant may do with a task, by the attempt's state: a transfer to confirm, money to give back, or a case to check. */
export function resolutionsFor(attempt: Pick<PaymentAttempt, 'status'>): Resolution[] {
  if (attempt.status === 'awaitingConfirmation') return ['confirmTransfer', 'rejectTransfer'];
  if (attempt.status === 'refundRequested' || attempt.status === 'amountMismatch') return ['refunded'];
  return ['checked'];
}

export function buildResolveBody(
  values: { resolution: Resolution | ''; note: string },
  expectedVersion: number,
): Built<ResolvePaymentBody, 'resolution' | 'note'> {
  const note = values.note.trim();
  const errors: Partial<Record<'resolution' | 'note', string>> = {};
  if (values.resolution === '') errors.resolution = 'Chọn cách xử lý.';
  if (note.length < MIN_RESOLVE_NOTE) errors.note = 'Nhập ghi chú (ít nhất 3 ký tự): số chứng từ, kết quả kiểm tra hoặc lý do.';
  else if (note.length > MAX_NOTE) errors.note = `Ghi chú tối đa ${MAX_NOTE} ký tự.`;
  if (values.resolution === '' || Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, body: { resolution: values.resolution, expectedVersion, note } };
}
