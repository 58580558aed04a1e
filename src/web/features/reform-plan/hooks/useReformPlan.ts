import { useApiQuery, type ApiQuery } from '../../../shared/hooks/useApiQuery.js';
import { PLANS_PATH, planPath, taskPath, type ReformPlanList, type ReformPlanView, type ReformTaskDetail } from '../api/reform-plan-api.js';

/** The province's plans by year (or those of one's unit's tasks). */
export function useReformPlans(): ApiQuery<ReformPlanList> {
  return useApiQuery<ReformPlanList>(PLANS_PATH);
}

/** A year's plan; `query` is the filter's query string ('' or '?standing=…'). */
export function useReformPlan(year: number, query: string): ApiQuery<ReformPlanView> {
  return useApiQuery<ReformPlanView>(planPath(year, query));
}

export function useReformTask(id: string | undefined): ApiQuery<ReformTaskDetail> {
  return useApiQuery<ReformTaskDetail>(id ? taskPath(id) : null);
}
