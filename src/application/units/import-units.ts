import type { AppDeps, RequestMeta } from '../context.js';
import { appendAudit, auditActor, canonicalJson } from '../audit/audit-chain.js';
import { toUnitRow } from './unit-directory.js';
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
  if (problems.length > 0)
    return fail(
      'VALIDATION_FAILED',
      problems.map((message) => ({ path: 'units', message })),
    );
  const before = new Map(existing.map((u) => [u.code, canonicalJson(u)]));
  let inserted = 0;
  let updated = 0;
  let unchanged = 0;
  await deps.db.transaction().execute(async (trx) => {
    for (const u of parentsFirst(units)) {
      const previous = before.get(u.code);
      if (previous === canonicalJson(u)) {
        unchanged++;
        continue;
      }
      const row = toUnitRow(u);
      if (previous === undefined) {
        await trx.insertInto('units').values(row).execute();
        inserted++;
      } else {
        await trx.updateTable('units').set(row).where('code', '=', u.code).execute();
        updated++;
      }
    }
    if (inserted + updated > 0) {
      await appendAudit(trx, {
        action: 'units.import',
        ...auditActor(meta),
        details: { inserted, updated },
        at: deps.clock(),
      });
    }
  });
  await deps.units.reload();
  return ok({ inserted, updated, unchanged });
}
