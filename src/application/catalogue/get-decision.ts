/** One publication decision (quyết định công bố) as its catalogue managers see it. */
import type { RequestMeta } from '../context.js';
import { authorize } from '../../domain/access/policy.js';
import { fail, ok } from '../../domain/errors/error-codes.js';
import { loadItems, type CatalogueDeps } from './decision-rows.js';
import { checkAgainstCatalogue } from './decision-checks.js';

/** A draft's items and what still blocks it; a published decision's items. */
export async function getDecision(deps: CatalogueDeps, input: { id: string; meta: RequestMeta }) {
  const decision = authorize(input.meta.actor, 'catalogue.manage');
  if (!decision.ok) return fail(decision.code);
  const row = await deps.db.selectFrom('publication_decisions').selectAll().where('id', '=', input.id).executeTakeFirst();
  if (!row) return fail('DECISION_NOT_FOUND');
  // The issuing unit's catalogue managers, as for publishing and deleting it.
  const inScope = authorize(input.meta.actor, 'catalogue.manage', { unitCode: row.unit_code }, deps.units.tree());
  if (!inScope.ok) return fail(inScope.code);
  const items = await loadItems(deps.db, row.id);
  const problems = row.status === 'draft' ? await checkAgainstCatalogue(deps.db, items, deps.units.tree()) : [];
  return ok({
    id: row.id,
    number: row.number,
    issuedOn: row.issued_on,
    signer: row.signer,
    unitCode: row.unit_code,
    status: row.status,
    publishedAt: row.published_at?.toISOString() ?? null,
    items,
    problems,
  });
}
