/**
 * The due date computed in the browser with the same engine as the server. The working calendar asks
 * for the special days of each year it walks through; years not fetched yet are reported so that the
 * caller can fetch them and try again.
 */
import { civilFromJdn } from '../../../domain/calendar/civil-date.js';
import type { CalendarDay } from '../../../domain/calendar/holidays.js';
import { WorkingCalendar } from '../../../domain/calendar/working-calendar.js';
import { computeDue, type DueResult, type DurationUnit, type OfficeHours } from '../../../domain/calendar/working-time.js';
import { YEAR_MAX, YEAR_MIN } from './api/calendar-api.js';

export const DURATION_UNIT_LABELS = {
  working_days: 'Ngày làm việc',
  working_hours: 'Giờ làm việc',
  calendar_days: 'Ngày lịch',
  months: 'Tháng',
} as const satisfies Record<DurationUnit, string>;

/** Largest amount accepted per unit (the server's /calendar/due accepts up to 3650). */
export const MAX_AMOUNT = {
  working_days: 1000,
  working_hours: 8000,
  calendar_days: 3650,
  months: 120,
} as const satisfies Record<DurationUnit, number>;

export interface DueInput {
  startLocal: number;
  amount: number;
  unit: DurationUnit;
  hours: OfficeHours;
}

export type DueAttempt = { ok: true; result: DueResult } | { ok: false; missingYears: number[] };

/** Compute with the years at hand; when the calendar needed a year that is not there, say which. */
export function tryComputeDue(input: DueInput, years: ReadonlyMap<number, readonly CalendarDay[]>): DueAttempt {
  const missing = new Set<number>();
  const calendar = new WorkingCalendar((year) => {
    const days = years.get(year);
    if (days === undefined) missing.add(year);
    return days ?? [];
  });
  const result = computeDue(calendar, input.hours, input.startLocal, input.amount, input.unit, { explain: true });
  if (missing.size > 0) return { ok: false, missingYears: [...missing].sort((a, b) => a - b) };
  return { ok: true, result };
}

/** The civil year (Vietnam) of a local-minutes instant. */
export function yearOfLocal(local: number): number {
  return civilFromJdn(Math.floor(local / 1440)).year;
}

/** The years to fetch up front: the start year and the next one (most durations end within them). */
export function initialYears(startLocal: number): number[] {
  const year = yearOfLocal(startLocal);
  return [year, year + 1];
}

/** A year's special days and where they come from, as GET /calendar/holidays answers. */
export interface YearSchedule {
  days: readonly CalendarDay[];
  source: string;
  scope?: string;
}

export interface DueCalculation {
  result: DueResult;
  /** The schedules of the years from the acceptance to the due date, ascending. */
  schedules: { year: number; source: string; scope?: string }[];
}

/** The due date is beyond the years the server keeps a calendar for. */
export class DueOutOfRangeError extends Error {
  constructor(readonly year: number) {
    super(`Không tính được: thời hạn kéo dài đến năm ${year}, ngoài khoảng ${YEAR_MIN}–${YEAR_MAX} mà hệ thống có lịch nghỉ lễ.`);
    this.name = 'DueOutOfRangeError';
  }
}

const MAX_ROUNDS = 250;

/**
 * Fetch the start year and the next, compute, and fetch whatever further years the calendar asked for
 * until the answer no longer depends on a missing year.
 */
export async function calculateDue(input: DueInput, loadYear: (year: number) => Promise<YearSchedule>): Promise<DueCalculation> {
  const loaded = new Map<number, YearSchedule>();
  const fetchYears = async (list: readonly number[]) => {
    const outside = list.find((y) => y < YEAR_MIN || y > YEAR_MAX);
    if (outside !== undefined) throw new DueOutOfRangeError(outside);
    const answers = await Promise.all(list.map(async (year) => [year, await loadYear(year)] as const));
    for (const [year, schedule] of answers) loaded.set(year, schedule);
  };
  await fetchYears(initialYears(input.startLocal).filter((y) => y >= YEAR_MIN && y <= YEAR_MAX));
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const days = new Map([...loaded].map(([year, schedule]) => [year, schedule.days] as const));
    const attempt = tryComputeDue(input, days);
    if (attempt.ok) {
      const from = yearOfLocal(input.startLocal);
      const to = yearOfLocal(attempt.result.dueAtLocal);
      const schedules = [...loaded]
        .filter(([year]) => year >= from && year <= to)
        .sort(([a], [b]) => a - b)
        .map(([year, { source, scope }]) => ({ year, source, ...(scope === undefined ? {} : { scope }) }));
      return { result: attempt.result, schedules };
    }
    await fetchYears(attempt.missingYears);
  }
  throw new Error('due date calculation did not settle');
}
