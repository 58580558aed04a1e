import type { AppDeps, RequestMeta } from '../context.js';
import { appendAudit } from '../audit/audit-chain.js';
import { UnitTree, validateUnitTree, type Unit } from '../../domain/units/unit.js';
import { fail, ok, type Result } from '../../domain/errors/error-codes.js';

/** Parents before children, so foreign keys hold while inserting. */
export function parentsFirst(units: readonly Unit[]): Unit[] {
  const tree = new UnitTree(units);
  return [...units].sort((a, b) => tree.ancestry(a.code).length - tree.ancestry(b.code).length || a.code.localeCompare(b.code));
}

/**
 * Loads or updates a province's administrative tree (e.g. for a production start with SEED=none).
 * The incoming units plus those already stored must form a valid tree; the import is idempotent.
 */
export async function importUnits(
  deps: AppDeps,
  { units, meta }: { units: readonly Unit[]; meta: RequestMeta },
): Promise<Result<{ inserted: number; updated: number; unchanged: number }>> {
  const existing = deps.units.tree().all();
  const merged = new Map(existing.map((u) => [u.code, u]));
  for (const u of units) merged.set(u.code, u);
  const problems = validateUnitTree([...merged.values()]);
  if (problems.length > 0) return fail('VALIDATION_FAILED', problems.map((message) => ({ path: 'units', message })));
  const before = new Map(existing.map((u) => [u.code, JSON.stringify(u)]));
  let inserted = 0;
  let updated = 0;
  let unchanged = 0;
  await deps.db.transaction().execute(async (trx) => {
    for (const u of parentsFirst(units)) {
      const previous = before.get(u.code);
      if (previous === JSON.stringify(u)) {
        unchanged++;
        continue;
      }
      const row = {
        name: u.name,
        level: u.level,
        parent_code: u.parentCode,
        valid_from: u.validFrom,
        valid_to: u.validTo,
        replaced_by: u.replacedBy,
      };
      if (previous === undefined) {
        await trx.insertInto('units').values({ code: u.code, ...row }).execute();
        inserted++;
      } else {
        await trx.updateTable('units').set(row).where('code', '=', u.code).execute();
        updated++;
      }
    }
    if (inserted + updated > 0) {
      await appendAudit(trx, {
        action: 'units.import',
        actorId: meta.actor?.userId ?? null,
        actorRole: meta.actor?.role ?? null,
        actorUnit: meta.actor?.unitCode ?? null,
        ip: meta.ip,
        requestId: meta.requestId,
        details: { inserted, updated },
        at: deps.clock(),
      });
    }
  });
  await deps.units.reload();
  return ok({ inserted, updated, unchanged });
}
