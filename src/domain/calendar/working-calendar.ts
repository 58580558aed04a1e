/**
 * Which days are working days: weekdays minus holidays and substitute days, plus make-up working
 * Saturdays. Built from per-year day lists (the defaults, or the government's published schedule),
 * cached per year in a compact table so that a lookup is an array read. A year's table also gets, on
 * first use, an index of its working days (rank of a day, day of a rank), so that "the n-th working day
 * after" is two array reads rather than a walk over the days. Both derive from the year's day list, read
 * once: a new schedule means a new calendar (the calendar directory builds new ones when it reloads).
 */
import { civilFromJdn, isoFromJdn, jdnFromCivil, jdnFromIso, weekdayOfJdn } from './civil-date.js';
import { DEFAULT_HOLIDAY_RULES, defaultHolidays, type CalendarDay } from './holidays.js';

/** Supplies the special days of a civil year: holidays, substitutes and make-up working days. */
export type YearDays = (year: number) => readonly CalendarDay[];

const WORKING = 1;
const OFF = 2;
/** JDN of 1 January of year 0 (proleptic Gregorian) and the mean Gregorian year, to estimate a day's year. */
const JDN_YEAR_0 = 1721060;
const DAYS_PER_YEAR = 365.2425;

interface YearTable {
  /** JDN of 1 January. */
  start: number;
  flags: Uint8Array;
  names: Map<number, CalendarDay>;
  /** Built on first use by workingDayAfter. */
  index: WorkingDayIndex | null;
}

/** A year's working days counted: a working day's rank and the day of a rank are both one array read. */
interface WorkingDayIndex {
  /** before[i]: working days among the year's first i days (length: days in the year + 1). */
  before: Int32Array;
  /** day[r]: the day of the year (0-based) of its working day of rank r (0-based). */
  day: Int32Array;
}

function indexWorkingDays(flags: Uint8Array): WorkingDayIndex {
  const before = new Int32Array(flags.length + 1);
  const day: number[] = [];
  for (let i = 0; i < flags.length; i++) {
    if (flags[i] === WORKING) day.push(i);
    before[i + 1] = day.length;
  }
  return { before, day: Int32Array.from(day) };
}

export class WorkingCalendar {
  private readonly years = new Map<number, YearTable>();

  constructor(
    private readonly yearDays: YearDays = (year) => defaultHolidays(year),
    readonly weeklyRestDays: readonly number[] = DEFAULT_HOLIDAY_RULES.weeklyRestDays,
  ) {}

  private year(year: number): YearTable {
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
      entry = { start, flags, names, index: null };
      this.years.set(year, entry);
    }
    return entry;
  }

  private last: YearTable | undefined;

  private entryFor(jd: number): YearTable {
    // Fast path: the year of the previous lookup usually holds the next one too.
    const last = this.last;
    if (last && jd >= last.start && jd < last.start + last.flags.length) return last;
    // Next: a year already built, found from an estimate of the year (a due date crossing into the next
    // year sends the lookups back and forth); only a year not built yet needs the exact civil date.
    const built = this.years.get(Math.floor((jd - JDN_YEAR_0) / DAYS_PER_YEAR));
    this.last = built && jd >= built.start && jd < built.start + built.flags.length ? built : this.year(civilFromJdn(jd).year);
    return this.last;
  }

  isWorkingDay(jd: number): boolean {
    const entry = this.entryFor(jd);
    return entry.flags[jd - entry.start] === WORKING;
  }

  /**
   * The n-th working day after `jd` (n ≥ 1): the day reached by stepping to the next working day n times.
   * Reads the years in the order that walk would, so a calendar built from partial data asks for the same years.
   */
  workingDayAfter(jd: number, n: number): number {
    let day = jd + 1;
    let left = n;
    for (;;) {
      const entry = this.entryFor(day);
      const index = (entry.index ??= indexWorkingDays(entry.flags));
      const rank = (index.before[day - entry.start] as number) + left - 1;
      if (rank < index.day.length) return entry.start + (index.day[rank] as number);
      left = rank + 1 - index.day.length;
      day = entry.start + entry.flags.length;
    }
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
