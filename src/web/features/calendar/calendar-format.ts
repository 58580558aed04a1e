/** Vietnamese display of calendar dates, weekdays, due date-times and the kinds of special day. */
import { civilFromJdn, jdnFromIso, weekdayOfJdn } from '../../../domain/calendar/civil-date.js';
import type { DayKind } from '../../../domain/calendar/holidays.js';
import { todayInVietnam } from '../../shared/format.js';
import { formatTimeOfDay } from './time-of-day.js';

/** Indexed like weekdayOfJdn: 0 = Monday … 6 = Sunday. */
export const WEEKDAY_LABELS = ['Thứ Hai', 'Thứ Ba', 'Thứ Tư', 'Thứ Năm', 'Thứ Sáu', 'Thứ Bảy', 'Chủ nhật'] as const;

export const DAY_KIND_LABELS = {
  holiday: 'Nghỉ lễ, Tết',
  substitute: 'Nghỉ bù, nghỉ hoán đổi',
  makeUpWorkingDay: 'Làm bù',
} as const satisfies Record<DayKind, string>;

const pad = (n: number) => String(n).padStart(2, '0');

function dayMonthYear(jd: number): string {
  const { year, month, day } = civilFromJdn(jd);
  return `${pad(day)}/${pad(month)}/${year}`;
}

/** "2026-11-30" → "Thứ Hai"; null for an unreadable date. */
export function weekdayOfIsoDate(isoDate: string): string | null {
  try {
    return WEEKDAY_LABELS[weekdayOfJdn(jdnFromIso(isoDate))] ?? null;
  } catch {
    return null;
  }
}

/** "2026-11-30" → "Thứ Hai, 30/11/2026"; an unreadable value is returned unchanged. */
export function formatDateWithWeekday(isoDate: string): string {
  try {
    const jd = jdnFromIso(isoDate);
    return `${WEEKDAY_LABELS[weekdayOfJdn(jd)]}, ${dayMonthYear(jd)}`;
  } catch {
    return isoDate;
  }
}

/** Local minutes (Vietnam) → "Thứ Ba, 24/11/2026 lúc 09:00". */
export function formatLocalDateTime(local: number): string {
  const jd = Math.floor(local / 1440);
  return `${WEEKDAY_LABELS[weekdayOfJdn(jd)]}, ${dayMonthYear(jd)} lúc ${formatTimeOfDay(local - jd * 1440)}`;
}

/** The civil year in Vietnam at `now` (Asia/Ho_Chi_Minh). */
export function currentYearInVietnam(now: Date = new Date()): number {
  return Number(todayInVietnam(now).slice(0, 4));
}

/** A length of time in minutes as "8 giờ", "7 giờ 30 phút" or "45 phút". */
export function formatDuration(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  if (h === 0) return `${m} phút`;
  return m === 0 ? `${h} giờ` : `${h} giờ ${m} phút`;
}
