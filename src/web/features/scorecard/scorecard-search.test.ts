import { describe, expect, it } from 'vitest';
import { dashboardLink, drilldownLink, readGroupBy, readSelection, reportLink, selectionSearch } from './scorecard-search.js';

const defaults = { unit: '000.00.31.H37', today: '2026-11-20' };

describe('the scorecard selection in the address', () => {
  it("defaults to the official's unit and the current year", () => {
    expect(readSelection(new URLSearchParams(''), defaults)).toEqual({ unit: '000.00.31.H37', period: { kind: 'year', year: 2026 }, cutoffDay: null });
  });

  it('reads a named period with its cut-off, or a range', () => {
    expect(readSelection(new URLSearchParams('don-vi=000.00.00.H37&ky=2026-Q4&ngay-chot=15'), defaults)).toEqual({
      unit: '000.00.00.H37',
      period: { kind: 'quarter', year: 2026, quarter: 4 },
      cutoffDay: 15,
    });
    expect(readSelection(new URLSearchParams('tu-ngay=2026-10-01&den-ngay=2026-10-15&ngay-chot=7'), defaults)).toEqual({
      unit: '000.00.31.H37',
      period: { kind: 'range', from: '2026-10-01', to: '2026-10-15' },
      cutoffDay: null,
    });
  });

  it('leaves the cut-off day to the province unless the address names one from 1 to 28', () => {
    expect(readSelection(new URLSearchParams('ky=2026-11&ngay-chot=20'), defaults).cutoffDay).toBe(20);
    for (const bad of ['0', '29', '1.5', 'abc', '']) expect(readSelection(new URLSearchParams(`ky=2026-11&ngay-chot=${bad}`), defaults).cutoffDay).toBeNull();
  });

  it('writes what it reads', () => {
    for (const search of [
      '?don-vi=000.00.00.H37&ky=2026-11',
      '?don-vi=000.00.00.H37&ky=2026-H1&ngay-chot=15',
      '?don-vi=000.00.31.H37&tu-ngay=2026-10-01&den-ngay=2026-10-15',
    ]) {
      expect(selectionSearch(readSelection(new URLSearchParams(search), defaults))).toBe(search);
    }
  });

  it('links the dashboard, the drill-down and the report of a selection', () => {
    const selection = readSelection(new URLSearchParams('don-vi=000.00.00.H37&ky=2026'), defaults);
    expect(dashboardLink({ ...selection, unit: '000.00.07.H37' })).toBe('/can-bo/chi-so?don-vi=000.00.07.H37&ky=2026');
    expect(drilldownLink(selection, '2.1')).toBe('/can-bo/chi-so/chi-tiet/2.1?don-vi=000.00.00.H37&ky=2026');
    expect(reportLink(selection, 'field')).toBe('/can-bo/bao-cao-giai-quyet?don-vi=000.00.00.H37&ky=2026&theo=linh-vuc');
    expect(readGroupBy(new URLSearchParams('theo=thu-tuc'))).toBe('procedure');
    expect(readGroupBy(new URLSearchParams('theo=x'))).toBe('unit');
  });
});
