/** The yearly schedule editor's rows, their checks, and the server's error details mapped onto them. */
import type { CalendarDay, DayKind } from '../../../domain/calendar/holidays.js';
import { formatIsoDate } from '../../shared/format.js';
import type { ScheduleChange } from '../../../contract/calendar.js';
import { isIsoDate } from './time-of-day.js';

export interface ScheduleRow {
  /** Stable React key; not sent. */
  key: string;
  date: string;
  name: string;
  kind: DayKind;
}

export type RowField = 'date' | 'name' | 'kind';
export type RowErrors = Partial<Record<RowField, string>>;

export interface ScheduleErrors {
  /** Per row index, as sent. */
  rows: Map<number, RowErrors>;
  /** Messages that belong to no row (the source, the whole list). */
  general: string[];
  source?: string;
}

let nextKey = 0;
export function newRowKey(): string {
  nextKey += 1;
  return `row-${nextKey}`;
}

export function rowsFromDays(days: readonly CalendarDay[]): ScheduleRow[] {
  return days.map((d) => ({ key: newRowKey(), date: d.date, name: d.name, kind: d.kind }));
}

export function daysFromRows(rows: readonly ScheduleRow[]): CalendarDay[] {
  return rows.map((r) => ({ date: r.date, name: r.name.trim(), kind: r.kind }));
}

export function hasScheduleErrors(errors: ScheduleErrors): boolean {
  return errors.rows.size > 0 || errors.general.length > 0 || errors.source !== undefined;
}

/** What can be told before asking the server: every row has a date and a name, and the source is given. */
export function validateSchedule(rows: readonly ScheduleRow[], source: string): ScheduleErrors {
  const errors: ScheduleErrors = { rows: new Map(), general: [] };
  if (source.trim() === '') errors.source = 'Nhập tên văn bản công bố lịch nghỉ (ví dụ số thông báo).';
  rows.forEach((row, i) => {
    const rowErrors: RowErrors = {};
    if (row.date.trim() === '') rowErrors.date = 'Chọn ngày.';
    else if (!isIsoDate(row.date)) rowErrors.date = 'Ngày không hợp lệ.';
    if (row.name.trim() === '') rowErrors.name = 'Nhập tên ngày nghỉ hoặc ngày làm bù.';
    if (Object.keys(rowErrors).length > 0) errors.rows.set(i, rowErrors);
  });
  return errors;
}

const ROW_PATH = /(?:^|\.)days\.(\d+)(?:\.(date|name|kind))?$/;
const SOURCE_PATH = /(?:^|\.)source$/;

/**
 * The `details` of a VALIDATION_FAILED answer (`[{ path, message }]`, paths like "days.3.date" or
 * "body.days.3.name") as messages per row and field; anything else is kept as a general message.
 */
export function scheduleErrorsFromDetails(details: unknown, fallback: string): ScheduleErrors {
  const errors: ScheduleErrors = { rows: new Map(), general: [] };
  const issues = Array.isArray(details) ? details : [];
  for (const issue of issues) {
    if (typeof issue !== 'object' || issue === null) continue;
    const { path, message } = issue as { path?: unknown; message?: unknown };
    if (typeof message !== 'string') continue;
    const where = typeof path === 'string' ? path : '';
    const row = ROW_PATH.exec(where);
    if (row) {
      const index = Number(row[1]);
      const field = (row[2] ?? 'date') as RowField;
      const current = errors.rows.get(index) ?? {};
      current[field] = current[field] ? `${current[field]} ${message}` : message;
      errors.rows.set(index, current);
    } else if (SOURCE_PATH.test(where)) {
      errors.source = message;
    } else {
      errors.general.push(message);
    }
  }
  if (errors.rows.size === 0 && errors.general.length === 0 && errors.source === undefined) errors.general.push(fallback);
  return errors;
}

/** `head` and the dates whose working status changed: "… Ngày đổi trạng thái: 01/01/2031 (thành ngày nghỉ). …" */
export function describeScheduleChange(head: string, saved: Pick<ScheduleChange, 'changedDates'>): string {
  if (saved.changedDates.length === 0) return `${head} Không ngày nào đổi trạng thái làm việc.`;
  const dates = saved.changedDates.map((c) => `${formatIsoDate(c.date)} (thành ${c.working ? 'ngày làm việc' : 'ngày nghỉ'})`).join(', ');
  return `${head} Ngày đổi trạng thái: ${dates}. Hồ sơ đang giải quyết có thời hạn tính qua các ngày này cần được rà soát.`;
}
