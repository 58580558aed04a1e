import type { AppDeps, RequestMeta } from '../context.js';
import { appendAudit, auditActor } from '../audit/audit-chain.js';
import { authorize } from '../../domain/access/policy.js';
import { fail, ok, type Result } from '../../domain/errors/error-codes.js';
import { formatOfficeHours, parseOfficeHours, type OfficeHoursText } from '../../domain/calendar/office-hours.js';
import type { CalendarDirectory } from './calendar-directory.js';
import type { OfficeHours } from '../../contract/calendar.js';

/** The hours in force at a unit, and the unit whose setting applies (this one, an ancestor; null for the system default). */
export type UnitOfficeHours = OfficeHours;

/** The office hours in force at a unit. Public: desks publish their hours. */
export function getOfficeHours(deps: AppDeps & { calendars: CalendarDirectory }, unitCode: string): Result<UnitOfficeHours> {
  if (!deps.units.tree().find(unitCode)) return fail('UNIT_NOT_FOUND');
  const rules = deps.calendars.rulesFor(unitCode);
  return ok({ unitCode, ...formatOfficeHours(rules.hours), inheritedFrom: rules.hoursFrom });
}

/**
 * Set a unit's own office hours and cut-off (`hours: null` removes them, so the parent's apply).
 * Due dates already given keep their value; new counting uses the new hours.
 */
export async function setOfficeHours(
  deps: AppDeps & { calendars: CalendarDirectory },
  input: { unitCode: string; hours: OfficeHoursText | null; meta: RequestMeta },
): Promise<Result<UnitOfficeHours>> {
  const tree = deps.units.tree();
  const decision = authorize(input.meta.actor, 'calendar.manage', { unitCode: input.unitCode }, tree);
  if (!decision.ok) return fail(decision.code);
  let parsed = null;
  if (input.hours !== null) {
    const result = parseOfficeHours(input.hours);
    if (!result.ok)
      return fail(
        'VALIDATION_FAILED',
        result.problems.map((p) => ({ path: `body.${p.path}`, message: p.message })),
      );
    parsed = result.hours;
  }
  await deps.db.transaction().execute(async (trx) => {
    if (parsed === null) {
      await trx.deleteFrom('office_hours').where('unit_code', '=', input.unitCode).execute();
    } else {
      const row = { intervals: JSON.stringify(parsed.intervals), cutoff_minute: parsed.cutoffMinute };
      await trx
        .insertInto('office_hours')
        .values({ unit_code: input.unitCode, ...row })
        .onConflict((oc) => oc.column('unit_code').doUpdateSet({ ...row, updated_at: deps.clock() }))
        .execute();
    }
    await appendAudit(trx, {
      ...auditActor(input.meta),
      action: parsed === null ? 'office_hours.reset' : 'office_hours.set',
      targetType: 'unit',
      targetId: input.unitCode,
      details: parsed === null ? {} : { ...formatOfficeHours(parsed) },
      at: deps.clock(),
    });
  });
  await deps.calendars.reload();
  return getOfficeHours(deps, input.unitCode);
}
