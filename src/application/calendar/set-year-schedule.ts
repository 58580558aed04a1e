import type { AppDeps, RequestMeta } from '../context.js';
import { appendAudit, auditActor } from '../audit/audit-chain.js';
import { authorize } from '../../domain/access/policy.js';
import { fail, ok, type Result } from '../../domain/errors/error-codes.js';
import type { CalendarDay } from '../../domain/calendar/holidays.js';
import { jdnFromIso } from '../../domain/calendar/civil-date.js';
import { NATIONAL_SCOPE, type CalendarDirectory } from './calendar-directory.js';

/**
 * Publish the government's schedule for a year (replacing the defaults), or remove it (`days: null`)
 * to fall back to the Labour Code rules. Dates must lie in that year and appear once.
 */
export async function setYearSchedule(
  deps: AppDeps & { calendars: CalendarDirectory },
  input: { year: number; source: string; days: readonly CalendarDay[] | null; meta: RequestMeta },
): Promise<Result<{ year: number; days: number }>> {
  const decision = authorize(input.meta.actor, 'calendar.manage');
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
  await deps.db.transaction().execute(async (trx) => {
    await trx.deleteFrom('calendar_years').where('scope', '=', NATIONAL_SCOPE).where('year', '=', input.year).execute();
    if (input.days !== null) {
      await trx.insertInto('calendar_years').values({ scope: NATIONAL_SCOPE, year: input.year, source: input.source }).execute();
      if (days.length > 0) {
        await trx
          .insertInto('calendar_days')
          .values(days.map((d) => ({ scope: NATIONAL_SCOPE, year: input.year, date: d.date, name: d.name, kind: d.kind })))
          .execute();
      }
    }
    await appendAudit(trx, {
      ...auditActor(input.meta),
      action: input.days === null ? 'calendar.reset_year' : 'calendar.set_year',
      targetType: 'calendar_year',
      targetId: String(input.year),
      details: { days: days.length, source: input.source },
      at: deps.clock(),
    });
  });
  await deps.calendars.reload();
  return ok({ year: input.year, days: days.length });
}

function isIsoDate(value: string): boolean {
  try {
    jdnFromIso(value);
    return true;
  } catch {
    return false;
  }
}
