import { describe, expect, it } from 'vitest';
import { PAYMENT_COUNTS, SETTLEMENT_COUNTS, SETTLEMENT_LABELS } from '../../../domain/scorecard/settlement.js';
import { PAYMENT_HEAD, SETTLEMENT_COLUMN_ORDER, SETTLEMENT_HEAD } from './settlement-columns.js';

describe('the settlement table head', () => {
  it('has each of the 16 counts once, in the order of the report', () => {
    expect(SETTLEMENT_COLUMN_ORDER).toEqual(SETTLEMENT_COUNTS);
  });

  it('uses the same Vietnamese headings as the workbook and the PDF', () => {
    const labels = SETTLEMENT_HEAD.flatMap((c) => (c.kind === 'single' ? [c.label] : c.counts.map((x) => x.label)));
    expect(labels).toEqual(SETTLEMENT_COUNTS.map((k) => SETTLEMENT_LABELS[k]));
    expect(SETTLEMENT_LABELS.settledLateWithApology).toBe('Quá hạn có xin lỗi');
  });

  it('ends with the online payment of the fee-bearing dossiers received: their count, those paid online and the rate', () => {
    expect(PAYMENT_HEAD.counts.map((c) => c.count)).toEqual(PAYMENT_COUNTS);
    expect([...PAYMENT_HEAD.counts.map((c) => c.label), PAYMENT_HEAD.rateLabel]).toEqual([
      'Hồ sơ có phí',
      'Thanh toán trực tuyến',
      'Tỷ lệ thanh toán trực tuyến',
    ]);
  });
});
