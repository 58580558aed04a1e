/**
 * The working rules in force: which days are worked (the Labour Code defaults, replaced year by year by
 * the schedules the government publishes, and by a province's own days where they differ: a date the
 * province lists replaces the national entry for that date), the
 * office hours of each unit (its own, else its nearest ancestor's, else the system default), and each
 * unit's rule on a second supplement request (the same inheritance; refused by default).
 * Stored schedules and office hours are few, so they are kept in memory and rebuilt after a change.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../infrastructure/db/schema.js';
import { defaultHolidays, overlayDays, type CalendarDay } from '../../domain/calendar/holidays.js';
import { WorkingCalendar } from '../../domain/calendar/working-calendar.js';
import { DEFAULT_OFFICE_HOURS, type OfficeHours } from '../../domain/calendar/working-time.js';
import type { UnitDirectory } from '../context.js';

export const NATIONAL_SCOPE = 'national';

export interface ScheduleYear {
  /** 'default' (Labour Code rules) or the published document. */
  source: string;
  /** 'national', or the province code whose own schedule is in force. */
  scope: string;
  days: readonly CalendarDay[];
}

/** What counting at a unit uses. */
export interface WorkingRules {
  calendar: WorkingCalendar;
  /** The schedule scope in force: 'national' or the unit's province code. */
  scope: string;
  hours: OfficeHours;
  /** The unit whose office hours apply; null for the system default. */
  hoursFrom: string | null;
  /** A second supplement request during processing is allowed here (REFERENCE §2.6; refused by default). */
  allowRepeatedSupplement: boolean;
  /** The unit whose supplement rule applies; null for the default. */
  supplementRuleFrom: string | null;
}

export interface CalendarDirectory {
  /** The calendar of a scope ('national' by default). */
  calendar(scope?: string): WorkingCalendar;
  /** The days of a year in a scope: the province's own days over the national schedule (or the defaults). */
  year(year: number, scope?: string): ScheduleYear;
  /** A province's own stored days for a year (before the overlay); null when it has none. */
  ownDays(year: number, scope: string): readonly CalendarDay[] | null;
  /** The schedule scope for a unit: its province's code if that province has a schedule of its own. */
  scopeOf(unitCode: string | null): string;
  /** Calendar and office hours in force at a unit (null: national calendar, default hours). */
  rulesFor(unitCode: string | null): WorkingRules;
  reload(): Promise<void>;
}

interface StoredYear {
  source: string;
  days: CalendarDay[];
}

export async function loadCalendarDirectory(db: Kysely<DB>, units: UnitDirectory): Promise<CalendarDirectory> {
  // scope → year → stored schedule
  let stored = new Map<string, Map<number, StoredYear>>();
  let calendars = new Map<string, WorkingCalendar>();
  let hoursByUnit = new Map<string, OfficeHours>();
  let repeatedSupplementByUnit = new Map<string, boolean>();

  const year = (y: number, scope: string = NATIONAL_SCOPE): ScheduleYear => {
    const national = stored.get(NATIONAL_SCOPE)?.get(y);
    const base: ScheduleYear = national
      ? { source: national.source, scope: NATIONAL_SCOPE, days: national.days }
      : { source: 'default', scope: NATIONAL_SCOPE, days: defaultHolidays(y) };
    const own = scope === NATIONAL_SCOPE ? undefined : stored.get(scope)?.get(y);
    return own ? { source: own.source, scope, days: overlayDays(base.days, own.days) } : base;
  };

  const calendar = (scope: string = NATIONAL_SCOPE): WorkingCalendar => {
    const key = stored.has(scope) ? scope : NATIONAL_SCOPE;
    let found = calendars.get(key);
    if (!found) {
      found = new WorkingCalendar((y) => year(y, key).days);
      calendars.set(key, found);
    }
    return found;
  };

  const scopeOf = (unitCode: string | null): string => {
    if (unitCode === null) return NATIONAL_SCOPE;
    const province = units
      .tree()
      .ancestry(unitCode)
      .find((u) => u.level === 'province');
    return province && stored.has(province.code) ? province.code : NATIONAL_SCOPE;
  };

  const directory: CalendarDirectory = {
    calendar,
    year,
    scopeOf,
    ownDays: (y, scope) => (scope === NATIONAL_SCOPE ? null : (stored.get(scope)?.get(y)?.days ?? null)),
    rulesFor(unitCode) {
      const scope = scopeOf(unitCode);
      const chain = unitCode === null ? [] : units.tree().ancestry(unitCode);
      const from = chain.find((u) => hoursByUnit.has(u.code));
      const ruleFrom = chain.find((u) => repeatedSupplementByUnit.has(u.code));
      return {
        calendar: calendar(scope),
        scope,
        hours: (from && hoursByUnit.get(from.code)) ?? DEFAULT_OFFICE_HOURS,
        hoursFrom: from?.code ?? null,
        allowRepeatedSupplement: (ruleFrom && repeatedSupplementByUnit.get(ruleFrom.code)) ?? false,
        supplementRuleFrom: ruleFrom?.code ?? null,
      };
    },
    async reload() {
      const [years, days, hours, supplementRules] = await Promise.all([
        db.selectFrom('calendar_years').selectAll().execute(),
        db.selectFrom('calendar_days').selectAll().orderBy('date').execute(),
        db.selectFrom('office_hours').selectAll().execute(),
        db.selectFrom('unit_supplement_rules').selectAll().execute(),
      ]);
      const next = new Map<string, Map<number, StoredYear>>();
      for (const y of years) {
        let byYear = next.get(y.scope);
        if (!byYear) next.set(y.scope, (byYear = new Map()));
        byYear.set(y.year, { source: y.source, days: [] });
      }
      for (const d of days) next.get(d.scope)?.get(d.year)?.days.push({ date: d.date, name: d.name, kind: d.kind });
      stored = next;
      calendars = new Map();
      hoursByUnit = new Map(hours.map((h) => [h.unit_code, { intervals: h.intervals, cutoffMinute: h.cutoff_minute }]));
      repeatedSupplementByUnit = new Map(supplementRules.map((r) => [r.unit_code, r.allow_repeated_supplement]));
    },
  };
  await directory.reload();
  return directory;
}
