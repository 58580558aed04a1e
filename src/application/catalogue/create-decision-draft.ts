/** Drafting a publication decision (quyết định công bố): checked and published later (publish-decision.ts). */
import type { RequestMeta } from '../context.js';
import { authorize } from '../../domain/access/policy.js';
import { fail, type Result } from '../../domain/errors/error-codes.js';
import type { DecisionCreated } from '../../contract/publication.js';
import type { CatalogueDeps, DecisionInput } from './decision-rows.js';
import { saveDraftDecision } from './save-draft-decision.js';

/** Create a draft decision; the response lists what would still block its publication. */
export async function createDecision(deps: CatalogueDeps, input: DecisionInput & { meta: RequestMeta }): Promise<Result<DecisionCreated>> {
  const decision = authorize(input.meta.actor, 'catalogue.manage', { unitCode: input.unitCode }, deps.units.tree());
  if (!decision.ok) return fail(decision.code);
  return saveDraftDecision(deps, input);
}
