import { describe, expect, it } from 'vitest';
import { formatDateTime, formatIsoDate, formatNumber, formatPercent } from './format.js';

describe('Vietnamese number and date formatting', () => {
  it('writes percentages with a decimal comma', () => {
    expect(formatPercent(95.58)).toBe('95,58%');
    expect(formatPercent(100)).toBe('100,00%');
    expect(formatPercent(0)).toBe('0,00%');
    expect(formatPercent(85.06, 1)).toBe('85,1%');
    expect(formatPercent(null)).toBe('—');
  });

  it('writes numbers with a dot between thousands and at most the decimals asked for', () => {
    expect(formatNumber(1234)).toBe('1.234');
    expect(formatNumber(17.96)).toBe('17,96');
    expect(formatNumber(6)).toBe('6');
    expect(formatNumber(2.125, 1)).toBe('2,1');
  });

  it('writes dates as dd/MM/yyyy in Vietnam time', () => {
    expect(formatIsoDate('2026-11-05')).toBe('05/11/2026');
    expect(formatDateTime('2026-11-04T18:30:00Z')).toBe('05/11/2026 01:30:00');
  });
});
