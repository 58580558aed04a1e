import { useApiQuery, type ApiQuery } from '../../../shared/hooks/useApiQuery.js';
import { MY_FEEDBACK_PATH, myItemPath, type MyFeedbackList, type ReporterView } from '../api/feedback-api.js';

/** "Phản ánh, kiến nghị của tôi": asked for once the citizen is known to be signed in. */
export function useMyFeedback(signedIn: boolean): ApiQuery<MyFeedbackList> {
  return useApiQuery<MyFeedbackList>(signedIn ? MY_FEEDBACK_PATH : null);
}

/** One of the citizen's items as its reporter sees it (404 when it is not theirs). */
export function useMyFeedbackItem(code: string, signedIn: boolean): ApiQuery<ReporterView> {
  return useApiQuery<ReporterView>(signedIn && code ? myItemPath(code) : null);
}
