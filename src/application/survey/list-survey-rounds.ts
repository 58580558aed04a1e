/**
 * The survey rounds a reader of the scorecard sees (issue 23 §6): those whose units meet their subtree, newest first,
 * with how many were invited, e-mailed and answered; and whether they may open and close rounds.
 */
import type { RequestMeta } from '../context.js';
import { authorize } from '../../domain/access/policy.js';
import { hasCapability } from '../../domain/access/roles.js';
import { fail, ok, type Result } from '../../domain/errors/error-codes.js';
import type { SurveyRoundList } from '../../contract/survey.js';
import { reachOf, readerRoot, roundConcerns, roundCounts, roundView, type SurveyDeps } from './survey-store.js';

export async function listSurveyRounds(deps: SurveyDeps, input: { meta: RequestMeta }): Promise<Result<SurveyRoundList>> {
  const actor = input.meta.actor;
  const allowed = authorize(actor, 'scorecard.view');
  if (!allowed.ok || !actor) return fail(allowed.ok ? 'AUTH_REQUIRED' : allowed.code);
  const tree = deps.units.tree();
  const root = readerRoot(actor, tree);
  const rows = await deps.db.selectFrom('survey_rounds').selectAll().orderBy('opened_at', 'desc').orderBy('id').execute();
  const seen = root === null ? [] : rows.filter((r) => roundConcerns(reachOf(r), root, tree));
  const counts = await roundCounts(
    deps.db,
    seen.map((r) => r.id),
  );
  return ok({ items: seen.map((r) => roundView(r, counts.get(r.id), tree)), canManage: hasCapability(actor.role, 'survey.manage') });
}
