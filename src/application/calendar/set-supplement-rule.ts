/**
 * A unit's rule on a second supplement request during processing (REFERENCE §2.6: once only). Refused by
 * default; a unit (and the units under it) may allow it, and then the official must acknowledge that the
 * dossier becomes late. Kept with the other per-unit working rules (office hours) and set the same way:
 * by an administrator of the unit's subtree, audited.
 */
import type { AppDeps, RequestMeta } from '../context.js';
import { appendAudit, auditActor } from '../audit/audit-chain.js';
import { authorize } from '../../domain/access/policy.js';
import { fail, ok, type Result } from '../../domain/errors/error-codes.js';
import type { CalendarDirectory } from './calendar-directory.js';
import type { SupplementRule } from '../../contract/calendar.js';

/** The rule in force at a unit, and the unit whose setting applies (this one, an ancestor; null for the default: refused). */
export type UnitSupplementRule = SupplementRule;

type Deps = AppDeps & { calendars: CalendarDirectory };

/** The rule in force at a unit. */
export function getSupplementRule(deps: Deps, unitCode: string): Result<UnitSupplementRule> {
  if (!deps.units.tree().find(unitCode)) return fail('UNIT_NOT_FOUND');
  const rules = deps.calendars.rulesFor(unitCode);
  return ok({ unitCode, allowRepeatedSupplement: rules.allowRepeatedSupplement, inheritedFrom: rules.supplementRuleFrom });
}

/** Set a unit's own rule (`allow: null` removes it, so the parent's or the default applies). */
export async function setSupplementRule(
  deps: Deps,
  input: { unitCode: string; allow: boolean | null; meta: RequestMeta },
): Promise<Result<UnitSupplementRule>> {
  const decision = authorize(input.meta.actor, 'calendar.manage', { unitCode: input.unitCode }, deps.units.tree());
  if (!decision.ok) return fail(decision.code);
  const before = deps.calendars.rulesFor(input.unitCode);
  await deps.db.transaction().execute(async (trx) => {
    if (input.allow === null) {
      await trx.deleteFrom('unit_supplement_rules').where('unit_code', '=', input.unitCode).execute();
    } else {
      await trx
        .insertInto('unit_supplement_rules')
        .values({ unit_code: input.unitCode, allow_repeated_supplement: input.allow })
        .onConflict((oc) => oc.column('unit_code').doUpdateSet({ allow_repeated_supplement: input.allow!, updated_at: deps.clock() }))
        .execute();
    }
    await appendAudit(trx, {
      ...auditActor(input.meta),
      action: input.allow === null ? 'supplement_rule.reset' : 'supplement_rule.set',
      targetType: 'unit',
      targetId: input.unitCode,
      details: { before: before.allowRepeatedSupplement, after: input.allow },
      at: deps.clock(),
    });
  });
  await deps.calendars.reload();
  return getSupplementRule(deps, input.unitCode);
}
