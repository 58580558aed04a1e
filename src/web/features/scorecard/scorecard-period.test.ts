import { describe, expect, it } from 'vitest';
import {
  changeKind,
  defaultPeriod,
  parsePeriodSpec,
  periodDays,
  periodLabel,
  periodQuery,
  periodSpec,
  rangeProblem,
  yearChoices,
  type Period,
} from './scorecard-period.js';

const TODAY = '2026-11-20';

describe('reporting periods', () => {
  it('round-trips every named period through its spec', () => {
    const periods: Period[] = [
      { kind: 'month', year: 2026, month: 11 },
      { kind: 'month', year: 2026, month: 3 },
      { kind: 'quarter', year: 2026, quarter: 4 },
      { kind: 'half', year: 2026, half: 1 },
      { kind: 'nineMonths', year: 2026 },
      { kind: 'year', year: 2026 },
    ];
    expect(periods.map(periodSpec)).toEqual(['2026-11', '2026-03', '2026-Q4', '2026-H1', '2026-9M', '2026']);
    for (const p of periods) expect(parsePeriodSpec(periodSpec(p)!)).toEqual(p);
    expect(parsePeriodSpec('2026-13')).toBeNull();
    expect(parsePeriodSpec('')).toBeNull();
    expect(periodSpec({ kind: 'range', from: '2026-10-01', to: '2026-10-15' })).toBeNull();
  });

  it('names periods in Vietnamese', () => {
    expect(periodLabel({ kind: 'month', year: 2026, month: 11 })).toBe('Tháng 11/2026');
    expect(periodLabel({ kind: 'quarter', year: 2026, quarter: 4 })).toBe('Quý IV/2026');
    expect(periodLabel({ kind: 'half', year: 2026, half: 1 })).toBe('6 tháng đầu năm 2026');
    expect(periodLabel({ kind: 'half', year: 2026, half: 2 })).toBe('6 tháng cuối năm 2026');
    expect(periodLabel({ kind: 'nineMonths', year: 2026 })).toBe('9 tháng đầu năm 2026');
    expect(periodLabel({ kind: 'year', year: 2026 })).toBe('Năm 2026');
    expect(periodLabel({ kind: 'range', from: '2026-10-01', to: '2026-10-15' })).toBe('Từ 01/10/2026 đến 15/10/2026');
  });

  it('cuts named periods at the cut-off day as the server does', () => {
    expect(periodDays({ kind: 'month', year: 2026, month: 11 }, 1)).toEqual({ from: '2026-11-01', to: '2026-11-30' });
    expect(periodDays({ kind: 'month', year: 2026, month: 11 }, 15)).toEqual({ from: '2026-10-15', to: '2026-11-14' });
    expect(periodDays({ kind: 'quarter', year: 2026, quarter: 1 }, 15)).toEqual({ from: '2025-12-15', to: '2026-03-14' });
    expect(periodDays({ kind: 'range', from: '2026-10-01', to: '' }, 1)).toBeNull();
  });

  it('builds the query: a named period with its cut-off, or a checked range', () => {
    expect(periodQuery('000.00.00.H37', { kind: 'quarter', year: 2026, quarter: 4 }, 15)).toEqual({ unit: '000.00.00.H37', period: '2026-Q4', cutoffDay: 15 });
    expect(periodQuery('000.00.00.H37', { kind: 'range', from: '2026-10-01', to: '2026-10-31' }, 1)).toEqual({
      unit: '000.00.00.H37',
      from: '2026-10-01',
      to: '2026-10-31',
    });
    expect(periodQuery('000.00.00.H37', { kind: 'range', from: '2026-10-31', to: '2026-10-01' }, 1)).toBeNull();
    expect(rangeProblem('2026-10-31', '2026-10-01')).toMatch(/Ngày kết thúc/);
    expect(rangeProblem('', '2026-10-01')).toMatch(/Chọn cả/);
    expect(rangeProblem('2026-10-01', '2026-10-01')).toBeNull();
  });

  it('switches kind within the year, towards today', () => {
    const year = defaultPeriod(TODAY);
    expect(year).toEqual({ kind: 'year', year: 2026 });
    expect(changeKind(year, 'month', TODAY)).toEqual({ kind: 'month', year: 2026, month: 11 });
    expect(changeKind(year, 'quarter', TODAY)).toEqual({ kind: 'quarter', year: 2026, quarter: 4 });
    expect(changeKind(year, 'half', TODAY)).toEqual({ kind: 'half', year: 2026, half: 2 });
    expect(changeKind({ kind: 'year', year: 2025 }, 'month', TODAY)).toEqual({ kind: 'month', year: 2025, month: 12 });
    expect(changeKind(year, 'range', TODAY)).toEqual({ kind: 'range', from: '2026-01-01', to: TODAY });
    expect(changeKind({ kind: 'range', from: '2025-03-01', to: '2025-03-31' }, 'year', TODAY)).toEqual({ kind: 'year', year: 2025 });
    expect(yearChoices(TODAY, 3)).toEqual([2026, 2025, 2024]);
  });
});
