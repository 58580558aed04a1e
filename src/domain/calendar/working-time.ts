/**
 * Due dates in working time, with the reasons (the "why this date").
 *
 * Convention (configurable through OfficeHours): a due date-time is the acceptance time plus N × 8
 * working hours, counted inside office hours (07:00–11:30, 13:30–17:00, Asia/Ho_Chi_Minh, UTC+7 without
 * daylight saving). A dossier accepted on a day off, outside office hours or after the cut-off (15:00)
 * starts counting at the next working opening. Accepted Monday 09:00 with 1 working day → Tuesday 09:00.
 * Calendar days and months count every day and roll a due date that lands on a day off to the next
 * working day, keeping the time of day when it is inside office hours; a time outside them moves to the
 * next opening of that day (before opening, over lunch) or to its closing (after the day's last interval),
 * so the due instant is always within office hours and never leaves its due date.
 *
 * Instants are "local minutes": JDN × 1440 + minute of the day in Vietnam time, so all arithmetic is on
 * integers; no Date objects are stepped.
 */
import { civilFromJdn, isoFromJdn, jdnFromCivil, weekdayOfJdn } from './civil-date.js';
import type { WorkingCalendar } from './working-calendar.js';

export interface OfficeHours {
  /** Working intervals of a day, in minutes after midnight, ascending: [start, end). */
  intervals: readonly (readonly [number, number])[];
  /** Minute after which an acceptance starts counting on the next working day; null for none. */
  cutoffMinute: number | null;
}

export const DEFAULT_OFFICE_HOURS: OfficeHours = {
  intervals: [
    [7 * 60, 11 * 60 + 30],
    [13 * 60 + 30, 17 * 60],
  ],
  cutoffMinute: 15 * 60,
};

export const DURATION_UNITS = ['working_days', 'working_hours', 'calendar_days', 'months'] as const;
export type DurationUnit = (typeof DURATION_UNITS)[number];

export const VIETNAM_OFFSET_MINUTES = 7 * 60;
const UNIX_EPOCH_JDN = 2440588;

export function localMinutesFromUtcMs(ms: number): number {
  return Math.floor(ms / 60_000) + VIETNAM_OFFSET_MINUTES + UNIX_EPOCH_JDN * 1440;
}

export function utcMsFromLocalMinutes(local: number): number {
  return (local - VIETNAM_OFFSET_MINUTES - UNIX_EPOCH_JDN * 1440) * 60_000;
}

export type ExplanationKind = 'start' | 'dayOff' | 'outsideHours' | 'cutoff' | 'weekends' | 'rolled' | 'paused' | 'due';

export interface ExplanationStep {
  kind: ExplanationKind;
  /** yyyy-MM-dd (Vietnam) */
  date: string;
  /** Vietnamese, for officials and citizens. */
  text: string;
}

export interface DueResult {
  dueAtLocal: number;
  explanation: ExplanationStep[];
}

const pad = (n: number) => String(n).padStart(2, '0');
const hhmm = (minute: number) => `${pad(Math.floor(minute / 60))}:${pad(minute % 60)}`;
const viDate = (jd: number) => {
  const { year, month, day } = civilFromJdn(jd);
  return `${pad(day)}/${pad(month)}/${year}`;
};

const perDayCache = new WeakMap<OfficeHours, number>();
// The office hours of the previous call: a run of due dates usually shares them.
let lastHours: OfficeHours | null = null;
let lastPerDay = 0;

export function workingMinutesPerDay(hours: OfficeHours): number {
  if (hours === lastHours) return lastPerDay;
  let perDay = perDayCache.get(hours);
  if (perDay === undefined) {
    perDay = hours.intervals.reduce((sum, [a, b]) => sum + (b - a), 0);
    perDayCache.set(hours, perDay);
  }
  lastHours = hours;
  lastPerDay = perDay;
  return perDay;
}

/** Describe a skipped day off (named days only; plain weekends are counted, not listed). */
function noteDayOff(calendar: WorkingCalendar, jd: number, steps: ExplanationStep[] | null, weekends: { count: number }): void {
  if (!steps) return;
  const named = calendar.describe(jd);
  if (named) say(steps, 'dayOff', jd, () => `Bỏ qua ${viDate(jd)}: ${named.name}`);
  else weekends.count++;
}

/** Record a step of the explanation; its text is only built when an explanation was asked for. */
function say(steps: ExplanationStep[] | null, kind: ExplanationKind, jd: number, text: () => string): void {
  if (steps) steps.push({ kind, date: isoFromJdn(jd), text: text() });
}

function nextWorkingDay(calendar: WorkingCalendar, jd: number, steps: ExplanationStep[] | null, weekends: { count: number }): number {
  if (!steps) return calendar.workingDayAfter(jd, 1);
  let d = jd + 1;
  while (!calendar.isWorkingDay(d)) {
    noteDayOff(calendar, d, steps, weekends);
    d++;
  }
  return d;
}

/** After the reason for moving the start is stated, list the days off it skipped (and count the weekends). */
function noteSkippedAfter(calendar: WorkingCalendar, jd: number, steps: ExplanationStep[] | null, weekends: { count: number }): void {
  if (steps) nextWorkingDay(calendar, jd, steps, weekends);
}

/** The instant counting starts from, moved to the next working opening where the rules say so. */
function effectiveStart(calendar: WorkingCalendar, hours: OfficeHours, local: number, steps: ExplanationStep[] | null, weekends: { count: number }): number {
  const jd = Math.floor(local / 1440);
  const minute = local - jd * 1440;
  const opening = hours.intervals[0]?.[0] ?? 0;
  const closing = hours.intervals[hours.intervals.length - 1]?.[1] ?? 1440;
  say(steps, 'start', jd, () => `Tiếp nhận lúc ${hhmm(minute)} ngày ${viDate(jd)}`);
  if (!calendar.isWorkingDay(jd)) {
    const next = nextWorkingDay(calendar, jd, null, weekends);
    say(steps, 'dayOff', jd, () => {
      const named = calendar.describe(jd);
      return `${viDate(jd)} là ngày nghỉ${named ? ` (${named.name})` : ''}: bắt đầu tính từ ${hhmm(opening)} ngày ${viDate(next)}`;
    });
    noteSkippedAfter(calendar, jd, steps, weekends);
    return next * 1440 + opening;
  }
  const cutoff = hours.cutoffMinute;
  if (cutoff !== null && minute >= cutoff) {
    const next = nextWorkingDay(calendar, jd, null, weekends);
    say(steps, 'cutoff', jd, () => `Tiếp nhận sau ${hhmm(cutoff)}: bắt đầu tính từ ${hhmm(opening)} ngày làm việc tiếp theo (${viDate(next)})`);
    noteSkippedAfter(calendar, jd, steps, weekends);
    return next * 1440 + opening;
  }
  if (minute >= closing) {
    const next = nextWorkingDay(calendar, jd, null, weekends);
    say(steps, 'outsideHours', jd, () => `Tiếp nhận ngoài giờ hành chính: bắt đầu tính từ ${hhmm(opening)} ngày ${viDate(next)}`);
    noteSkippedAfter(calendar, jd, steps, weekends);
    return next * 1440 + opening;
  }
  for (let i = 0; i < hours.intervals.length; i++) {
    const [a, b] = hours.intervals[i] as readonly [number, number];
    if (minute < a) {
      say(steps, 'outsideHours', jd, () => `Tiếp nhận ngoài giờ hành chính: bắt đầu tính từ ${hhmm(a)}`);
      return jd * 1440 + a;
    }
    if (minute < b) return local;
  }
  return local;
}

function addWorkingMinutes(
  calendar: WorkingCalendar,
  hours: OfficeHours,
  start: number,
  minutes: number,
  steps: ExplanationStep[] | null,
  weekends: { count: number },
): number {
  let jd = Math.floor(start / 1440);
  let minute = start - jd * 1440;
  if (minutes === 0) return start;
  let remaining = minutes;
  const perDay = workingMinutesPerDay(hours);
  if (perDay <= 0) throw new RangeError('office hours must contain working time');
  const intervals = hours.intervals;
  for (;;) {
    for (let i = 0; i < intervals.length; i++) {
      const interval = intervals[i] as readonly [number, number];
      const b = interval[1];
      if (minute >= b) continue;
      const from = interval[0] > minute ? interval[0] : minute;
      const available = b - from;
      if (remaining <= available) return jd * 1440 + from + remaining;
      remaining -= available;
      minute = b;
    }
    minute = 0;
    if (!steps) {
      // Nothing to list: jump over the whole working days with one lookup in the calendar's index of working days.
      let whole = 0;
      if (remaining > perDay && Number.isSafeInteger(remaining) && Number.isSafeInteger(perDay)) {
        whole = Math.ceil((remaining - perDay) / perDay); // exact for integers
        remaining -= whole * perDay;
      }
      for (; remaining > perDay; whole++) remaining -= perDay; // other amounts, subtracted as the loop below would
      jd = calendar.workingDayAfter(jd, whole + 1);
      continue;
    }
    jd = nextWorkingDay(calendar, jd, steps, weekends);
    // Whole working days at once: no need to walk their intervals.
    while (remaining > perDay) {
      remaining -= perDay;
      jd = nextWorkingDay(calendar, jd, steps, weekends);
    }
  }
}

/** Add working minutes to an instant already inside counting (e.g. a due date extended by a pause). */
export function addWorkingTime(calendar: WorkingCalendar, hours: OfficeHours, from: number, minutes: number): number {
  return addWorkingMinutes(calendar, hours, from, minutes, null, { count: 0 });
}

function rollToWorkingDay(calendar: WorkingCalendar, local: number, steps: ExplanationStep[] | null, weekends: { count: number }): number {
  const jd = Math.floor(local / 1440);
  if (calendar.isWorkingDay(jd)) return local;
  noteDayOff(calendar, jd, steps, weekends);
  const next = nextWorkingDay(calendar, jd, steps, weekends);
  say(steps, 'rolled', next, () => `Hạn rơi vào ngày nghỉ ${viDate(jd)}: chuyển sang ngày làm việc tiếp theo ${viDate(next)}`);
  return local + (next - jd) * 1440;
}

/**
 * A due instant on a working day moved inside that day's office hours: kept when inside an interval (its
 * closing minute included), else the next opening of the day, else the day's last closing.
 */
function intoOfficeHours(hours: OfficeHours, local: number, steps: ExplanationStep[] | null): number {
  const jd = Math.floor(local / 1440);
  const minute = local - jd * 1440;
  if (hours.intervals.length === 0 || hours.intervals.some(([a, b]) => minute >= a && minute <= b)) return local;
  const opening = hours.intervals.find(([a]) => a > minute)?.[0];
  const moved = opening ?? (hours.intervals[hours.intervals.length - 1]?.[1] as number);
  say(steps, 'outsideHours', jd, () => `Giờ hẹn ${hhmm(minute)} ngoài giờ làm việc: hẹn lúc ${hhmm(moved)} cùng ngày`);
  return jd * 1440 + moved;
}

/** Due date-time of `amount` `unit`s counted from `startLocal` (local minutes), with its explanation. */
export function computeDue(
  calendar: WorkingCalendar,
  hours: OfficeHours,
  startLocal: number,
  amount: number,
  unit: DurationUnit,
  options: { explain?: boolean } = {},
): DueResult {
  if (!Number.isInteger(amount) || amount < 0) throw new RangeError('amount must be a non-negative integer');
  // Queues and scorecards need only the instant; the explanation is built for people who will read it.
  const steps: ExplanationStep[] | null = options.explain === false ? null : [];
  const weekends = { count: 0 };
  let due: number;
  switch (unit) {
    case 'working_days':
    case 'working_hours': {
      const start = effectiveStart(calendar, hours, startLocal, steps, weekends);
      const minutes = unit === 'working_days' ? amount * workingMinutesPerDay(hours) : amount * 60;
      due = minutes === 0 ? start : addWorkingMinutes(calendar, hours, start, minutes, steps, weekends);
      break;
    }
    case 'calendar_days': {
      say(steps, 'start', Math.floor(startLocal / 1440), () => `Tiếp nhận lúc ${hhmm(startLocal % 1440)} ngày ${viDate(Math.floor(startLocal / 1440))}`);
      due = intoOfficeHours(hours, rollToWorkingDay(calendar, startLocal + amount * 1440, steps, weekends), steps);
      break;
    }
    case 'months': {
      const jd = Math.floor(startLocal / 1440);
      const minute = startLocal - jd * 1440;
      say(steps, 'start', jd, () => `Tiếp nhận lúc ${hhmm(minute)} ngày ${viDate(jd)}`);
      const { year, month, day } = civilFromJdn(jd);
      const total = year * 12 + (month - 1) + amount;
      const y = Math.floor(total / 12);
      const m = (total % 12) + 1;
      const lastDay = jdnFromCivil({ year: m === 12 ? y + 1 : y, month: m === 12 ? 1 : m + 1, day: 1 }) - jdnFromCivil({ year: y, month: m, day: 1 });
      const target = jdnFromCivil({ year: y, month: m, day: Math.min(day, lastDay) });
      due = intoOfficeHours(hours, rollToWorkingDay(calendar, target * 1440 + minute, steps, weekends), steps);
      break;
    }
    default: {
      const never: never = unit;
      throw new RangeError(`unknown unit ${String(never)}`);
    }
  }
  if (weekends.count > 0) say(steps, 'weekends', Math.floor(due / 1440), () => `Không tính ${weekends.count} ngày nghỉ cuối tuần`);
  const dueJd = Math.floor(due / 1440);
  say(
    steps,
    'due',
    dueJd,
    () =>
      `Hẹn trả kết quả lúc ${hhmm(due - dueJd * 1440)} ngày ${viDate(dueJd)} (${['thứ Hai', 'thứ Ba', 'thứ Tư', 'thứ Năm', 'thứ Sáu', 'thứ Bảy', 'Chủ nhật'][weekdayOfJdn(dueJd)]})`,
  );
  return { dueAtLocal: due, explanation: steps ?? [] };
}
