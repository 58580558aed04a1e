/**
 * The working calendar in force: the Labour Code defaults, replaced year by year by the schedules the
 * government publishes (stored in calendar_years / calendar_days). Stored schedules are few, so they are
 * kept in memory and the calendar is rebuilt after a change.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../infrastructure/db/schema.js';
import { defaultHolidays, type CalendarDay } from '../../domain/calendar/holidays.js';
import { WorkingCalendar } from '../../domain/calendar/working-calendar.js';

export const NATIONAL_SCOPE = 'national';

export interface StoredYear {
  year: number;
  source: string;
  days: CalendarDay[];
}

export interface CalendarDirectory {
  calendar(): WorkingCalendar;
  /** The days of a year and where they come from. */
  year(year: number): { source: 'default' | string; days: readonly CalendarDay[] };
  reload(): Promise<void>;
}

export async function loadCalendarDirectory(db: Kysely<DB>): Promise<CalendarDirectory> {
  let stored = new Map<number, StoredYear>();
  let calendar = new WorkingCalendar();
  const directory: CalendarDirectory = {
    calendar: () => calendar,
    year: (year) => {
      const entry = stored.get(year);
      return entry ? { source: entry.source, days: entry.days } : { source: 'default', days: defaultHolidays(year) };
    },
    async reload() {
      const years = await db.selectFrom('calendar_years').selectAll().where('scope', '=', NATIONAL_SCOPE).execute();
      const days = await db.selectFrom('calendar_days').selectAll().where('scope', '=', NATIONAL_SCOPE).orderBy('date').execute();
      const next = new Map<number, StoredYear>(years.map((y) => [y.year, { year: y.year, source: y.source, days: [] }]));
      for (const d of days) next.get(d.year)?.days.push({ date: d.date, name: d.name, kind: d.kind });
      stored = next;
      calendar = new WorkingCalendar((year) => directory.year(year).days);
    },
  };
  await directory.reload();
  return directory;
}
