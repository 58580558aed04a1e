import { useApiQuery, type ApiQuery } from '../../../shared/hooks/useApiQuery.js';
import { decisionPath, DECISIONS_PATH, type DecisionDetail, type DecisionListResponse } from '../api/publication-api.js';

/** Every publication decision, drafts included, newest issue date first. */
export function useDecisions(): ApiQuery<DecisionListResponse> {
  return useApiQuery<DecisionListResponse>(DECISIONS_PATH);
}

/** One decision with its items and what still blocks it; nothing while `id` is null. */
export function useDecision(id: string | null): ApiQuery<DecisionDetail> {
  return useApiQuery<DecisionDetail>(id === null ? null : decisionPath(id));
}
