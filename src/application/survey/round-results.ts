/**
 * A round's results per unit and element (issue 23 §6), for the readers of the scorecard, within their subtree: its
 * invitations and answers, against N per unit as counted when the round opened. A round that does not concern the
 * reader is not found.
 */
import { sql, type SqlBool } from 'kysely';
import type { RequestMeta } from '../context.js';
import { fail, ok, type Result } from '../../domain/errors/error-codes.js';
import type { SurveyResults } from '../../contract/survey.js';
import { jsonOf, reachOf, readerScope, roundConcerns, type SurveyDeps } from './survey-store.js';
import { assemble, groupOf, tally } from './survey-tally.js';

/** A round's results per unit of the reader's subtree. */
export async function roundResults(deps: SurveyDeps, input: { id: string; meta: RequestMeta }): Promise<Result<SurveyResults>> {
  const tree = deps.units.tree();
  const reader = readerScope(input.meta, tree);
  if (!reader.ok) return reader;
  const { root } = reader.value;
  const round = await deps.db.selectFrom('survey_rounds').selectAll().where('id', '=', input.id).executeTakeFirst();
  if (!round || !roundConcerns(reachOf(round), root, tree)) return fail('SURVEY_ROUND_NOT_FOUND');
  const within = (u: string) => tree.isWithin(u, root);
  const groups = await tally(deps.db, sql<SqlBool>`i.round_id = ${round.id}`, within);
  for (const [unitCode, n] of Object.entries(jsonOf<Record<string, number>>(round.populations))) if (within(unitCode)) groupOf(groups, unitCode).population = n;
  return ok(assemble({ kind: 'round', title: round.name, from: round.period_from, to: round.period_to }, groups, tree));
}
