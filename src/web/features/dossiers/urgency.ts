/**
 * How urgent a dossier is, for the queue badges: its legal due date ("Quá hạn", "Đến hạn hôm nay",
 * "Còn N ngày", counted in calendar days in Vietnam) and the deadline of its current step ("Quá hạn
 * bước", or "Sắp hết thời gian bước" when under two working hours remain or the step is due today).
 *
 * Working time is counted with the default calendar (Labour Code holidays, default office hours): the web
 * app does not know a unit's own schedule, so the step warning is a close estimate; the due dates themselves
 * always come from the server.
 */
import { jdnFromIso } from '../../../domain/calendar/civil-date.js';
import { workingMinutesBetween } from '../../../domain/calendar/clock.js';
import { WorkingCalendar } from '../../../domain/calendar/working-calendar.js';
import { DEFAULT_OFFICE_HOURS, localMinutesFromUtcMs, type OfficeHours } from '../../../domain/calendar/working-time.js';
import { todayInVietnam } from '../../shared/format.js';

export type UrgencyTone = 'danger' | 'warning' | 'info' | 'neutral';

export interface Urgency {
  label: string;
  tone: UrgencyTone;
}

/** A step close to its deadline: fewer working minutes than this left. */
export const STEP_WARNING_MINUTES = 120;

const defaultCalendar = new WorkingCalendar();

function instant(iso: string | null): Date | null {
  if (iso === null) return null;
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** Calendar days from today to the day of `due`, both in Vietnam (0 when due today, negative when past). */
export function daysUntil(due: Date, now: Date): number {
  return jdnFromIso(todayInVietnam(due)) - jdnFromIso(todayInVietnam(now));
}

const OVERDUE: Urgency = { label: 'Quá hạn', tone: 'danger' };

/** The badge of the legal due date; null while there is none (not yet accepted). */
export function dueUrgency(dueAtIso: string | null, now: Date): Urgency | null {
  const due = instant(dueAtIso);
  if (!due) return null;
  if (due.getTime() < now.getTime()) return { label: 'Quá hạn', tone: 'danger' };
  const days = daysUntil(due, now);
  if (days <= 0) return { label: 'Đến hạn hôm nay', tone: 'warning' };
  return { label: `Còn ${days} ngày`, tone: days === 1 ? 'info' : 'neutral' };
}

/** Working minutes left before a step's deadline (0 once passed). */
export function workingMinutesLeft(stepDueAt: Date, now: Date, calendar: WorkingCalendar = defaultCalendar, hours: OfficeHours = DEFAULT_OFFICE_HOURS): number {
  return workingMinutesBetween(calendar, hours, localMinutesFromUtcMs(now.getTime()), localMinutesFromUtcMs(stepDueAt.getTime()));
}

/** The warning about the current step's budget; null while it has time enough (or there is no step deadline). */
export function stepUrgency(
  stepDueAtIso: string | null,
  now: Date,
  calendar: WorkingCalendar = defaultCalendar,
  hours: OfficeHours = DEFAULT_OFFICE_HOURS,
): Urgency | null {
  const due = instant(stepDueAtIso);
  if (!due) return null;
  if (due.getTime() < now.getTime()) return { label: 'Quá hạn bước', tone: 'danger' };
  if (daysUntil(due, now) <= 0 || workingMinutesLeft(due, now, calendar, hours) < STEP_WARNING_MINUTES) {
    return { label: 'Sắp hết thời gian bước', tone: 'warning' };
  }
  return null;
}

export interface Deadlines {
  status: string;
  stepDueAt: string | null;
  dueAt: string | null;
  submittedAt: string;
  /**
   * The server's one judgement of the dossier (domain/dossier/timeliness.ts), when known: a dossier
   * supplemented twice is overdue whatever its due date says.
   */
  timeliness?: string | null;
}

/** The clock is stopped while the applicant supplements the dossier (Decree 61/2018 Art. 17). */
export const PAUSED: Urgency = { label: 'Tạm dừng tính thời gian, chờ bổ sung', tone: 'info' };

/** Statuses whose deadlines no longer run: the result is ready, or the dossier is closed. */
const SETTLED = new Set(['resultReady', 'returned', 'refused', 'withdrawn', 'stopped']);

/**
 * The badges of a dossier in a queue or on its page: its due date and its step's budget while the clock
 * runs; "paused" while it waits for a supplement; nothing once settled or before it is accepted.
 */
export function urgencyBadges(item: Omit<Deadlines, 'submittedAt'>, now: Date): Urgency[] {
  if (SETTLED.has(item.status)) return [];
  const overdue = item.timeliness === 'overdue' ? OVERDUE : null;
  if (item.status === 'supplementRequested') return overdue ? [overdue, PAUSED] : [PAUSED];
  return [overdue ?? dueUrgency(item.dueAt, now), stepUrgency(item.stepDueAt, now)].filter((u): u is Urgency => u !== null);
}

/** 0 overdue, 1 step overdue, 2 due today or step running out, 3 in time or paused, 4 no running deadline. */
export function urgencyRank(item: Deadlines, now: Date): number {
  const badges = urgencyBadges(item, now);
  if (badges.some((b) => b.label === 'Quá hạn')) return 0;
  if (badges.some((b) => b.tone === 'danger')) return 1;
  if (badges.some((b) => b.tone === 'warning')) return 2;
  return badges.length > 0 ? 3 : 4;
}

function nearest(item: Deadlines): number {
  const time = (iso: string | null) => instant(iso)?.getTime() ?? Number.POSITIVE_INFINITY;
  const deadline = Math.min(time(item.stepDueAt), time(item.dueAt));
  return Number.isFinite(deadline) ? deadline : time(item.submittedAt);
}

/** Most urgent first, then the nearest deadline (step or dossier), then the oldest submission. Stable. */
export function sortByUrgency<T extends Deadlines>(items: readonly T[], now: Date): T[] {
  return items
    .map((item, position) => ({ item, position, rank: urgencyRank(item, now), deadline: nearest(item) }))
    .sort((a, b) => a.rank - b.rank || a.deadline - b.deadline || a.position - b.position)
    .map((entry) => entry.item);
}
