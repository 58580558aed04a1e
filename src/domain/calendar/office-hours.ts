/**
 * Office hours as people write them ("07:00"–"11:30", cut-off "15:00") and as the engine counts them
 * (minutes after midnight). A unit without its own hours uses its parent's, up to the system default.
 */
import type { OfficeHours } from './working-time.js';

export interface OfficeHoursText {
  intervals: { start: string; end: string }[];
  /** "HH:mm", or null for no cut-off. */
  cutoff: string | null;
}

export interface OfficeHoursProblem {
  path: string;
  message: string;
}

const HHMM = /^([01]\d|2[0-3]):([0-5]\d)$|^24:00$/;

/** "07:30" → 450; null when not a valid time of day (24:00 is allowed as the end of a day). */
export function minuteOfDay(text: string): number | null {
  const match = HHMM.exec(text);
  if (!match) return null;
  if (text === '24:00') return 1440;
  return Number(match[1]) * 60 + Number(match[2]);
}

export function timeOfDay(minute: number): string {
  return `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
}

/** Minimum working time in a day, so that a working day cannot be configured away by mistake. */
export const MIN_WORKING_MINUTES_PER_DAY = 60;

/**
 * Validate office hours written as text: at least one interval, each start before its end, ascending and
 * not overlapping, at least an hour in total; the cut-off inside the day. Messages are Vietnamese.
 */
export function parseOfficeHours(input: OfficeHoursText): { ok: true; hours: OfficeHours } | { ok: false; problems: OfficeHoursProblem[] } {
  const problems: OfficeHoursProblem[] = [];
  const intervals: [number, number][] = [];
  if (input.intervals.length === 0) problems.push({ path: 'intervals', message: 'Cần ít nhất một khoảng giờ làm việc' });
  input.intervals.forEach((interval, i) => {
    const start = minuteOfDay(interval.start);
    const end = minuteOfDay(interval.end);
    if (start === null || start === 1440) problems.push({ path: `intervals.${i}.start`, message: `Giờ bắt đầu "${interval.start}" không hợp lệ (HH:mm)` });
    if (end === null) problems.push({ path: `intervals.${i}.end`, message: `Giờ kết thúc "${interval.end}" không hợp lệ (HH:mm)` });
    if (start === null || end === null || start === 1440) return;
    if (end <= start) {
      problems.push({ path: `intervals.${i}.end`, message: `Giờ kết thúc ${interval.end} phải sau giờ bắt đầu ${interval.start}` });
      return;
    }
    const previous = intervals.at(-1);
    if (previous && start < previous[1]) {
      problems.push({ path: `intervals.${i}.start`, message: `Khoảng ${interval.start}–${interval.end} chồng lên hoặc đứng trước khoảng trước nó` });
      return;
    }
    intervals.push([start, end]);
  });
  let cutoffMinute: number | null = null;
  if (input.cutoff !== null) {
    cutoffMinute = minuteOfDay(input.cutoff);
    if (cutoffMinute === null) problems.push({ path: 'cutoff', message: `Giờ chốt tiếp nhận "${input.cutoff}" không hợp lệ (HH:mm)` });
  }
  if (problems.length === 0) {
    const total = intervals.reduce((sum, [a, b]) => sum + (b - a), 0);
    if (total < MIN_WORKING_MINUTES_PER_DAY) problems.push({ path: 'intervals', message: 'Tổng giờ làm việc trong ngày phải từ 1 giờ trở lên' });
  }
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, hours: { intervals, cutoffMinute } };
}

export function formatOfficeHours(hours: OfficeHours): OfficeHoursText {
  return {
    intervals: hours.intervals.map(([start, end]) => ({ start: timeOfDay(start), end: timeOfDay(end) })),
    cutoff: hours.cutoffMinute === null ? null : timeOfDay(hours.cutoffMinute),
  };
}
