/**
 * Which days are working days: weekdays minus holidays and substitute days, plus make-up working
 * Saturdays. Built from per-year day lists (the defaults, or the government's published schedule),
 * cached per year in a compact table so that a lookup is an array read.
 */
import { civilFromJdn, isoFromJdn, jdnFromCivil, jdnFromIso, weekdayOfJdn } from './civil-date.js';
import { DEFAULT_HOLIDAY_RULES, defaultHolidays, type CalendarDay } from './holidays.js';

/** Supplies the special days of a civil year: holidays, substitutes and make-up working days. */
export type YearDays = (year: number) => readonly CalendarDay[];

const WORKING = 1;
const OFF = 2;

export class WorkingCalendar {
  private readonly years = new Map<number, { start: number; flags: Uint8Array; names: Map<number, CalendarDay> }>();

  constructor(
    private readonly yearDays: YearDays = (year) => defaultHolidays(year),
    readonly weeklyRestDays: readonly number[] = DEFAULT_HOLIDAY_RULES.weeklyRestDays,
  ) {}

  private year(year: number) {
    let entry = this.years.get(year);
    if (!entry) {
      const start = jdnFromCivil({ year, month: 1, day: 1 });
      const end = jdnFromCivil({ year, month: 12, day: 31 });
      const flags = new Uint8Array(end - start + 1);
      const rest = new Set(this.weeklyRestDays);
      for (let jd = start; jd <= end; jd++) flags[jd - start] = rest.has(weekdayOfJdn(jd)) ? OFF : WORKING;
      const names = new Map<number, CalendarDay>();
      for (const day of this.yearDays(year)) {
        const jd = jdnFromIso(day.date);
        if (jd < start || jd > end) continue;
        flags[jd - start] = day.kind === 'makeUpWorkingDay' ? WORKING : OFF;
        names.set(jd, day);
      }
      entry = { start, flags, names };
      this.years.set(year, entry);
    }
    return entry;
  }

  private last: { start: number; flags: Uint8Array; names: Map<number, CalendarDay> } | undefined;

  private entryFor(jd: number) {
    // Fast path: the year of the previous lookup usually holds the next one too.
    const last = this.last;
    if (last && jd >= last.start && jd < last.start + last.flags.length) return last;
    this.last = this.year(civilFromJdn(jd).year);
    return this.last;
  }

  isWorkingDay(jd: number): boolean {
    const entry = this.entryFor(jd);
    return entry.flags[jd - entry.start] === WORKING;
  }

  /** Why a day is not (or, for a make-up Saturday, is) a working day; null for an ordinary day. */
  describe(jd: number): CalendarDay | null {
    return this.entryFor(jd).names.get(jd) ?? null;
  }
}

/**
 * The dates of a year whose working status differs between two day lists (e.g. a schedule announced
 * late replacing the defaults): the dates a dossier's counting may have crossed differently.
 */
export function workingDayChanges(
  year: number,
  before: readonly CalendarDay[],
  after: readonly CalendarDay[],
  weeklyRestDays: readonly number[] = DEFAULT_HOLIDAY_RULES.weeklyRestDays,
): { date: string; working: boolean }[] {
  const old = new WorkingCalendar(() => before, weeklyRestDays);
  const next = new WorkingCalendar(() => after, weeklyRestDays);
  const changes: { date: string; working: boolean }[] = [];
  const end = jdnFromCivil({ year, month: 12, day: 31 });
  for (let jd = jdnFromCivil({ year, month: 1, day: 1 }); jd <= end; jd++) {
    const working = next.isWorkingDay(jd);
    if (working !== old.isWorkingDay(jd)) changes.push({ date: isoFromJdn(jd), working });
  }
  return changes;
}
