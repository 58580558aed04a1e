/** The daily reconciliation as officials read it: whether a row is settled, and each unit's totals for the chart. */
import type { ReconciliationRow } from './api/payments-api.js';

/** A row is settled when every attempt has its outcome and none took a wrong amount. */
export function rowMatched(row: Pick<ReconciliationRow, 'pendingCount' | 'mismatchCount'>): boolean {
  return row.pendingCount === 0 && row.mismatchCount === 0;
}

export interface UnitTotals {
  unitCode: string;
  unitName: string;
  expected: number;
  received: number;
}

/** One entry per unit (all methods together), in the order the units first appear. */
export function totalsByUnit(rows: readonly ReconciliationRow[]): UnitTotals[] {
  const byUnit = new Map<string, UnitTotals>();
  for (const row of rows) {
    const totals = byUnit.get(row.unitCode) ?? { unitCode: row.unitCode, unitName: row.unitName, expected: 0, received: 0 };
    totals.expected += row.expected;
    totals.received += row.received;
    byUnit.set(row.unitCode, totals);
  }
  return [...byUnit.values()];
}

/** A bar's length as a percentage of the largest amount (a bar of any amount above 0 stays visible). */
export function barPercent(amount: number, largest: number): number {
  if (largest <= 0 || amount <= 0) return 0;
  return Math.max(1, Math.round((amount / largest) * 100));
}
