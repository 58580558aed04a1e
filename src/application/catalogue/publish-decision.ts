/**
 * Publishing a publication decision (quyết định công bố): its drafted items are checked against the catalogue,
 * then applied (decision-rows.ts applyDecisionItems), in one transaction that also raises the outbox making its
 * procedures public on the national procedure database (national-catalogue/publication-outbox.ts): the portal's
 * acknowledgement, not this moment, is when they are public for indicator 1.2.
 */
import type { RequestMeta } from '../context.js';
import { appendAudit, auditActor } from '../audit/audit-chain.js';
import { authorize } from '../../domain/access/policy.js';
import { fail, ok, type Result } from '../../domain/errors/error-codes.js';
import type { DecisionPublished, Problem } from '../../contract/publication.js';
import { applyDecisionItems, loadItems, type CatalogueDeps } from './decision-rows.js';
import { checkAgainstCatalogue } from './decision-checks.js';
import { awaitPortalPublication } from '../national-catalogue/publication-outbox.js';

class Blocked extends Error {
  constructor(readonly problems: Problem[]) {
    super('blocked');
  }
}

/** Publish a draft: check every item against the catalogue, then create the versions, atomically. */
export async function publishDecision(deps: CatalogueDeps, input: { id: string; meta: RequestMeta }): Promise<Result<DecisionPublished>> {
  const tree = deps.units.tree();
  const row = await deps.db.selectFrom('publication_decisions').select(['id', 'number', 'unit_code', 'status']).where('id', '=', input.id).executeTakeFirst();
  if (!row) return fail('DECISION_NOT_FOUND');
  const decision = authorize(input.meta.actor, 'catalogue.manage', { unitCode: row.unit_code }, tree);
  if (!decision.ok) return fail(decision.code);
  if (row.status !== 'draft') return fail('DECISION_NOT_DRAFT');
  const now = deps.clock();
  try {
    const count = await deps.db.transaction().execute(async (trx) => {
      // Claim the draft first: a concurrent publish of the same decision waits here, then finds it taken.
      const claimed = await trx
        .updateTable('publication_decisions')
        .set({ status: 'published', published_at: now })
        .where('id', '=', row.id)
        .where('status', '=', 'draft')
        .returning('id')
        .executeTakeFirst();
      if (!claimed) throw new Blocked([]);
      const items = await loadItems(trx, row.id);
      if (items.length === 0) throw new Blocked([{ path: 'items', message: 'Quyết định chưa có thủ tục nào' }]);
      const problems = await checkAgainstCatalogue(trx, items, tree);
      if (problems.length > 0) throw new Blocked(problems);
      await applyDecisionItems(trx, { id: row.id, number: row.number }, items, now);
      await awaitPortalPublication(
        trx,
        row.id,
        items.map((i) => i.procedureCode),
      );
      await appendAudit(trx, {
        ...auditActor(input.meta),
        action: 'catalogue.decision_published',
        targetType: 'publication_decision',
        targetId: row.id,
        details: { number: row.number, items: items.map((i) => `${i.kind}:${i.procedureCode}`) },
        at: now,
      });
      return items.length;
    });
    await deps.catalogue.reload();
    return ok({ id: row.id, status: 'published' as const, items: count });
  } catch (error) {
    // An empty Blocked: a concurrent request published the draft first.
    if (error instanceof Blocked) return error.problems.length === 0 ? fail('DECISION_NOT_DRAFT') : fail('PUBLICATION_BLOCKED', error.problems);
    throw error;
  }
}
