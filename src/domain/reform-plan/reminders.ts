/**
 * When the owner unit of a reform task is reminded (issue 23 item 7): `leadDays` working days before the deadline, in
 * the unit's working calendar (weekends, holidays and make-up days counted as the calendar says), and once the
 * deadline has passed without the task being done. The job (application/reform-plan/warn-reform-deadlines.ts) sends
 * each warning once per deadline: a deadline moved later is warned about again.
 */
import { jdnFromIso } from '../calendar/civil-date.js';
import type { WorkingCalendar } from '../calendar/working-calendar.js';
import type { TaskProgress } from './reform-task.js';

export const REFORM_WARNING_KINDS = ['dueSoon', 'overdue'] as const;
export type ReformWarningKind = (typeof REFORM_WARNING_KINDS)[number];

/**
 * The warning a task earns on `today`: overdue once its deadline has passed; due soon when the deadline is no later
 * than the `leadDays`-th working day after today (with 0, on the deadline day only); none for a task done.
 */
export function reformTaskWarning(task: TaskProgress, today: string, leadDays: number, calendar: WorkingCalendar): ReformWarningKind | null {
  if (task.status === 'done') return null;
  if (today > task.deadline) return 'overdue';
  if (today === task.deadline) return 'dueSoon';
  if (leadDays <= 0) return null;
  return jdnFromIso(task.deadline) <= calendar.workingDayAfter(jdnFromIso(today), leadDays) ? 'dueSoon' : null;
}

/** How far ahead the job looks, in calendar days: `leadDays` working days never span more (weekends and a long Tết included). */
export function reminderHorizonDays(leadDays: number): number {
  return Math.max(0, leadDays) * 2 + 14;
}
