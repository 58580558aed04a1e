import { describe, expect, it } from 'vitest';
import {
  feeHeadline,
  formatDuration,
  formatFeeAmount,
  formatMoney,
  formatNumber,
  formatQuantity,
  summarizeTimeLimits,
  totalBudget,
} from './catalogue-format.js';

describe('fees', () => {
  it('writes amounts in đồng with Vietnamese digit grouping', () => {
    expect(formatNumber(0)).toBe('0');
    expect(formatNumber(999)).toBe('999');
    expect(formatNumber(1000)).toBe('1.000');
    expect(formatNumber(1234567)).toBe('1.234.567');
    expect(formatMoney(75000)).toBe('75.000 đồng');
    expect(formatMoney(1_000_000_000)).toBe('1.000.000.000 đồng');
  });

  it('says "Không thu phí" for a free procedure', () => {
    expect(formatFeeAmount(0)).toBe('Không thu phí');
    expect(formatFeeAmount(8000)).toBe('8.000 đồng');
    expect(feeHeadline([])).toBe('Không thu phí');
    expect(feeHeadline([{ amount: 0 }])).toBe('Không thu phí');
  });

  it('gives the single amount, or points to the list when there are several', () => {
    expect(feeHeadline([{ amount: 0 }, { amount: 75000 }])).toBe('75.000 đồng');
    expect(feeHeadline([{ amount: 50000 }, { amount: 100000 }])).toBe('Có thu phí (2 khoản, xem mục Phí, lệ phí)');
  });
});

describe('time limits', () => {
  it('names the unit of time', () => {
    expect(formatDuration({ amount: 1, unit: 'working_days' })).toBe('1 ngày làm việc');
    expect(formatDuration({ amount: 15, unit: 'calendar_days' })).toBe('15 ngày');
    expect(formatDuration({ amount: 4, unit: 'working_hours' })).toBe('4 giờ làm việc');
    expect(formatDuration({ amount: 3, unit: 'months' })).toBe('3 tháng');
    expect(formatDuration({ amount: 0, unit: 'working_days' })).toBe('Giải quyết ngay');
  });

  it('gives one limit when every channel has the same, each channel otherwise', () => {
    expect(summarizeTimeLimits([])).toBeNull();
    expect(
      summarizeTimeLimits([
        { channel: 'counter', amount: 15, unit: 'calendar_days' },
        { channel: 'online', amount: 15, unit: 'calendar_days' },
      ]),
    ).toBe('15 ngày');
    expect(
      summarizeTimeLimits([
        { channel: 'counter', amount: 5, unit: 'working_days' },
        { channel: 'online', amount: 3, unit: 'working_days' },
        { channel: 'postal', amount: 5, unit: 'calendar_days' },
      ]),
    ).toBe('Trực tiếp: 5 ngày làm việc; Trực tuyến: 3 ngày làm việc; Dịch vụ bưu chính: 5 ngày');
  });

  it('adds up step budgets, eight working hours to a working day', () => {
    const step = (amount: number, unit: 'working_days' | 'working_hours') => ({ budget: { amount, unit } });
    expect(totalBudget([])).toBeNull();
    expect(totalBudget([step(4, 'working_hours'), step(8, 'working_days'), step(1, 'working_days'), step(4, 'working_hours')])).toBe('10 ngày làm việc');
    expect(totalBudget([step(2, 'working_days'), step(4, 'working_hours')])).toBe('2 ngày làm việc và 4 giờ làm việc');
    expect(totalBudget([step(4, 'working_hours')])).toBe('4 giờ làm việc');
    expect(totalBudget([step(0, 'working_days')])).toBe('Giải quyết ngay');
  });
});

describe('quantities', () => {
  it('writes the number of copies as the catalogue does', () => {
    expect(formatQuantity(1)).toBe('01 bản');
    expect(formatQuantity(12)).toBe('12 bản');
  });
});
