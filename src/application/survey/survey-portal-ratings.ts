/**
 * The survey's monthly aggregate in the national portal's DongBoDanhGia shape (INTEGRATIONS §3.1): the answers given in
 * a month (Vietnam time, so that a month's figures are final once it ends, as the dossier ratings' are), one item per
 * unit and procedure, classified exactly as the monthly ratings job classifies dossier ratings
 * (domain/national-sync/rating-summary.ts), with the unit's portal id from the mapping. Shown to the readers of the
 * scorecard for their subtree; sending stays with the monthly ratings job (application/national-catalogue/send-monthly-ratings.ts).
 */
import type { AppDeps, RequestMeta } from '../context.js';
import { ok, type Result } from '../../domain/errors/error-codes.js';
import { monthlyRatingItems, type MonthRating } from '../../domain/national-sync/rating-summary.js';
import type { PortalRatingItem } from '../../domain/national-sync/portal-port.js';
import { vietnamDayStart } from '../../domain/calendar/vietnam-time.js';
import type { SurveyPortalRatings } from '../../contract/survey.js';
import { addMonths } from '../national-catalogue/send-monthly-ratings.js';
import { loadPortalMapping } from '../national-sync/portal-mapping.js';
import { answerFacts, SCORE_COLUMNS } from './survey-tally.js';
import { readerScope } from './survey-store.js';

/** The month's aggregate of the answers of units `within` keeps (all when omitted). */
export async function surveyRatingItems(
  deps: AppDeps,
  month: string,
  within: (unitCode: string) => boolean = () => true,
): Promise<{ answers: number; items: PortalRatingItem[] }> {
  const rows = await deps.db
    .selectFrom('survey_answers as a')
    .select(['a.unit_code', 'a.procedure_code', ...SCORE_COLUMNS, 'a.expectation', 'a.comment'])
    .where('a.answered_at', '>=', vietnamDayStart(`${month}-01`))
    .where('a.answered_at', '<', vietnamDayStart(`${addMonths(month, 1)}-01`))
    .orderBy('a.answered_at')
    .execute();
  const ratings = rows
    .filter((r) => within(r.unit_code))
    .map((r): MonthRating => {
      const { scores } = answerFacts(r);
      return {
        unitCode: r.unit_code,
        procedureCode: r.procedure_code,
        scores: { access: scores.access!, procedure: scores.procedure!, official: scores.official!, result: scores.result!, feedback: scores.feedback },
        comment: r.comment,
      };
    });
  const mapping = await loadPortalMapping(deps.db);
  const tree = deps.units.tree();
  return {
    answers: ratings.length,
    items: monthlyRatingItems(month, ratings, (code) => ({ agencyId: mapping.agency(code), name: tree.find(code)?.name ?? code })),
  };
}

export async function viewSurveyPortalRatings(
  deps: AppDeps,
  input: { month: string; unit?: string | undefined; meta: RequestMeta },
): Promise<Result<SurveyPortalRatings>> {
  const tree = deps.units.tree();
  const reader = readerScope(input.meta, tree, input.unit);
  if (!reader.ok) return reader;
  const { top } = reader.value;
  const { answers, items } = await surveyRatingItems(deps, input.month, (u) => tree.isWithin(u, top));
  return ok({ month: input.month, answers, items });
}
