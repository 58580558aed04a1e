/** Public calendar routes (CONTRACT): the days off of a year, and a due date with its explanation. */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { setYearSchedule } from '../../application/calendar/set-year-schedule.js';
import { parseIcalSchedule } from '../../application/calendar/parse-ical.js';
import { getOfficeHours, setOfficeHours } from '../../application/calendar/set-office-hours.js';
import { getSupplementRule, setSupplementRule } from '../../application/calendar/set-supplement-rule.js';
import { formatOfficeHours } from '../../domain/calendar/office-hours.js';
import type { CalendarDay } from '../../domain/calendar/holidays.js';
import type { HttpContext } from '../context.js';
import { requestMeta } from '../plugins/auth.js';
import { computeDue, localMinutesFromUtcMs, utcMsFromLocalMinutes } from '../../domain/calendar/working-time.js';
import { AppError, ErrorResponse, unwrap } from '../app-error.js';
import { vietnamIso } from '../../domain/calendar/vietnam-time.js';
import {
  DueAnswer,
  DueQuery,
  Holidays,
  HolidaysQuery,
  IcalBody,
  IcalQuery,
  OfficeHours,
  OfficeHoursBody,
  ProvinceQuery,
  ScheduleChange,
  SupplementRule,
  SupplementRuleBody,
  UnitParams,
  YEAR_MAX,
  YEAR_MIN,
  YearParams,
  YearScheduleBody,
} from '../../contract/calendar.js';

/** The answers of the routes that publish or withdraw the schedule of a year. */
const SCHEDULE_CHANGE_RESPONSES = { 200: ScheduleChange, 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse };

type ScheduleRequest = FastifyRequest & { params: { year: number }; query: { province?: string | undefined } };

export function calendarRoutes(ctx: HttpContext) {
  const { calendars } = ctx.deps;
  /** Publish the schedule of the request's year (and province) from `source`; source 'default' without days withdraws it. */
  const changeSchedule = async (request: ScheduleRequest, source: string, days: readonly CalendarDay[] | null) =>
    unwrap(await setYearSchedule(ctx.deps, { year: request.params.year, province: request.query.province, source, days, meta: requestMeta(request) }));
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    r.get(
      '/calendar/holidays',
      {
        config: { access: 'public' },
        schema: {
          tags: ['calendar'],
          summary: 'Ngày nghỉ lễ, nghỉ bù và ngày làm bù của một năm',
          querystring: HolidaysQuery,
          response: {
            200: Holidays,
            400: ErrorResponse,
            404: ErrorResponse,
          },
        },
      },
      async (request) => {
        const { year, unitCode } = request.query;
        if (unitCode !== undefined) requireUnit(ctx, unitCode);
        const schedule = calendars.year(year, calendars.scopeOf(unitCode ?? null));
        const ownDays = calendars.ownDays(year, schedule.scope);
        return { year, source: schedule.source, scope: schedule.scope, ownDays: ownDays ? [...ownDays] : null, days: [...schedule.days] };
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
          querystring: ProvinceQuery,
          body: YearScheduleBody,
          response: SCHEDULE_CHANGE_RESPONSES,
        },
      },
      async (request) => changeSchedule(request, request.body.source, request.body.days),
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
          querystring: IcalQuery,
          body: IcalBody,
          response: SCHEDULE_CHANGE_RESPONSES,
        },
      },
      async (request) => {
        const days = unwrap(parseIcalSchedule(request.body, request.params.year));
        return changeSchedule(request, request.query.source, days);
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
          querystring: ProvinceQuery,
          response: SCHEDULE_CHANGE_RESPONSES,
        },
      },
      async (request) => changeSchedule(request, 'default', null),
    );
    r.get(
      '/calendar/due',
      {
        config: { access: 'public' },
        schema: {
          tags: ['calendar'],
          summary: 'Tính ngày hẹn trả theo ngày làm việc, giờ làm việc, ngày lịch hoặc tháng, kèm giải thích',
          querystring: DueQuery,
          response: {
            200: DueAnswer,
            400: ErrorResponse,
            404: ErrorResponse,
          },
        },
      },
      async (request) => {
        const { from, amount, unit, unitCode } = request.query;
        if (unitCode !== undefined) requireUnit(ctx, unitCode);
        const fromMs = Date.parse(from);
        const year = new Date(fromMs).getUTCFullYear();
        if (!Number.isFinite(fromMs) || year < YEAR_MIN || year > YEAR_MAX - 12) {
          throw new AppError('VALIDATION_FAILED', [{ path: 'querystring.from', message: `Năm phải trong khoảng ${YEAR_MIN}–${YEAR_MAX - 12}` }]);
        }
        const rules = calendars.rulesFor(unitCode ?? null);
        const result = computeDue(rules.calendar, rules.hours, localMinutesFromUtcMs(fromMs), amount, unit);
        return {
          dueAt: vietnamIso(utcMsFromLocalMinutes(result.dueAtLocal)),
          explanation: result.explanation,
          officeHours: { unitCode: unitCode ?? null, ...formatOfficeHours(rules.hours), inheritedFrom: rules.hoursFrom },
        };
      },
    );
    r.get(
      '/units/:code/office-hours',
      {
        config: { access: 'public' },
        schema: {
          tags: ['calendar'],
          summary: 'Giờ làm việc và giờ chốt tiếp nhận đang áp dụng tại một đơn vị',
          params: UnitParams,
          response: { 200: OfficeHours, 400: ErrorResponse, 404: ErrorResponse },
        },
      },
      async (request) => unwrap(getOfficeHours(ctx.deps, request.params.code)),
    );
    r.put(
      '/units/:code/office-hours',
      {
        config: { access: { capability: 'calendar.manage' } },
        schema: {
          tags: ['calendar'],
          summary: 'Đặt giờ làm việc và giờ chốt tiếp nhận riêng của một đơn vị (áp dụng cho các đơn vị trực thuộc)',
          params: UnitParams,
          body: OfficeHoursBody,
          response: { 200: OfficeHours, 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse },
        },
      },
      async (request) => unwrap(await setOfficeHours(ctx.deps, { unitCode: request.params.code, hours: request.body, meta: requestMeta(request) })),
    );
    r.delete(
      '/units/:code/office-hours',
      {
        config: { access: { capability: 'calendar.manage' } },
        schema: {
          tags: ['calendar'],
          summary: 'Bỏ giờ làm việc riêng của đơn vị, dùng giờ của đơn vị cấp trên',
          params: UnitParams,
          response: { 200: OfficeHours, 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse },
        },
      },
      async (request) => unwrap(await setOfficeHours(ctx.deps, { unitCode: request.params.code, hours: null, meta: requestMeta(request) })),
    );
    r.get(
      '/units/:code/supplement-rule',
      {
        config: { access: 'authenticated' },
        schema: {
          tags: ['calendar'],
          summary: 'Quy định về yêu cầu bổ sung hồ sơ lần thứ hai đang áp dụng tại một đơn vị',
          params: UnitParams,
          response: { 200: SupplementRule, 400: ErrorResponse, 401: ErrorResponse, 404: ErrorResponse },
        },
      },
      async (request) => unwrap(getSupplementRule(ctx.deps, request.params.code)),
    );
    r.put(
      '/units/:code/supplement-rule',
      {
        config: { access: { capability: 'calendar.manage' } },
        schema: {
          tags: ['calendar'],
          summary: 'Cho phép hoặc không cho phép yêu cầu bổ sung lần thứ hai tại một đơn vị (áp dụng cho các đơn vị trực thuộc)',
          description: 'Theo quy định chỉ yêu cầu bổ sung một lần trong quá trình giải quyết; khi cho phép, cán bộ phải xác nhận hồ sơ sẽ bị tính là quá hạn.',
          params: UnitParams,
          body: SupplementRuleBody,
          response: { 200: SupplementRule, 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse },
        },
      },
      async (request) =>
        unwrap(await setSupplementRule(ctx.deps, { unitCode: request.params.code, allow: request.body.allowRepeatedSupplement, meta: requestMeta(request) })),
    );
    r.delete(
      '/units/:code/supplement-rule',
      {
        config: { access: { capability: 'calendar.manage' } },
        schema: {
          tags: ['calendar'],
          summary: 'Bỏ quy định riêng của đơn vị về bổ sung lần thứ hai, dùng quy định của đơn vị cấp trên',
          params: UnitParams,
          response: { 200: SupplementRule, 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse },
        },
      },
      async (request) => unwrap(await setSupplementRule(ctx.deps, { unitCode: request.params.code, allow: null, meta: requestMeta(request) })),
    );
  };
}

function requireUnit(ctx: HttpContext, code: string): void {
  if (!ctx.deps.units.tree().find(code)) throw new AppError('UNIT_NOT_FOUND');
}
