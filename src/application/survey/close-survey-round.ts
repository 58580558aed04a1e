/**
 * Closing a survey round: its invitations no longer take answers (the answering page says the round has ended), its
 * figures stay. Administrators and monitors whose subtree holds every unit of the round; audited.
 */
import type { RequestMeta } from '../context.js';
import { appendAudit, auditActor } from '../audit/audit-chain.js';
import { authorize } from '../../domain/access/policy.js';
import { fail, ok, type Result } from '../../domain/errors/error-codes.js';
import type { SurveyRound } from '../../contract/survey.js';
import { mayManage, roundCounts, roundView, type SurveyDeps } from './survey-store.js';

export async function closeSurveyRound(deps: SurveyDeps, input: { id: string; meta: RequestMeta }): Promise<Result<SurveyRound>> {
  const { meta } = input;
  const allowed = authorize(meta.actor, 'survey.manage');
  if (!allowed.ok) return fail(allowed.code);
  const tree = deps.units.tree();
  const now = deps.clock();
  return deps.db.transaction().execute(async (trx): Promise<Result<SurveyRound>> => {
    const row = await trx.selectFrom('survey_rounds').selectAll().where('id', '=', input.id).forUpdate().executeTakeFirst();
    if (!row) return fail('SURVEY_ROUND_NOT_FOUND');
    const inScope = mayManage(meta, row.unit_codes, tree);
    if (!inScope.ok) return inScope;
    if (row.status === 'closed') return fail('SURVEY_ROUND_CLOSED');
    const closed = await trx
      .updateTable('survey_rounds')
      .set({ status: 'closed', closed_at: now, closed_by: meta.actor!.userId })
      .where('id', '=', row.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    const counts = (await roundCounts(trx, [row.id])).get(row.id);
    await appendAudit(trx, {
      ...auditActor(meta),
      action: 'survey.roundClosed',
      targetType: 'survey_round',
      targetId: row.id,
      details: { name: row.name, invited: counts?.invited ?? 0, answered: counts?.answered ?? 0 },
      at: now,
    });
    return ok(roundView(closed, counts, tree));
  });
}
