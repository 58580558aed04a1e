/**
 * Office hours in the web app: the API's "HH:mm" form is checked and converted by the same domain code
 * as on the server (domain/calendar/office-hours.ts), and its problems, like the server's error details,
 * are placed next to the fields they concern.
 */
import { formatOfficeHours, parseOfficeHours, type OfficeHoursProblem } from '../../../domain/calendar/office-hours.js';
import type { OfficeHours } from '../../../domain/calendar/working-time.js';
import type { OfficeHoursInput, OfficeInterval } from './api/office-hours-api.js';

/** The API's office hours as the engine's OfficeHours; null when they are unusable. */
export function toDomainOfficeHours(input: OfficeHoursInput): OfficeHours | null {
  const parsed = parseOfficeHours(input);
  return parsed.ok ? parsed.hours : null;
}

/** The engine's OfficeHours as the API's "HH:mm" shape. */
export function fromDomainOfficeHoursText(hours: OfficeHours): OfficeHoursInput {
  return formatOfficeHours(hours);
}

export interface IntervalErrors {
  start?: string;
  end?: string;
}

export interface OfficeHoursFormErrors {
  /** Per interval row, by index. */
  intervals: Map<number, IntervalErrors>;
  cutoff?: string;
  /** About the whole form (no interval, too little time) or not placeable. */
  general: string[];
}

export function hasOfficeHoursErrors(errors: OfficeHoursFormErrors): boolean {
  return errors.general.length > 0 || errors.cutoff !== undefined || errors.intervals.size > 0;
}

const INTERVAL_PATH = /(?:^|\.)intervals\.(\d+)\.(start|end)$/;
const CUTOFF_PATH = /(?:^|\.)cutoff$/;

/** Problems with paths like "intervals.1.start", "cutoff" or "body.intervals" (the server's details), by field. */
export function officeHoursErrorsFrom(problems: readonly OfficeHoursProblem[]): OfficeHoursFormErrors {
  const errors: OfficeHoursFormErrors = { intervals: new Map(), general: [] };
  for (const { path, message } of problems) {
    const interval = INTERVAL_PATH.exec(path);
    if (interval) {
      const index = Number(interval[1]);
      const field = interval[2] as keyof IntervalErrors;
      const row = errors.intervals.get(index) ?? {};
      row[field] = row[field] ? `${row[field]}. ${message}` : message;
      errors.intervals.set(index, row);
    } else if (CUTOFF_PATH.test(path)) {
      errors.cutoff = message;
    } else {
      errors.general.push(message);
    }
  }
  return errors;
}

/**
 * Check the form before sending it, with the domain's rules. An empty time field is reported as missing
 * rather than as an unreadable "".
 */
export function validateOfficeHoursForm(intervals: readonly OfficeInterval[], cutoff: string): OfficeHoursFormErrors {
  const missing: OfficeHoursProblem[] = [];
  intervals.forEach((interval, i) => {
    if (interval.start.trim() === '') missing.push({ path: `intervals.${i}.start`, message: 'Nhập giờ bắt đầu' });
    if (interval.end.trim() === '') missing.push({ path: `intervals.${i}.end`, message: 'Nhập giờ kết thúc' });
  });
  if (missing.length > 0) return officeHoursErrorsFrom(missing);
  const parsed = parseOfficeHours({ intervals: [...intervals], cutoff: cutoff.trim() === '' ? null : cutoff.trim() });
  return officeHoursErrorsFrom(parsed.ok ? [] : parsed.problems);
}

/** "07:00–11:30, 13:30–17:00" */
export function describeIntervals(intervals: readonly OfficeInterval[]): string {
  return intervals.map((i) => `${i.start}–${i.end}`).join(', ');
}
