/** Deleting a draft publication decision (quyết định công bố). */
import type { RequestMeta } from '../context.js';
import { appendAudit, auditActor } from '../audit/audit-chain.js';
import { authorize } from '../../domain/access/policy.js';
import { fail, ok, type Result } from '../../domain/errors/error-codes.js';
import type { DecisionDeleted } from '../../contract/publication.js';
import type { CatalogueDeps } from './decision-rows.js';

/** Delete a draft (a published decision is history and stays). */
export async function deleteDraftDecision(deps: CatalogueDeps, input: { id: string; meta: RequestMeta }): Promise<Result<DecisionDeleted>> {
  const row = await deps.db.selectFrom('publication_decisions').select(['id', 'unit_code', 'status', 'number']).where('id', '=', input.id).executeTakeFirst();
  if (!row) return fail('DECISION_NOT_FOUND');
  const decision = authorize(input.meta.actor, 'catalogue.manage', { unitCode: row.unit_code }, deps.units.tree());
  if (!decision.ok) return fail(decision.code);
  if (row.status !== 'draft') return fail('DECISION_NOT_DRAFT');
  await deps.db.transaction().execute(async (trx) => {
    await trx.deleteFrom('publication_decisions').where('id', '=', row.id).where('status', '=', 'draft').execute();
    await appendAudit(trx, {
      ...auditActor(input.meta),
      action: 'catalogue.decision_deleted',
      targetType: 'publication_decision',
      targetId: row.id,
      details: { number: row.number },
      at: deps.clock(),
    });
  });
  return ok({ id: row.id });
}
