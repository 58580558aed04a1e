/**
 * The reporting period an official picks: a month, a quarter, six or nine months, a year (named periods
 * like 2026-11, 2026-Q4, 2026-H1, 2026-9M, 2026, cut at the cut-off day by the server), or a range of days.
 */
import { PERIOD_PATTERN, reportPeriod } from '../../../domain/scorecard/period.js';
import { formatIsoDate } from '../../shared/format.js';
import type { PeriodQuery } from '../../../contract/scorecard.js';

export const PERIOD_KINDS = ['month', 'quarter', 'half', 'nineMonths', 'year', 'range'] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];

export const PERIOD_KIND_LABELS = {
  month: 'Tháng',
  quarter: 'Quý',
  half: '6 tháng',
  nineMonths: '9 tháng',
  year: 'Năm',
  range: 'Khoảng ngày tùy chọn',
} as const satisfies Record<PeriodKind, string>;

export type Period =
  | { kind: 'month'; year: number; month: number }
  | { kind: 'quarter'; year: number; quarter: number }
  | { kind: 'half'; year: number; half: 1 | 2 }
  | { kind: 'nineMonths'; year: number }
  | { kind: 'year'; year: number }
  | { kind: 'range'; from: string; to: string };

/**
 * The cut-off days offered besides the province's own (REPORT_CUTOFF_DAY): 1 (calendar months) or 15
 * (Decree 09/2019: the 15th to the 14th).
 */
export const CUTOFF_DAYS = [1, 15] as const;
/** A day of the month from 1 to 28: the period runs from that day of the month before to the day before it. */
export type CutoffDay = number;

export function isCutoffDay(day: number): day is CutoffDay {
  return Number.isInteger(day) && day >= 1 && day <= 28;
}

/** The choices of cut-off day: the standard ones and the province's own, in order. */
export function cutoffChoices(provinceDay: CutoffDay | null): CutoffDay[] {
  return [...new Set<CutoffDay>([...CUTOFF_DAYS, ...(provinceDay === null ? [] : [provinceDay])])].sort((a, b) => a - b);
}

/** "Ngày 1 (theo tháng dương lịch)", "Ngày 15 (từ ngày 15 tháng trước đến ngày 14)". */
export function cutoffLabel(day: CutoffDay): string {
  return day === 1 ? 'Ngày 1 (theo tháng dương lịch)' : `Ngày ${day} (từ ngày ${day} tháng trước đến ngày ${day - 1})`;
}

/** The period part of a scorecard request: `period` (+ `cutoffDay`) or `from`/`to`. */
export type { PeriodQuery };

const ROMAN = ['I', 'II', 'III', 'IV'] as const;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function yearOf(today: string): number {
  return Number(today.slice(0, 4));
}

function monthOf(today: string): number {
  return Number(today.slice(5, 7));
}

/** The current year so far: the period with the most data, and the one a forecast is about. */
export function defaultPeriod(today: string): Period {
  return { kind: 'year', year: yearOf(today) };
}

/** "2026-11", "2026-Q4", "2026-H1", "2026-9M", "2026"; null for a range of days. */
export function periodSpec(p: Period): string | null {
  switch (p.kind) {
    case 'month':
      return `${p.year}-${String(p.month).padStart(2, '0')}`;
    case 'quarter':
      return `${p.year}-Q${p.quarter}`;
    case 'half':
      return `${p.year}-H${p.half}`;
    case 'nineMonths':
      return `${p.year}-9M`;
    case 'year':
      return String(p.year);
    case 'range':
      return null;
  }
}

export function parsePeriodSpec(spec: string): Period | null {
  const m = PERIOD_PATTERN.exec(spec);
  if (!m) return null;
  const year = Number(m[1]);
  if (m[2]) return { kind: 'month', year, month: Number(m[2]) };
  if (m[3]) return { kind: 'quarter', year, quarter: Number(m[3]) };
  if (m[4]) return { kind: 'half', year, half: m[4] === '1' ? 1 : 2 };
  if (m[5]) return { kind: 'nineMonths', year };
  return { kind: 'year', year };
}

/** The same period seen as another kind, in the same year (the current month or quarter when it is this year). */
export function changeKind(p: Period, kind: PeriodKind, today: string): Period {
  const year = p.kind === 'range' ? Number(p.from.slice(0, 4)) || yearOf(today) : p.year;
  const month = year === yearOf(today) ? monthOf(today) : 12;
  switch (kind) {
    case 'month':
      return { kind, year, month: p.kind === 'month' ? p.month : month };
    case 'quarter':
      return { kind, year, quarter: p.kind === 'quarter' ? p.quarter : Math.ceil(month / 3) };
    case 'half':
      return { kind, year, half: p.kind === 'half' ? p.half : month <= 6 ? 1 : 2 };
    case 'nineMonths':
    case 'year':
      return { kind, year };
    case 'range': {
      if (p.kind === 'range') return p;
      const range = reportPeriod(periodSpec(p)!, 1)!;
      return { kind, from: range.from, to: range.to > today ? today : range.to };
    }
  }
}

/** The days a period covers with a cut-off day, as the server computes them; null for an unfinished range. */
export function periodDays(p: Period, cutoffDay: CutoffDay): { from: string; to: string } | null {
  if (p.kind === 'range') return ISO_DATE.test(p.from) && ISO_DATE.test(p.to) ? { from: p.from, to: p.to } : null;
  return reportPeriod(periodSpec(p)!, cutoffDay);
}

/** "Tháng 11/2026", "Quý IV/2026", "6 tháng đầu năm 2026", "9 tháng đầu năm 2026", "Năm 2026", "Từ 01/10/2026 đến 15/10/2026". */
export function periodLabel(p: Period): string {
  switch (p.kind) {
    case 'month':
      return `Tháng ${p.month}/${p.year}`;
    case 'quarter':
      return `Quý ${ROMAN[p.quarter - 1] ?? p.quarter}/${p.year}`;
    case 'half':
      return `6 tháng ${p.half === 1 ? 'đầu' : 'cuối'} năm ${p.year}`;
    case 'nineMonths':
      return `9 tháng đầu năm ${p.year}`;
    case 'year':
      return `Năm ${p.year}`;
    case 'range':
      return rangeLabel(p.from, p.to);
  }
}

export function rangeLabel(from: string, to: string): string {
  return `Từ ${formatIsoDate(from)} đến ${formatIsoDate(to)}`;
}

/** Why a range of days cannot be asked for, in Vietnamese; null when it can. */
export function rangeProblem(from: string, to: string): string | null {
  if (!ISO_DATE.test(from) || !ISO_DATE.test(to)) return 'Chọn cả ngày bắt đầu và ngày kết thúc.';
  if (to < from) return 'Ngày kết thúc phải từ ngày bắt đầu trở đi.';
  return null;
}

/**
 * The query the server expects; null while a range is incomplete or wrong. Without a cut-off day the server
 * cuts at the province's own (REPORT_CUTOFF_DAY).
 */
export function periodQuery(unit: string, p: Period, cutoffDay: CutoffDay | null): PeriodQuery | null {
  if (p.kind === 'range') return rangeProblem(p.from, p.to) === null ? { unit, from: p.from, to: p.to } : null;
  return { unit, period: periodSpec(p)!, ...(cutoffDay === null ? {} : { cutoffDay }) };
}

export function quarterLabel(quarter: number): string {
  return `Quý ${ROMAN[quarter - 1] ?? quarter}`;
}

/** The years offered: this one and the four before, newest first. */
export function yearChoices(today: string, count = 5): number[] {
  const year = yearOf(today);
  return Array.from({ length: count }, (_, i) => year - i);
}
