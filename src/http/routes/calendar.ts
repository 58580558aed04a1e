/** Public calendar routes (CONTRACT): the days off of a year, and a due date with its explanation. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { DAY_KINDS } from '../../domain/calendar/holidays.js';
import { setYearSchedule } from '../../application/calendar/set-year-schedule.js';
import { parseIcalSchedule } from '../../application/calendar/parse-ical.js';
import { isoDate, text } from '../../application/text-schema.js';
import type { HttpContext } from '../context.js';
import { requestMeta } from '../plugins/auth.js';
import { computeDue, DEFAULT_OFFICE_HOURS, DURATION_UNITS, localMinutesFromUtcMs, utcMsFromLocalMinutes } from '../../domain/calendar/working-time.js';
import { AppError, ErrorResponse, unwrap } from '../app-error.js';

const YEAR_MIN = 1901;
const YEAR_MAX = 2099;

const CalendarDaySchema = z.object({ date: z.string(), name: z.string(), kind: z.enum(DAY_KINDS) }).meta({ id: 'CalendarDay' });

const ExplanationStepSchema = z.object({ kind: z.string(), date: z.string(), text: z.string() });

const YearParams = z.strictObject({ year: z.coerce.number().int().min(YEAR_MIN).max(YEAR_MAX) });

const CalendarDayInput = z.strictObject({
  date: isoDate,
  name: text(200).trim().min(1),
  kind: z.enum(DAY_KINDS),
});

export function calendarRoutes(ctx: HttpContext) {
  const { calendars } = ctx.deps;
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    r.get(
      '/calendar/holidays',
      {
        config: { access: 'public' },
        schema: {
          tags: ['calendar'],
          summary: 'Ngày nghỉ lễ, nghỉ bù và ngày làm bù của một năm',
          querystring: YearParams,
          response: {
            200: z.object({
              year: z.number(),
              source: z.string().describe('"default" (Labour Code rules) or the published schedule stored for the year'),
              days: z.array(CalendarDaySchema),
            }),
            400: ErrorResponse,
          },
        },
      },
      async (request) => {
        const { source, days } = calendars.year(request.query.year);
        return { year: request.query.year, source, days: [...days] };
      },
    );
    r.put(
      '/calendar/years/:year',
      {
        config: { access: { capability: 'calendar.manage' } },
        schema: {
          tags: ['calendar'],
          summary: 'Đăng lịch nghỉ lễ, nghỉ bù, làm bù chính thức của một năm (thay cho quy tắc mặc định)',
          params: YearParams,
          body: z.strictObject({ source: text(300).trim().min(1).describe('Văn bản công bố, ví dụ số thông báo'), days: z.array(CalendarDayInput).max(400) }),
          response: { 200: z.object({ year: z.number(), days: z.number() }), 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse },
        },
      },
      async (request) =>
        unwrap(await setYearSchedule(ctx.deps, { year: request.params.year, source: request.body.source, days: request.body.days, meta: requestMeta(request) })),
    );
    // iCalendar bodies arrive as text/calendar (only in this plugin's scope).
    app.addContentTypeParser('text/calendar', { parseAs: 'string' }, (_request, body, done) => done(null, body));
    r.put(
      '/calendar/years/:year/ical',
      {
        config: { access: { capability: 'calendar.manage' } },
        schema: {
          tags: ['calendar'],
          summary: 'Đăng lịch của một năm từ tệp iCalendar (.ics): mỗi sự kiện cả ngày là các ngày nghỉ; "làm bù" là ngày làm bù',
          consumes: ['text/calendar'],
          params: YearParams,
          querystring: z.strictObject({ source: text(300).trim().min(1) }),
          body: z.string().min(1).describe('RFC 5545 iCalendar'),
          response: { 200: z.object({ year: z.number(), days: z.number() }), 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse },
        },
      },
      async (request) => {
        const days = unwrap(parseIcalSchedule(request.body, request.params.year));
        return unwrap(await setYearSchedule(ctx.deps, { year: request.params.year, source: request.query.source, days, meta: requestMeta(request) }));
      },
    );
    r.delete(
      '/calendar/years/:year',
      {
        config: { access: { capability: 'calendar.manage' } },
        schema: {
          tags: ['calendar'],
          summary: 'Bỏ lịch đã đăng của một năm, trở về quy tắc mặc định của Bộ luật Lao động',
          params: YearParams,
          response: { 200: z.object({ year: z.number(), days: z.number() }), 401: ErrorResponse, 403: ErrorResponse },
        },
      },
      async (request) => unwrap(await setYearSchedule(ctx.deps, { year: request.params.year, source: 'default', days: null, meta: requestMeta(request) })),
    );
    r.get(
      '/calendar/due',
      {
        config: { access: 'public' },
        schema: {
          tags: ['calendar'],
          summary: 'Tính ngày hẹn trả theo ngày làm việc, giờ làm việc, ngày lịch hoặc tháng, kèm giải thích',
          querystring: z.strictObject({
            from: z.iso.datetime({ offset: true }).describe('Thời điểm tiếp nhận, ISO 8601 (ví dụ 2026-11-23T09:00:00+07:00)'),
            amount: z.coerce.number().int().min(0).max(3650),
            unit: z.enum(DURATION_UNITS),
          }),
          response: {
            200: z.object({ dueAt: z.string().describe('ISO 8601 with +07:00'), explanation: z.array(ExplanationStepSchema) }),
            400: ErrorResponse,
          },
        },
      },
      async (request) => {
        const { from, amount, unit } = request.query;
        const fromMs = Date.parse(from);
        const year = new Date(fromMs).getUTCFullYear();
        if (!Number.isFinite(fromMs) || year < YEAR_MIN || year > YEAR_MAX - 12) {
          throw new AppError('VALIDATION_FAILED', [{ path: 'querystring.from', message: `Năm phải trong khoảng ${YEAR_MIN}–${YEAR_MAX - 12}` }]);
        }
        const result = computeDue(calendars.calendar(), DEFAULT_OFFICE_HOURS, localMinutesFromUtcMs(fromMs), amount, unit);
        return { dueAt: vietnamIso(utcMsFromLocalMinutes(result.dueAtLocal)), explanation: result.explanation };
      },
    );
  };
}

/** ISO 8601 in Vietnam time: 2026-11-24T09:00:00+07:00. */
function vietnamIso(utcMs: number): string {
  return new Date(utcMs + 7 * 3_600_000).toISOString().replace(/\.\d{3}Z$/, '+07:00');
}
