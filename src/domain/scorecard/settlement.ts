/**
 * The settlement report's columns (REFERENCE §2.9, CONTRACT) from the measures of a unit or procedure over a
 * period (measures.ts). Only accepted dossiers are counted (a refusal at reception never started the clock).
 * Settled: processing ended (result ready, rejected, stopped) in the period; a withdrawal is counted apart.
 * Early: ended on an earlier day than the due date; on time: not after the due instant. In progress and
 * carried forward: open at the period's end; overdue when its last minute is after the due date.
 * After the national form's columns, the online payment of the fee-bearing dossiers received in the period
 * (issue 18): indicator 3.6's own measures, so that the report and the scorecard agree by construction.
 */
import type { MeasureReader } from './measures.js';

export const SETTLEMENT_COUNTS = [
  'carriedOver',
  'received',
  'receivedOnline',
  'receivedCounter',
  'receivedPostal',
  'receivedLocationIndependent',
  'settled',
  'settledEarly',
  'settledOnTime',
  'settledLateWithApology',
  'settledLateWithoutApology',
  'inProgress',
  'inProgressNotDue',
  'inProgressOverdue',
  'withdrawn',
  'carriedForward',
] as const;
export type SettlementCount = (typeof SETTLEMENT_COUNTS)[number];

/** Received in the period with a fee above 0 VND (3.6's denominator), and paid online (its numerator). */
export const PAYMENT_COUNTS = ['feeDue', 'feePaidOnline'] as const;
export type PaymentCount = (typeof PAYMENT_COUNTS)[number];
/** Every count of a row: the form's, then the payments'. */
export const REPORT_COUNTS = [...SETTLEMENT_COUNTS, ...PAYMENT_COUNTS] as const;
export type ReportCount = (typeof REPORT_COUNTS)[number];
export type SettlementRow = Record<ReportCount, number>;

/** The columns' Vietnamese headings, for the web table, the workbook and the PDF. */
export const SETTLEMENT_LABELS = {
  carriedOver: 'Kỳ trước chuyển qua',
  received: 'Tiếp nhận trong kỳ',
  receivedOnline: 'Trực tuyến',
  receivedCounter: 'Trực tiếp',
  receivedPostal: 'Bưu chính',
  receivedLocationIndependent: 'Phi địa giới',
  settled: 'Đã giải quyết',
  settledEarly: 'Trước hạn',
  settledOnTime: 'Đúng hạn',
  settledLateWithApology: 'Quá hạn có xin lỗi',
  settledLateWithoutApology: 'Quá hạn không xin lỗi',
  inProgress: 'Đang giải quyết',
  inProgressNotDue: 'Chưa đến hạn',
  inProgressOverdue: 'Quá hạn',
  withdrawn: 'Rút hồ sơ',
  carriedForward: 'Tồn chuyển kỳ sau',
  feeDue: 'Hồ sơ có phí',
  feePaidOnline: 'Thanh toán trực tuyến',
} as const satisfies Record<ReportCount, string>;

export const ON_TIME_RATE_LABEL = 'Tỷ lệ trước hạn, đúng hạn';
export const PAID_ONLINE_RATE_LABEL = 'Tỷ lệ thanh toán trực tuyến';

/** The measures the report reads. */
export const SETTLEMENT_MEASURES = [
  'open',
  'overdue',
  'accepted',
  'acceptedOnline',
  'acceptedCounter',
  'acceptedPostal',
  'acceptedLocationIndependent',
  'settled',
  'settledEarly',
  'settledOnTime',
  'settledLateWithApology',
  'settledLateWithoutApology',
  'withdrawn',
  'feeDue',
  'feePaidOnline',
] as const;

export function settlementRow(r: MeasureReader): SettlementRow {
  const open = r.atEnd('open');
  const overdue = r.atEnd('overdue');
  return {
    carriedOver: r.atStart('open'),
    received: r.flow('accepted'),
    receivedOnline: r.flow('acceptedOnline'),
    receivedCounter: r.flow('acceptedCounter'),
    receivedPostal: r.flow('acceptedPostal'),
    receivedLocationIndependent: r.flow('acceptedLocationIndependent'),
    settled: r.flow('settled'),
    settledEarly: r.flow('settledEarly'),
    settledOnTime: r.flow('settledOnTime'),
    settledLateWithApology: r.flow('settledLateWithApology'),
    settledLateWithoutApology: r.flow('settledLateWithoutApology'),
    inProgress: open,
    inProgressNotDue: open - overdue,
    inProgressOverdue: overdue,
    withdrawn: r.flow('withdrawn'),
    carriedForward: open,
    feeDue: r.flow('feeDue'),
    feePaidOnline: r.flow('feePaidOnline'),
  };
}

export function emptyRow(): SettlementRow {
  return Object.fromEntries(REPORT_COUNTS.map((k) => [k, 0])) as SettlementRow;
}

export function addRows(into: SettlementRow, row: SettlementRow, sign: 1 | -1 = 1): SettlementRow {
  for (const k of REPORT_COUNTS) into[k] += sign * row[k];
  return into;
}

export const isEmptyRow = (row: SettlementRow) => REPORT_COUNTS.every((k) => row[k] === 0);

/** (early + on time) ÷ settled as a percentage with 2 decimals, null when nothing was settled. */
export function onTimeRate(row: SettlementRow): number | null {
  if (row.settled === 0) return null;
  return Math.round(((row.settledEarly + row.settledOnTime) / row.settled) * 10000) / 100;
}

/**
 * Paid online ÷ fee-bearing received as a percentage with 2 decimals, null when no dossier received bore a fee:
 * indicator 3.6's ratio, by the scorecard's own arithmetic (formula.ts, scoreIndicator).
 */
export function paidOnlineRate(row: SettlementRow): number | null {
  if (row.feeDue === 0) return null;
  return Math.round((row.feePaidOnline / row.feeDue) * 100 * 100) / 100;
}
