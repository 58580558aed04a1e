/**
 * Reporting periods (REFERENCE §2.9): a month `2026-11`, a quarter `2026-Q4`, six months `2026-H1` / `2026-H2`,
 * nine months `2026-9M`, a year `2026`. With cut-off day 1 a period is calendar months; with cut-off day c
 * (Decree 09/2019 has 15) it runs from day c of the month before its first month to day c − 1 of its last
 * month. The cut-off is configuration, tagged [M].
 */
import { isoFromJdn, jdnFromCivil } from '../calendar/civil-date.js';

export const PERIOD_PATTERN = /^(\d{4})(?:-(0[1-9]|1[0-2])|-Q([1-4])|-H([12])|-(9M))?$/;

export function reportPeriod(spec: string, cutoffDay = 1): { from: string; to: string } | null {
  const m = PERIOD_PATTERN.exec(spec);
  if (!m || !(Number.isInteger(cutoffDay) && cutoffDay >= 1 && cutoffDay <= 28)) return null;
  const year = Number(m[1]);
  const [first, last] = m[2]
    ? [Number(m[2]), Number(m[2])]
    : m[3]
      ? [Number(m[3]) * 3 - 2, Number(m[3]) * 3]
      : m[4]
        ? m[4] === '1'
          ? [1, 6]
          : [7, 12]
        : m[5]
          ? [1, 9]
          : [1, 12];
  const day = (y: number, month: number, d: number) => jdnFromCivil({ year: month < 1 ? y - 1 : y, month: month < 1 ? month + 12 : month, day: d });
  if (cutoffDay === 1) return { from: isoFromJdn(day(year, first, 1)), to: isoFromJdn(day(last === 12 ? year + 1 : year, last === 12 ? 1 : last + 1, 1) - 1) };
  return { from: isoFromJdn(day(year, first - 1, cutoffDay)), to: isoFromJdn(day(year, last, cutoffDay - 1)) };
}
