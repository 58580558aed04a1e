/**
 * Ratings go out monthly (issue 21; INTEGRATIONS §3.1 `DongBoDanhGia`): after a month ends (Vietnam time), one item
 * per unit and procedure from the dossier ratings given that month (domain/national-sync/rating-summary.ts says how
 * a rating is classified), sent in batches. A month is recorded sent, with the items the portal acknowledged, only
 * when every batch was; otherwise it is tried again after a wait that doubles with each attempt. So a month is sent
 * once; a month that failed halfway is sent whole again, which the portal takes as it is (it keeps one aggregate per
 * month, unit and procedure). Months since the last one sent are caught up (at most a year); a deployment's first run
 * sends the month just ended.
 */
import type { AppDeps } from '../context.js';
import type { NationalPortal } from '../../domain/national-sync/portal-port.js';
import { DEFAULT_RETRY, retryDelayMs, type RetryPolicy } from '../../domain/national-sync/retry.js';
import { monthlyRatingItems, type MonthRating } from '../../domain/national-sync/rating-summary.js';
import { vietnamDate, vietnamDayStart } from '../../domain/calendar/vietnam-time.js';
import { loadPortalMapping } from '../national-sync/portal-mapping.js';

export type RatingsDeps = AppDeps & { portal: NationalPortal };

export interface RatingsRun {
  /** Months tried. */
  months: number;
  sent: number;
  items: number;
  failed: number;
  lastError: string | null;
}

const BATCH = 100;
const CATCH_UP_MONTHS = 12;

/** The month after a yyyy-MM month (n = 1), or n months after (n < 0: before). */
export function addMonths(month: string, n: number): string {
  const index = Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1 + n;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** The ratings given in a month (Vietnam time), with their dossier's procedure. */
async function ratingsOf(deps: AppDeps, month: string): Promise<MonthRating[]> {
  const rows = await deps.db
    .selectFrom('dossier_ratings as r')
    .innerJoin('dossiers as d', 'd.id', 'r.dossier_id')
    .select(['r.unit_code', 'd.procedure_code', 'r.score_access', 'r.score_procedure', 'r.score_official', 'r.score_result', 'r.score_feedback', 'r.comment'])
    .where('r.rated_at', '>=', vietnamDayStart(`${month}-01`))
    .where('r.rated_at', '<', vietnamDayStart(`${addMonths(month, 1)}-01`))
    .orderBy('r.rated_at')
    .execute();
  return rows.map((r) => ({
    unitCode: r.unit_code,
    procedureCode: r.procedure_code,
    scores: { access: r.score_access, procedure: r.score_procedure, official: r.score_official, result: r.score_result, feedback: r.score_feedback },
    comment: r.comment,
  }));
}

export async function sendMonthlyRatings(
  deps: RatingsDeps,
  options: { retry?: Pick<RetryPolicy, 'baseMs' | 'capMs'>; random?: () => number; signal?: AbortSignal } = {},
): Promise<RatingsRun> {
  const run: RatingsRun = { months: 0, sent: 0, items: 0, failed: 0, lastError: null };
  const now = deps.clock();
  const lastEnded = addMonths(vietnamDate(now).slice(0, 7), -1);
  const rows = await deps.db.selectFrom('portal_rating_months').select(['month', 'sent_at', 'attempts', 'next_attempt_at']).execute();
  const byMonth = new Map(rows.map((r) => [r.month, r]));
  const latestSent = rows.reduce<string | null>((a, r) => (r.sent_at && (a === null || r.month > a) ? r.month : a), null);
  const due = new Set(rows.filter((r) => r.sent_at === null && r.month <= lastEnded).map((r) => r.month));
  let first = latestSent ? addMonths(latestSent, 1) : lastEnded;
  if (first < addMonths(lastEnded, 1 - CATCH_UP_MONTHS)) first = addMonths(lastEnded, 1 - CATCH_UP_MONTHS);
  for (let m = first; m <= lastEnded; m = addMonths(m, 1)) if (!byMonth.get(m)?.sent_at) due.add(m);
  const months = [...due].sort().filter((m) => {
    const row = byMonth.get(m);
    return !row || row.next_attempt_at <= now;
  });
  if (months.length === 0) return run;
  const mapping = await loadPortalMapping(deps.db);
  const tree = deps.units.tree();
  const unit = (code: string) => ({ agencyId: mapping.agency(code), name: tree.find(code)?.name ?? code });
  const retry = { ...DEFAULT_RETRY, ...options.retry, parkAfter: Infinity };
  for (const month of months) {
    if (options.signal?.aborted) break;
    run.months += 1;
    const ratings = await ratingsOf(deps, month);
    const items = monthlyRatingItems(month, ratings, unit);
    let failure: { message: string; unavailable: boolean } | null = null;
    for (let i = 0; i < items.length && !failure; i += BATCH) {
      const answer = await deps.portal.pushRatings(items.slice(i, i + BATCH));
      if (answer.kind !== 'ok') failure = { message: answer.message, unavailable: answer.kind === 'unavailable' };
    }
    const at = deps.clock();
    const attempts = (byMonth.get(month)?.attempts ?? 0) + (failure ? 1 : 0);
    const state = failure
      ? { attempts, last_error: failure.message, next_attempt_at: new Date(at.getTime() + retryDelayMs(attempts, retry, (options.random ?? Math.random)())) }
      : { attempts, last_error: null, sent_at: at, ratings: ratings.length, items: JSON.stringify(items) };
    await deps.db
      .insertInto('portal_rating_months')
      .values({ month, ...state })
      .onConflict((oc) => oc.column('month').doUpdateSet(state))
      .execute();
    if (!failure) {
      run.sent += 1;
      run.items += items.length;
      continue;
    }
    run.failed += 1;
    run.lastError = failure.message;
    if (failure.unavailable) break;
  }
  return run;
}
