/**
 * The province's reform plans (src/http/routes/reform-plans.ts, issue 23 item 7): the plans by year, a plan with its
 * completion and overdue tasks (or its workbook), adding and importing tasks, a task, reporting on it, reopening and
 * editing it, an inspection's findings. The shapes are the contract's (src/contract/reform-plan.ts).
 */
import type { z } from 'zod';
import type {
  AddFindingBody,
  AddReformTaskBody,
  EditReformTaskBody,
  ImportReformPlanBody,
  ReformImportResult as ReformImportResultSchema,
  ReformPlanList as ReformPlanListSchema,
  ReformPlanView,
  ReformTaskDetail,
  ReformTaskOutcome,
  ReopenReformTaskBody,
  ReportReformTaskBody,
  UpdateFindingBody,
} from '../../../../contract/reform-plan.js';
import { apiPost, apiRequest } from '../../../shared/api.js';

export type { AddReformTaskBody, EditReformTaskBody, ReformPlanView, ReformTaskDetail, ReformTaskOutcome, ReportReformTaskBody };
export type ReformPlanList = z.infer<typeof ReformPlanListSchema>;
export type ReformImportResult = z.infer<typeof ReformImportResultSchema>;
export type ReformTaskRow = ReformPlanView['tasks'][number];
export type UnitCompletion = ReformPlanView['units'][number];
export type CompletionCounts = ReformPlanView['completion'];
export type ReformFinding = ReformTaskDetail['findings'][number];
export type TaskEvidence = ReformTaskDetail['evidence'];
export type ReformTaskStanding = ReformTaskRow['standing'];
export type RemedyStatus = ReformFinding['remedy'];

export const PLANS_PATH = '/api/v1/reform-plans';
export const planPath = (year: number, query = '') => `${PLANS_PATH}/${year}${query}`;
export const taskPath = (id: string) => `/api/v1/reform-tasks/${encodeURIComponent(id)}`;
export const evidencePath = (id: string) => `${taskPath(id)}/evidence`;

export const addReformTask = (year: number, body: AddReformTaskBody) => apiPost<ReformTaskOutcome>(`${planPath(year)}/tasks`, { body });
export const importReformPlan = (year: number, body: ImportReformPlanBody) => apiPost<ReformImportResult>(`${planPath(year)}/import`, { body });
export const editReformTask = (id: string, body: EditReformTaskBody) => apiRequest<ReformTaskOutcome>('PATCH', taskPath(id), { body });
export const reportReformTask = (id: string, body: ReportReformTaskBody) => apiPost<ReformTaskOutcome>(`${taskPath(id)}/reports`, { body });
export const reopenReformTask = (id: string, body: ReopenReformTaskBody) => apiPost<ReformTaskOutcome>(`${taskPath(id)}/reopen`, { body });
export const addFinding = (id: string, body: AddFindingBody) => apiPost<ReformTaskOutcome>(`${taskPath(id)}/findings`, { body });
export const updateFinding = (id: string, findingId: string, body: UpdateFindingBody) =>
  apiRequest<ReformTaskOutcome>('PATCH', `${taskPath(id)}/findings/${encodeURIComponent(findingId)}`, { body });
