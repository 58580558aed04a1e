import { describe, expect, it } from 'vitest';
import type { ReconciliationRow } from './api/payments-api.js';
import { barPercent, rowMatched, totalsByUnit } from './reconciliation-view.js';

function row(over: Partial<ReconciliationRow>): ReconciliationRow {
  return {
    unitCode: 'U1',
    unitName: 'Phường Tam Thanh',
    method: 'vnpay',
    methodLabel: 'Cổng thanh toán VNPay của tỉnh',
    expected: 0,
    expectedCount: 0,
    received: 0,
    receivedCount: 0,
    pendingCount: 0,
    mismatchCount: 0,
    ...over,
  };
}

describe('the daily reconciliation', () => {
  it('matches a row only when nothing is pending and nothing mismatched', () => {
    expect(rowMatched(row({}))).toBe(true);
    expect(rowMatched(row({ pendingCount: 1 }))).toBe(false);
    expect(rowMatched(row({ mismatchCount: 1 }))).toBe(false);
  });

  it('adds up each unit over its methods, in order of first appearance', () => {
    const rows = [
      row({ expected: 100, received: 50 }),
      row({ unitCode: 'U2', unitName: 'Xã Hoàng Đồng', expected: 30, received: 30 }),
      row({ method: 'nationalPlatform', expected: 20, received: 20 }),
    ];
    expect(totalsByUnit(rows)).toEqual([
      { unitCode: 'U1', unitName: 'Phường Tam Thanh', expected: 120, received: 70 },
      { unitCode: 'U2', unitName: 'Xã Hoàng Đồng', expected: 30, received: 30 },
    ]);
  });

  it('draws bars against the largest amount, keeping a small amount visible', () => {
    expect(barPercent(50, 200)).toBe(25);
    expect(barPercent(1, 1_000_000)).toBe(1);
    expect(barPercent(0, 200)).toBe(0);
    expect(barPercent(10, 0)).toBe(0);
  });
});
