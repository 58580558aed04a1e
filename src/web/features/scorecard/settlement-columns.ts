/**
 * The settlement report's table head: the 16 counts under three headings, as in the national form; after the
 * on-time rate, the online payment of the fee-bearing dossiers received in the period (indicator 3.6).
 */
import { ON_TIME_RATE_LABEL, PAID_ONLINE_RATE_LABEL, PAYMENT_COUNTS, SETTLEMENT_LABELS, type SettlementCount } from '../../../domain/scorecard/settlement.js';
import type { SettlementGroupBy } from './api/scorecard-api.js';

export type HeadCell =
  { kind: 'single'; count: SettlementCount; label: string } | { kind: 'group'; label: string; counts: { count: SettlementCount; label: string }[] };

const cells = (counts: SettlementCount[]) => counts.map((count) => ({ count, label: SETTLEMENT_LABELS[count] }));

export const SETTLEMENT_HEAD: readonly HeadCell[] = [
  {
    kind: 'group',
    label: 'Hồ sơ nhận giải quyết',
    counts: cells(['carriedOver', 'received', 'receivedOnline', 'receivedCounter', 'receivedPostal', 'receivedLocationIndependent']),
  },
  {
    kind: 'group',
    label: 'Kết quả giải quyết',
    counts: cells(['settled', 'settledEarly', 'settledOnTime', 'settledLateWithApology', 'settledLateWithoutApology']),
  },
  { kind: 'group', label: 'Hồ sơ đang giải quyết', counts: cells(['inProgress', 'inProgressNotDue', 'inProgressOverdue']) },
  { kind: 'single', count: 'withdrawn', label: SETTLEMENT_LABELS.withdrawn },
  { kind: 'single', count: 'carriedForward', label: SETTLEMENT_LABELS.carriedForward },
];

/** The counts in the order of the table's columns. */
export const SETTLEMENT_COLUMN_ORDER: readonly SettlementCount[] = SETTLEMENT_HEAD.flatMap((c) =>
  c.kind === 'single' ? [c.count] : c.counts.map((x) => x.count),
);

export { ON_TIME_RATE_LABEL };

/** After the on-time rate, under one heading: the fee-bearing dossiers received, those paid online, and the rate (3.6). */
export const PAYMENT_HEAD = {
  label: 'Phí, lệ phí của hồ sơ tiếp nhận trong kỳ',
  counts: PAYMENT_COUNTS.map((count) => ({ count, label: SETTLEMENT_LABELS[count] })),
  rateLabel: PAID_ONLINE_RATE_LABEL,
} as const;

export const GROUP_BY_LABELS = {
  unit: 'Đơn vị',
  field: 'Lĩnh vực',
  procedure: 'Thủ tục hành chính',
} as const satisfies Record<SettlementGroupBy, string>;
