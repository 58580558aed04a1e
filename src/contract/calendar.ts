/**
 * What crosses the wire for the working calendar: the special days of a year (national or a province's),
 * the due-date calculation, a unit's office hours and its rule on a second supplement request, and the review
 * of open dossiers after a late schedule change.
 */
import { z } from 'zod';
import { DAY_KINDS } from '../domain/calendar/holidays.js';
import { DURATION_UNITS } from '../domain/calendar/working-time.js';
import { isoDate, text } from './text.js';

/** Lowest and highest years the server keeps a calendar for. */
export const YEAR_MIN = 1901;
export const YEAR_MAX = 2099;

export const CalendarDay = z.object({ date: z.string(), name: z.string(), kind: z.enum(DAY_KINDS) }).meta({ id: 'CalendarDay' });
export type CalendarDay = z.infer<typeof CalendarDay>;

const UnitCode = text(40).trim().min(1);

export const YearParams = z.strictObject({ year: z.coerce.number<number>().int().min(YEAR_MIN).max(YEAR_MAX) });
export type YearParams = z.input<typeof YearParams>;

/** PUT and DELETE /calendar/years/{year}: the province, when its schedule differs from the national one. */
export const ProvinceQuery = z.strictObject({ province: UnitCode.optional().describe('Mã tỉnh khi lịch của tỉnh khác lịch chung') });
export type ProvinceQuery = z.input<typeof ProvinceQuery>;

/** PUT /calendar/years/{year}/ical */
export const IcalQuery = ProvinceQuery.extend({ source: text(300).trim().min(1) });
export type IcalQuery = z.input<typeof IcalQuery>;

/** Its body, as text/calendar. */
export const IcalBody = z.string().min(1).describe('RFC 5545 iCalendar');

/** GET /calendar/holidays */
export const HolidaysQuery = YearParams.extend({ unitCode: UnitCode.optional().describe('Lịch áp dụng tại đơn vị này (lịch riêng của tỉnh nếu có)') });
export type HolidaysQuery = z.input<typeof HolidaysQuery>;

export const Holidays = z.object({
  year: z.number(),
  source: z.string().describe('"default" (Labour Code rules) or the published schedule stored for the year'),
  scope: z.string().describe('"national" or the province code whose own schedule is in force'),
  ownDays: z.array(CalendarDay).nullable().describe("The province's own days as stored (laid over the national ones in `days`); null for the national scope"),
  days: z.array(CalendarDay),
});
export type Holidays = z.infer<typeof Holidays>;

const CalendarDayInput = z.strictObject({
  date: isoDate,
  name: text(200).trim().min(1),
  kind: z.enum(DAY_KINDS),
});

/** PUT /calendar/years/{year} */
export const YearScheduleBody = z.strictObject({
  source: text(300).trim().min(1).describe('Văn bản công bố, ví dụ số thông báo'),
  days: z.array(CalendarDayInput).max(400),
});
export type YearScheduleBody = z.input<typeof YearScheduleBody>;

/** The answer to publishing or withdrawing a schedule. */
export const ScheduleChange = z.object({
  year: z.number(),
  scope: z.string(),
  days: z.number(),
  changedDates: z
    .array(z.object({ date: z.string(), working: z.boolean() }))
    .describe('Các ngày đổi trạng thái làm việc/nghỉ; hồ sơ đang giải quyết tính qua các ngày này cần rà soát'),
});
export type ScheduleChange = z.infer<typeof ScheduleChange>;

export const UnitParams = z.strictObject({ code: UnitCode });
export type UnitParams = z.input<typeof UnitParams>;

/** PUT /units/{code}/office-hours: intervals and cut-off as "HH:mm". */
export const OfficeHoursBody = z.strictObject({
  intervals: z.array(z.strictObject({ start: text(5), end: text(5) })).max(6),
  cutoff: text(5).nullable(),
});
export type OfficeHoursBody = z.input<typeof OfficeHoursBody>;

/** GET /units/{code}/office-hours */
export const OfficeHours = z.object({
  unitCode: z.string(),
  intervals: z.array(z.object({ start: z.string(), end: z.string() })),
  cutoff: z.string().nullable(),
  inheritedFrom: z.string().nullable().describe('Đơn vị có cấu hình đang áp dụng; null: mặc định của hệ thống'),
});
export type OfficeHours = z.infer<typeof OfficeHours>;

/** GET /calendar/due */
export const DueQuery = z.strictObject({
  from: z.iso.datetime({ offset: true }).describe('Thời điểm tiếp nhận, ISO 8601 (ví dụ 2026-11-23T09:00:00+07:00)'),
  amount: z.coerce.number<number>().int().min(0).max(3650),
  unit: z.enum(DURATION_UNITS),
  unitCode: UnitCode.optional().describe('Đơn vị tiếp nhận: dùng giờ làm việc, giờ chốt và lịch của tỉnh áp dụng tại đơn vị'),
});
export type DueQuery = z.input<typeof DueQuery>;

export const DueAnswer = z.object({
  dueAt: z.string().describe('ISO 8601 with +07:00'),
  explanation: z.array(z.object({ kind: z.string(), date: z.string(), text: z.string() })),
  officeHours: OfficeHours.omit({ unitCode: true }).extend({ unitCode: z.string().nullable() }),
});
export type DueAnswer = z.infer<typeof DueAnswer>;

export const SupplementRule = z
  .object({
    unitCode: z.string(),
    allowRepeatedSupplement: z.boolean().describe('Cho phép yêu cầu bổ sung lần thứ hai trong quá trình giải quyết (hồ sơ bị tính là quá hạn)'),
    inheritedFrom: z.string().nullable().describe('Đơn vị có cấu hình đang áp dụng; null: mặc định (không cho phép)'),
  })
  .meta({ id: 'SupplementRule' });
export type SupplementRule = z.infer<typeof SupplementRule>;

/** PUT /units/{code}/supplement-rule */
export const SupplementRuleBody = z.strictObject({ allowRepeatedSupplement: z.boolean() });
export type SupplementRuleBody = z.input<typeof SupplementRuleBody>;

/** GET /calendar/review: open dossiers affected by a late schedule change. */
export const CalendarReview = z.object({
  items: z.array(
    z.object({
      changeId: z.string(),
      scope: z.string(),
      changedAt: z.string(),
      dossierId: z.string(),
      code: z.string(),
      acceptedAt: z.string(),
      dueAt: z.string(),
      dates: z.array(z.string()),
    }),
  ),
  changes: z.array(z.object({ id: z.string(), scope: z.string(), year: z.number(), changedAt: z.string(), dates: z.array(z.string()) })),
});
export type CalendarReview = z.infer<typeof CalendarReview>;

export const ChangeParams = z.strictObject({ id: z.string().regex(/^\d{1,18}$/) });
export type ChangeParams = z.input<typeof ChangeParams>;

export const ChangeReviewed = z.object({ id: z.string() });
export type ChangeReviewed = z.infer<typeof ChangeReviewed>;
