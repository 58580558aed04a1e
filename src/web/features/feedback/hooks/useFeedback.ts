import { useDebouncedValue } from '@mantine/hooks';
import { useApiQuery, type ApiQuery } from '../../../shared/hooks/useApiQuery.js';
import {
  CHALLENGE_PATH,
  itemPath,
  publicItemPath,
  publicListPath,
  queuePath,
  type FeedbackChallenge,
  type FeedbackDetail,
  type FeedbackQueue,
  type PublicFeedback,
  type PublicFeedbackList,
  type QueueQuery,
} from '../api/feedback-api.js';
import { listQuery, type PublicListState } from '../feedback-view.js';
import { TITLE_MIN } from '../feedback-form.js';

/** Published answers for the list's search, filters and page. */
export function usePublicFeedbackList(state: PublicListState): ApiQuery<PublicFeedbackList> {
  return useApiQuery<PublicFeedbackList>(publicListPath(listQuery(state)));
}

export function usePublicAnswer(code: string): ApiQuery<PublicFeedback> {
  return useApiQuery<PublicFeedback>(code ? publicItemPath(code) : null);
}

/** How long typing pauses before the similar answers are asked for. */
export const SIMILAR_DEBOUNCE_MS = 500;
export const SIMILAR_LIMIT = 5;

/**
 * Answers already published that resemble the title being typed (after a pause, from 5 characters on), so that a
 * citizen may follow one instead of sending the same question again. Null while the title is too short.
 */
export function useSimilarAnswers(title: string): { query: string | null; result: ApiQuery<PublicFeedbackList> } {
  const [debounced] = useDebouncedValue(title.trim().replace(/\s+/g, ' ').slice(0, 200), SIMILAR_DEBOUNCE_MS);
  const query = debounced.length >= TITLE_MIN ? debounced : null;
  return { query, result: useApiQuery<PublicFeedbackList>(query ? publicListPath({ q: query, limit: SIMILAR_LIMIT, offset: 0 }) : null) };
}

/** The question of the form without an account; `reload` asks for a new one (after a wrong answer). */
export function useChallenge(needed: boolean): ApiQuery<FeedbackChallenge> {
  return useApiQuery<FeedbackChallenge>(needed ? CHALLENGE_PATH : null);
}

export function useFeedbackQueue(query: QueueQuery): ApiQuery<FeedbackQueue> {
  return useApiQuery<FeedbackQueue>(queuePath(query));
}

export function useFeedbackItem(id: string): ApiQuery<FeedbackDetail> {
  return useApiQuery<FeedbackDetail>(id ? itemPath(id) : null);
}
