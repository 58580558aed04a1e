/**
 * Clock stops and apologies. Timeliness itself is judged by the one rule in domain/dossier/timeliness.ts.
 *
 * - A supplement request during processing pauses the clock until the supplement is received; the due
 *   date moves later by the paused *working* time (Decree 61/2018 Art. 17: time already spent counts).
 *   A second supplement request is flagged: the national portal counts such a dossier as late.
 * - An apology's new appointment never changes timeliness: it is judged against the original due date.
 */
import { isoFromJdn } from './civil-date.js';
import type { WorkingCalendar } from './working-calendar.js';
import { addWorkingTime, workingMinutesPerDay, type ExplanationStep, type OfficeHours } from './working-time.js';

export interface Pause {
  /** Local minutes (see working-time.ts) when the clock stopped and restarted; `to` null while still paused. */
  from: number;
  to: number | null;
}

/** Working minutes inside office hours on working days, in [from, to). */
export function workingMinutesBetween(calendar: WorkingCalendar, hours: OfficeHours, from: number, to: number): number {
  if (to <= from) return 0;
  let total = 0;
  const firstDay = Math.floor(from / 1440);
  const lastDay = Math.floor((to - 1) / 1440);
  for (let jd = firstDay; jd <= lastDay; jd++) {
    if (!calendar.isWorkingDay(jd)) continue;
    const dayStart = jd * 1440;
    for (const [a, b] of hours.intervals) {
      const lo = Math.max(dayStart + a, from);
      const hi = Math.min(dayStart + b, to);
      if (hi > lo) total += hi - lo;
    }
  }
  return total;
}

export interface PausedDue {
  dueAtLocal: number;
  pausedWorkingMinutes: number;
  /** More than one supplement request during processing. */
  repeatedSupplement: boolean;
  explanation: ExplanationStep[];
}

/** The due date after the clock stops: the original due plus the working time spent paused. */
export function applyPauses(calendar: WorkingCalendar, hours: OfficeHours, dueAtLocal: number, pauses: readonly Pause[], now: number): PausedDue {
  let paused = 0;
  const explanation: ExplanationStep[] = [];
  for (const p of pauses) {
    const end = p.to ?? now;
    const minutes = workingMinutesBetween(calendar, hours, p.from, end);
    paused += minutes;
    const day = isoFromJdn(Math.floor(p.from / 1440));
    explanation.push({
      kind: 'paused',
      date: day,
      text: `Tạm dừng tính thời gian chờ bổ sung hồ sơ${p.to === null ? ' (đang chờ)' : ''}: ${formatWorkingTime(minutes)} làm việc`,
    });
  }
  const due = paused === 0 ? dueAtLocal : addWorkingTime(calendar, hours, dueAtLocal, paused);
  return { dueAtLocal: due, pausedWorkingMinutes: paused, repeatedSupplement: pauses.length > 1, explanation };
}

export function formatWorkingTime(minutes: number): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours === 0) return `${rest} phút`;
  return rest === 0 ? `${hours} giờ` : `${hours} giờ ${rest} phút`;
}

export interface ExtensionRules {
  /** The apology must be sent at least this many working days before the due date (Decree 61/2018: 1). */
  apologyLeadWorkingDays: number;
  /** How many new appointments a dossier may get (Decree 61/2018: 1). */
  maxExtensions: number;
}

export const DEFAULT_EXTENSION_RULES: ExtensionRules = { apologyLeadWorkingDays: 1, maxExtensions: 1 };

export type ExtensionRefusal = 'NEW_DATE_NOT_LATER' | 'TOO_MANY_EXTENSIONS' | 'NEW_DATE_OUTSIDE_OFFICE_HOURS';

/**
 * Whether an instant is one a citizen can be asked to come at: a working day, inside an office-hours
 * interval (its closing minute included: a due time of 17:00 is the end of the day's work).
 */
export function isWithinOfficeHours(calendar: WorkingCalendar, hours: OfficeHours, local: number): boolean {
  const jd = Math.floor(local / 1440);
  if (!calendar.isWorkingDay(jd)) return false;
  const minute = local - jd * 1440;
  return hours.intervals.some(([a, b]) => minute >= a && minute <= b);
}

export type ExtensionResult =
  | {
      ok: true;
      /** The date promised to the citizen from now on. */
      appointmentAtLocal: number;
      /** Timeliness keeps using the original due date: an apology never turns late into on time. */
      dueForTimelinessAtLocal: number;
      /** The apology came later than the lead time before the original due date. */
      apologyLate: boolean;
    }
  | { ok: false; reason: ExtensionRefusal };

/**
 * An apology with a new appointment (form 04): later than the original due date, on a working day and
 * within office hours (the citizen is asked to come then). Configurable because Decree 118/2025's wording on the lead
 * time and the once-only rule could not be verified (REFERENCE §2.7).
 */
export function extendAppointment(
  calendar: WorkingCalendar,
  hours: OfficeHours,
  input: { originalDueAtLocal: number; newAppointmentAtLocal: number; apologisedAtLocal: number; previousExtensions: number },
  rules: ExtensionRules = DEFAULT_EXTENSION_RULES,
): ExtensionResult {
  if (input.previousExtensions >= rules.maxExtensions) return { ok: false, reason: 'TOO_MANY_EXTENSIONS' };
  if (input.newAppointmentAtLocal <= input.originalDueAtLocal) return { ok: false, reason: 'NEW_DATE_NOT_LATER' };
  if (!isWithinOfficeHours(calendar, hours, input.newAppointmentAtLocal)) return { ok: false, reason: 'NEW_DATE_OUTSIDE_OFFICE_HOURS' };
  const leadNeeded = rules.apologyLeadWorkingDays * workingMinutesPerDay(hours);
  const lead = workingMinutesBetween(calendar, hours, input.apologisedAtLocal, input.originalDueAtLocal);
  return {
    ok: true,
    appointmentAtLocal: input.newAppointmentAtLocal,
    dueForTimelinessAtLocal: input.originalDueAtLocal,
    apologyLate: input.apologisedAtLocal >= input.originalDueAtLocal || lead < leadNeeded,
  };
}
