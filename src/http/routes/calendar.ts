/** Public calendar routes (CONTRACT): the days off of a year, and a due date with its explanation. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { DAY_KINDS, defaultHolidays } from '../../domain/calendar/holidays.js';
import { WorkingCalendar } from '../../domain/calendar/working-calendar.js';
import { computeDue, DEFAULT_OFFICE_HOURS, DURATION_UNITS, localMinutesFromUtcMs, utcMsFromLocalMinutes } from '../../domain/calendar/working-time.js';
import { AppError, ErrorResponse } from '../app-error.js';

const YEAR_MIN = 1901;
const YEAR_MAX = 2099;

const CalendarDaySchema = z.object({ date: z.string(), name: z.string(), kind: z.enum(DAY_KINDS) }).meta({ id: 'CalendarDay' });

const ExplanationStepSchema = z.object({ kind: z.string(), date: z.string(), text: z.string() });

export function calendarRoutes() {
  // Default rules of the Labour Code until yearly schedules are stored (issue 3).
  const calendar = new WorkingCalendar();
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    r.get(
      '/calendar/holidays',
      {
        config: { access: 'public' },
        schema: {
          tags: ['calendar'],
          summary: 'Ngày nghỉ lễ, nghỉ bù và ngày làm bù của một năm',
          querystring: z.strictObject({ year: z.coerce.number().int().min(YEAR_MIN).max(YEAR_MAX) }),
          response: { 200: z.object({ year: z.number(), days: z.array(CalendarDaySchema) }), 400: ErrorResponse },
        },
      },
      async (request) => ({ year: request.query.year, days: defaultHolidays(request.query.year) }),
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
        const result = computeDue(calendar, DEFAULT_OFFICE_HOURS, localMinutesFromUtcMs(fromMs), amount, unit);
        return { dueAt: vietnamIso(utcMsFromLocalMinutes(result.dueAtLocal)), explanation: result.explanation };
      },
    );
  };
}

/** ISO 8601 in Vietnam time: 2026-11-24T09:00:00+07:00. */
function vietnamIso(utcMs: number): string {
  return new Date(utcMs + 7 * 3_600_000).toISOString().replace(/\.\d{3}Z$/, '+07:00');
}
