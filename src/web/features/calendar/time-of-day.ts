/**
 * Times of day and Vietnam-local instants as the calendar domain counts them: minutes after midnight,
 * and "local minutes" (JDN × 1440 + minute of the day, UTC+7). Strings are the values of
 * <input type="date"> (yyyy-MM-dd) and <input type="time"> (HH:mm, 24-hour).
 */
import { isoFromJdn, jdnFromIso } from '../../../domain/calendar/civil-date.js';
import { localMinutesFromUtcMs } from '../../../domain/calendar/working-time.js';

const MINUTES_PER_DAY = 1440;

/** "09:30" → 570; null unless it is a 24-hour HH:mm between 00:00 and 23:59 (seconds, if any, are dropped). */
export function parseTimeOfDay(value: string): number | null {
  const match = /^(\d{2}):(\d{2})(?::\d{2}(?:\.\d+)?)?$/.exec(value.trim());
  if (!match) return null;
  const hours = Number(match[1]);
  const minutes = Number(match[2]);
  if (hours > 23 || minutes > 59) return null;
  return hours * 60 + minutes;
}

/** 570 → "09:30". */
export function formatTimeOfDay(minute: number): string {
  const h = Math.floor(minute / 60);
  const m = minute % 60;
  return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
}

/** True for an existing calendar date written yyyy-MM-dd. */
export function isIsoDate(value: string): boolean {
  try {
    jdnFromIso(value);
    return true;
  } catch {
    return false;
  }
}

/** A date (yyyy-MM-dd) and a time (HH:mm) in Vietnam as local minutes; null when either is unreadable. */
export function localMinutesFrom(date: string, time: string): number | null {
  const minute = parseTimeOfDay(time);
  if (minute === null || !isIsoDate(date)) return null;
  return jdnFromIso(date) * MINUTES_PER_DAY + minute;
}

/** Local minutes back to the values of a date input and a time input. */
export function dateAndTimeOf(local: number): { date: string; time: string } {
  const jd = Math.floor(local / MINUTES_PER_DAY);
  return { date: isoFromJdn(jd), time: formatTimeOfDay(local - jd * MINUTES_PER_DAY) };
}

/** The current date and time in Vietnam, to the minute, as input values. */
export function nowInVietnam(nowMs: number = Date.now()): { date: string; time: string } {
  return dateAndTimeOf(localMinutesFromUtcMs(nowMs));
}
