/**
 * Indicators 5.1–5.3 from the feedback records (issue 22 §6): the items first received in the period by the units of a
 * subtree, judged at the end of the period (or now, for a period not over): handled on time by the 2/5/15/2 rules
 * (5.2), satisfied (5.3: not rated unsatisfied, not overdue, not re-raised), and their classification (5.1). The same
 * judgement lists the items behind each lost point for the drill-down.
 */
import { vietnamDayEnd, vietnamDayStart } from '../../domain/calendar/vietnam-time.js';
import { feedbackSatisfied, judgeFeedback, MILESTONE_LABELS } from '../../domain/feedback/deadlines.js';
import { KIND_LABELS } from '../../domain/feedback/feedback.js';
import { toLocal } from '../dossier/dossier-store.js';
import { deadlinesOf, workingDaysOf, type FeedbackDeps } from './feedback-store.js';

/** What judging needs: the units, the clock, the province's calendars and the deadlines (the scorecard's deps have them). */
type JudgeDeps = Pick<FeedbackDeps, 'db' | 'units' | 'clock' | 'calendars' | 'feedbackDeadlines'>;
import { stateOf } from './feedback-views.js';

import type { FeedbackMeasure } from '../../domain/scorecard/formula.js';

export interface JudgedFeedback {
  id: string;
  code: string;
  title: string;
  unitCode: string;
  receivedAt: string;
  onTime: boolean;
  satisfied: boolean;
  /** Why it lost 5.2 or 5.3, in Vietnamese. */
  reasons: string[];
  kind: string | null;
  kindCode: 'regulation' | 'conduct' | null;
}

/** The items first received in the period (yyyy-MM-dd, Vietnam days) by the units of `unitCode`'s subtree, judged. */
export async function judgeFeedbackItems(deps: JudgeDeps, unitCode: string, period: { from: string; to: string }): Promise<JudgedFeedback[]> {
  const tree = deps.units.tree();
  const scope = tree.subtreeCodes(unitCode);
  const end = vietnamDayEnd(period.to);
  const asOf = toLocal(new Date(Math.min(end.getTime(), deps.clock().getTime())));
  const rows = await deps.db
    .selectFrom('feedback_items')
    .select(['id', 'code', 'title', 'unit_code', 'received_at', 'state', 'likes', 'dislikes', 'kind'])
    .where('unit_code', 'in', scope)
    .where('received_at', '>=', vietnamDayStart(period.from))
    .where('received_at', '<', end)
    .orderBy('received_at')
    .execute();
  return rows.map((r) => {
    const state = stateOf(r);
    const judged = judgeFeedback(state, asOf, workingDaysOf(deps, r.unit_code), deadlinesOf(deps));
    const satisfied = feedbackSatisfied(state, { likes: r.likes, dislikes: r.dislikes }, judged.onTime);
    const reasons = judged.missed.map((m) => MILESTONE_LABELS[m]);
    if (r.dislikes > r.likes) reasons.push(`Trả lời bị đánh giá không hài lòng (${r.dislikes} không hài lòng, ${r.likes} hài lòng)`);
    if (state.reraised) reasons.push('Người phản ánh đã phản ánh lại');
    return {
      id: r.id,
      code: r.code,
      title: r.title,
      unitCode: r.unit_code,
      receivedAt: r.received_at.toISOString(),
      onTime: judged.onTime,
      satisfied,
      reasons,
      kind: r.kind ? KIND_LABELS[r.kind] : null,
      kindCode: r.kind,
    };
  });
}

export async function feedbackCounts(deps: JudgeDeps, unitCode: string, period: { from: string; to: string }): Promise<Record<FeedbackMeasure, number>> {
  const items = await judgeFeedbackItems(deps, unitCode, period);
  return {
    received: items.length,
    handledOnTime: items.filter((i) => i.onTime).length,
    satisfied: items.filter((i) => i.satisfied).length,
    aboutRegulation: items.filter((i) => i.kindCode === 'regulation').length,
    aboutConduct: items.filter((i) => i.kindCode === 'conduct').length,
  };
}
