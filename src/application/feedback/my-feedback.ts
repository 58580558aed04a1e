/**
 * "Phản ánh, kiến nghị của tôi" (issue 22): the items a citizen sent from their account, newest first, with where
 * each stands (the next deadline, or when the answer was published); and one of them as its reporter sees it on the
 * tracking page, without the tracking secret: the account that sent it proves it is theirs. An anonymous item, or
 * one an official entered, belongs to no account and is in no one's list.
 */
import type { RequestMeta } from '../context.js';
import { fail, ok, type Result } from '../../domain/errors/error-codes.js';
import type { MyFeedbackList } from '../../contract/feedback.js';
import { summaryOf } from './feedback-views.js';
import { reporterView } from './reporter-feedback.js';
import type { FeedbackDeps } from './feedback-store.js';

/** A citizen sends a few items a year; a list longer than this is cut (the newest kept). */
const MY_FEEDBACK_LIMIT = 200;

/** GET /api/v1/feedback/mine: the caller's own items (an official, who sends none from the form, gets an empty list). */
export async function listMyFeedback(deps: FeedbackDeps, meta: RequestMeta): Promise<Result<MyFeedbackList>> {
  const actor = meta.actor;
  if (!actor) return fail('AUTH_REQUIRED');
  const rows = await deps.db
    .selectFrom('feedback_items')
    .select(['id', 'code', 'title', 'channel', 'unit_code', 'kind', 'status', 'received_at', 'state', 'published_at'])
    .where('reporter_user_id', '=', actor.userId)
    .orderBy('received_at', 'desc')
    .orderBy('code', 'desc')
    .limit(MY_FEEDBACK_LIMIT)
    .execute();
  return ok({
    items: rows.map((row) => {
      const { id, code, title, unitName, status, statusLabel, receivedAt, next } = summaryOf(deps, row);
      return { id, code, title, unitName, status, statusLabel, receivedAt, next, publishedAt: row.published_at?.toISOString() ?? null };
    }),
  });
}

/** GET /api/v1/feedback/mine/{code}: the tracking view of the caller's own item; anyone else's is not found. */
export async function getMyFeedback(deps: FeedbackDeps, input: { code: string; meta: RequestMeta }) {
  if (!input.meta.actor) return fail('AUTH_REQUIRED');
  return reporterView(deps, { code: input.code, secret: null, meta: input.meta });
}
