/**
 * A month's results per unit and element (issue 23 §6), for the readers of the scorecard, within their subtree (or a
 * unit of it): the invitations of dossiers whose result was returned that month, whatever the round, and their
 * answers, against N = the dossiers returned that month by each unit that had invitations.
 */
import { sql, type SqlBool } from 'kysely';
import type { RequestMeta } from '../context.js';
import { ok, type Result } from '../../domain/errors/error-codes.js';
import { vietnamDate, vietnamDayStart } from '../../domain/calendar/vietnam-time.js';
import type { SurveyResults } from '../../contract/survey.js';
import { addMonths } from '../national-catalogue/send-monthly-ratings.js';
import { readerScope, type SurveyDeps } from './survey-store.js';
import { assemble, groupOf, tally } from './survey-tally.js';

/** "Tháng 11/2026". */
export const monthTitle = (month: string) => `Tháng ${Number(month.slice(5, 7))}/${month.slice(0, 4)}`;

/** A month's results: the dossiers returned that month, per unit of the reader's subtree (or of `unit` within it). */
export async function monthResults(deps: SurveyDeps, input: { month: string; unit?: string | undefined; meta: RequestMeta }): Promise<Result<SurveyResults>> {
  const tree = deps.units.tree();
  const reader = readerScope(input.meta, tree, input.unit);
  if (!reader.ok) return reader;
  const { top } = reader.value;
  const within = (u: string) => tree.isWithin(u, top);
  const start = vietnamDayStart(`${input.month}-01`);
  const end = vietnamDayStart(`${addMonths(input.month, 1)}-01`);
  const groups = await tally(deps.db, sql<SqlBool>`i.returned_at >= ${start} and i.returned_at < ${end}`, within);
  if (groups.size > 0) {
    const returned = await deps.db
      .selectFrom('dossiers')
      .select((eb) => ['unit_code', eb.fn.countAll<string>().as('n')])
      .where('returned_at', '>=', start)
      .where('returned_at', '<', end)
      .where('unit_code', 'in', [...groups.keys()])
      .groupBy('unit_code')
      .execute();
    for (const r of returned) groupOf(groups, r.unit_code).population = Number(r.n);
  }
  const to = vietnamDate(new Date(end.getTime() - 1));
  return ok(assemble({ kind: 'month', title: monthTitle(input.month), from: `${input.month}-01`, to }, groups, tree));
}
