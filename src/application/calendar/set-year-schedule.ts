import type { AppDeps, RequestMeta } from '../context.js';
import { appendAudit, auditActor } from '../audit/audit-chain.js';
import { authorize } from '../../domain/access/policy.js';
import { fail, ok, type Result } from '../../domain/errors/error-codes.js';
import { defaultHolidays, overlayDays, type CalendarDay } from '../../domain/calendar/holidays.js';
import { jdnFromIso } from '../../domain/calendar/civil-date.js';
import { workingDayChanges } from '../../domain/calendar/working-calendar.js';
import { NATIONAL_SCOPE, type CalendarDirectory } from './calendar-directory.js';
import type { ScheduleChange } from '../../contract/calendar.js';

/** Dates whose working status changed are in `changedDates`; open dossiers counted across them are listed for review. */
export type { ScheduleChange };

/**
 * Publish the government's schedule for a year (replacing the defaults), or a province's own days where
 * they differ (each replaces the national entry for its date; a make-up working day cancels a day off);
 * or remove it (`days: null`) to fall back to the national schedule or the Labour Code
 * rules. Dates must lie in that year and appear once. The dates whose working status changes are recorded.
 */
export async function setYearSchedule(
  deps: AppDeps & { calendars: CalendarDirectory },
  input: { year: number; province?: string | undefined; source: string; days: readonly CalendarDay[] | null; meta: RequestMeta },
): Promise<Result<ScheduleChange>> {
  const scope = input.province ?? NATIONAL_SCOPE;
  if (input.province !== undefined) {
    const unit = deps.units.tree().find(input.province);
    if (!unit) return fail('UNIT_NOT_FOUND');
    if (unit.level !== 'province') return fail('VALIDATION_FAILED', [{ path: 'querystring.province', message: `${unit.name} không phải là tỉnh, thành phố` }]);
  }
  const decision = authorize(input.meta.actor, 'calendar.manage', input.province === undefined ? {} : { unitCode: input.province }, deps.units.tree());
  if (!decision.ok) return fail(decision.code);
  const days = input.days ?? [];
  const problems = days.flatMap((d, i) => {
    if (!isIsoDate(d.date)) return [{ path: `days.${i}.date`, message: `Ngày ${d.date} không tồn tại` }];
    return d.date.startsWith(`${input.year}-`) ? [] : [{ path: `days.${i}.date`, message: `Ngày ${d.date} không thuộc năm ${input.year}` }];
  });
  const seen = new Set<string>();
  days.forEach((d, i) => {
    if (seen.has(d.date)) problems.push({ path: `days.${i}.date`, message: `Ngày ${d.date} bị lặp` });
    seen.add(d.date);
  });
  if (problems.length > 0) return fail('VALIDATION_FAILED', problems);

  const before = deps.calendars.year(input.year, scope).days;
  // Removing a province's schedule falls back to the national one; removing the national one to the defaults.
  const national = deps.calendars.year(input.year).days;
  const after = scope === NATIONAL_SCOPE ? (input.days ?? defaultHolidays(input.year)) : input.days === null ? national : overlayDays(national, input.days);
  const changedDates = workingDayChanges(input.year, before, after);

  await deps.db.transaction().execute(async (trx) => {
    await trx.deleteFrom('calendar_years').where('scope', '=', scope).where('year', '=', input.year).execute();
    if (input.days !== null) {
      await trx.insertInto('calendar_years').values({ scope, year: input.year, source: input.source }).execute();
      if (days.length > 0) {
        await trx
          .insertInto('calendar_days')
          .values(days.map((d) => ({ scope, year: input.year, date: d.date, name: d.name, kind: d.kind })))
          .execute();
      }
    }
    if (changedDates.length > 0) {
      await trx
        .insertInto('calendar_changes')
        .values({ scope, year: input.year, changed_dates: changedDates.map((c) => c.date), actor_id: input.meta.actor?.userId ?? null })
        .execute();
    }
    await appendAudit(trx, {
      ...auditActor(input.meta),
      action: input.days === null ? 'calendar.reset_year' : 'calendar.set_year',
      targetType: 'calendar_year',
      targetId: scope === NATIONAL_SCOPE ? String(input.year) : `${scope}/${input.year}`,
      details: { scope, days: days.length, source: input.source, changedDates: changedDates.map((c) => c.date) },
      at: deps.clock(),
    });
  });
  await deps.calendars.reload();
  return ok({ year: input.year, scope, days: days.length, changedDates });
}

function isIsoDate(value: string): boolean {
  try {
    jdnFromIso(value);
    return true;
  } catch {
    return false;
  }
}
