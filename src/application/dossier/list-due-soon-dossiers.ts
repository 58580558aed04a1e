/** The "sắp đến hạn" queue of an official: the open steps in their scope due soon or already overdue. */
import type { RequestMeta } from '../context.js';
import { fail, ok } from '../../domain/errors/error-codes.js';
import type { DossierHeader, DossierState } from '../../domain/dossier/fold.js';
import { openStepWarning, type StepWarningKind } from '../../domain/dossier/step-overrun.js';
import { coveredUnits, coversUnit } from '../../domain/access/policy.js';
import { toLocal } from './dossier-store.js';
import type { DueSoonList } from '../../contract/dossier-queue.js';
import { officialOf, queueItem, type DossierReadDeps } from './dossier-listing.js';

/**
 * The "sắp đến hạn" queue: the open steps in the official's scope that are due soon (at most `leadMinutes` of
 * working time left, the same rule as the warning job, domain/dossier/step-overrun.ts) or already overdue,
 * nearest deadline first, with a count per unit holding them.
 */
export async function listDueSoonDossiers(deps: DossierReadDeps, input: { leadMinutes: number; limit: number; unit?: string | undefined; meta: RequestMeta }) {
  const official = officialOf(input.meta);
  if (!official.ok) return official;
  const actor = official.value;
  const tree = deps.units.tree();
  if (input.unit !== undefined && !tree.find(input.unit)) return fail('UNIT_NOT_FOUND');
  // The steps of the units the official covers: a desk, its own local government's (as its queues).
  if (input.unit !== undefined && !coversUnit(actor, input.unit, tree)) return fail('FORBIDDEN_UNIT');
  const inScope = coveredUnits(actor, tree, input.unit);
  const nowDate = deps.clock();
  const now = toLocal(nowDate);
  // A generous calendar bound in SQL (a long holiday fits in it); the working-time rule is applied per row.
  const bound = new Date(nowDate.getTime() + (Math.ceil(input.leadMinutes / 240) + 21) * 86_400_000);
  const rows = await deps.db
    .selectFrom('dossiers')
    .select([
      'id',
      'code',
      'procedure_code',
      'status',
      'current_unit_code',
      'assignee_id',
      'due_at',
      'appointment_at',
      'step_due_at',
      'step_index',
      'submitted_at',
      'channel',
      'header',
      'state',
      'last_seq',
    ])
    .where('current_unit_code', 'in', inScope)
    .where('status', 'in', ['accepted', 'processing'])
    .where('step_due_at', '<', bound)
    .orderBy('step_due_at')
    .execute();
  const counts = new Map<string, { dueSoon: number; overdue: number }>();
  const items: (ReturnType<typeof queueItem> & { warning: StepWarningKind; unitCode: string; unitName: string })[] = [];
  for (const r of rows) {
    const header = r.header as DossierHeader;
    const state = r.state as DossierState;
    const found = openStepWarning(header, state, deps.calendars.rulesFor(header.receivingUnitCode), now, input.leadMinutes);
    if (!found?.kind) continue;
    const unitCode = found.measure.unitCode;
    const count = counts.get(unitCode) ?? { dueSoon: 0, overdue: 0 };
    count[found.kind] += 1;
    counts.set(unitCode, count);
    if (items.length < input.limit)
      items.push({ ...queueItem(deps, r, actor, nowDate.getTime()), warning: found.kind, unitCode, unitName: tree.find(unitCode)?.name ?? unitCode });
  }
  return ok<DueSoonList>({
    leadMinutes: input.leadMinutes,
    counts: [...counts]
      .map(([unitCode, c]) => ({ unitCode, unitName: tree.find(unitCode)?.name ?? unitCode, ...c }))
      .sort((a, b) => b.dueSoon + b.overdue - (a.dueSoon + a.overdue) || a.unitCode.localeCompare(b.unitCode)),
    items,
  });
}
