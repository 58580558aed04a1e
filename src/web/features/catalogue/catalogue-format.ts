/** Plain-Vietnamese display of time limits, fees, step budgets and the other values of a procedure. */
import { workingMinutes } from '../../../domain/catalogue/completeness.js';
import { CHANNEL_LABELS, type BudgetUnit, type FeeCollectedAt, type ProcedureFee, type ProcessStep } from '../../../domain/catalogue/procedure.js';
import type { DurationUnit } from '../../../domain/calendar/working-time.js';
import type { TimeLimitSummary } from '../../../contract/procedure.js';

export const DURATION_UNIT_WORDS = {
  working_days: 'ngày làm việc',
  working_hours: 'giờ làm việc',
  calendar_days: 'ngày',
  months: 'tháng',
} as const satisfies Record<DurationUnit, string>;

export const FEE_COLLECTED_AT_LABELS = {
  submission: 'Nộp khi nộp hồ sơ',
  result: 'Nộp khi nhận kết quả',
} as const satisfies Record<FeeCollectedAt, string>;

export const NO_FEE_TEXT = 'Không thu phí';
export const HAS_FEE_TEXT = 'Có thu phí';

/** 1234567 → "1.234.567" (Vietnamese digit grouping). */
export function formatNumber(value: number): string {
  const sign = value < 0 ? '-' : '';
  const [whole = '0', fraction] = String(Math.abs(value)).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return fraction ? `${sign}${grouped},${fraction}` : `${sign}${grouped}`;
}

/** 75000 → "75.000 đồng". */
export function formatMoney(amount: number): string {
  return `${formatNumber(amount)} đồng`;
}

/** A fee amount: "75.000 đồng", or "Không thu phí" for 0. */
export function formatFeeAmount(amount: number): string {
  return amount > 0 ? formatMoney(amount) : NO_FEE_TEXT;
}

/** One line about the fees of a procedure: none, the single amount, or a pointer to the list. */
export function feeHeadline(fees: readonly Pick<ProcedureFee, 'amount'>[]): string {
  const charged = fees.filter((f) => f.amount > 0);
  if (charged.length === 0) return NO_FEE_TEXT;
  if (charged.length === 1) return formatMoney(charged[0]!.amount);
  return `${HAS_FEE_TEXT} (${charged.length} khoản, xem mục Phí, lệ phí)`;
}

/** { 1, working_days } → "1 ngày làm việc"; { 15, calendar_days } → "15 ngày"; 0 → "Giải quyết ngay". */
export function formatDuration(duration: { amount: number; unit: DurationUnit | BudgetUnit }): string {
  if (duration.amount <= 0) return 'Giải quyết ngay';
  return `${formatNumber(duration.amount)} ${DURATION_UNIT_WORDS[duration.unit]}`;
}

/** One channel's time limit, as the search results carry it. */
export type ChannelTimeLimit = TimeLimitSummary;

/**
 * The time limit of a procedure in one line: the common limit when every channel has the same one
 * ("15 ngày làm việc"), otherwise each channel's ("Trực tiếp: 5 ngày làm việc; Trực tuyến: 3 ngày làm việc").
 * Null when no channel is given.
 */
export function summarizeTimeLimits(limits: readonly ChannelTimeLimit[]): string | null {
  const first = limits[0];
  if (!first) return null;
  if (limits.every((l) => l.amount === first.amount && l.unit === first.unit)) return formatDuration(first);
  return limits.map((l) => `${CHANNEL_LABELS[l.channel]}: ${formatDuration(l)}`).join('; ');
}

/**
 * The sum of the process steps' budgets in working time (a working day is 8 working hours):
 * "10 ngày làm việc", "2 ngày làm việc và 4 giờ làm việc", "4 giờ làm việc". Null without steps.
 */
export function totalBudget(steps: readonly Pick<ProcessStep, 'budget'>[]): string | null {
  if (steps.length === 0) return null;
  const minutes = steps.reduce((sum, step) => sum + (workingMinutes(step.budget) ?? 0), 0);
  const days = Math.floor(minutes / 480);
  const hours = Math.round(((minutes % 480) / 60) * 100) / 100;
  const parts = [days > 0 ? `${formatNumber(days)} ngày làm việc` : '', hours > 0 ? `${formatNumber(hours)} giờ làm việc` : ''].filter(Boolean);
  return parts.length > 0 ? parts.join(' và ') : 'Giải quyết ngay';
}

/** 2 → "02": the way quantities of papers are written in the catalogue ("01 bản"). */
export function formatQuantity(quantity: number): string {
  return `${String(quantity).padStart(2, '0')} bản`;
}
