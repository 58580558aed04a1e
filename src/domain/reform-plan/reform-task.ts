/**
 * A task of the province's yearly administrative-reform plan (kế hoạch cải cách hành chính, issue 23 item 7): its
 * kinds (a task, or an inspection with findings), what is stored of its progress, and how it stands on a day.
 *
 * Stored: not started, in progress, or done on a day (with evidence). Judged on a day, as reform reports count them:
 * done on time (on or before the deadline), done late (after it), overdue (not done, the deadline passed), in
 * progress, not started. A deadline is a calendar day: a task done on its deadline day is on time.
 */
import { jdnFromIso } from '../calendar/civil-date.js';

export const REFORM_TASK_KINDS = ['task', 'inspection'] as const;
export type ReformTaskKind = (typeof REFORM_TASK_KINDS)[number];
export const REFORM_TASK_KIND_LABELS = { task: 'Nhiệm vụ', inspection: 'Kiểm tra' } as const satisfies Record<ReformTaskKind, string>;

/** What is stored. */
export const REFORM_TASK_STATUSES = ['notStarted', 'inProgress', 'done'] as const;
export type ReformTaskStatus = (typeof REFORM_TASK_STATUSES)[number];

/** How a task stands on a day (standingOf). */
export const REFORM_TASK_STANDINGS = ['notStarted', 'inProgress', 'overdue', 'doneOnTime', 'doneLate'] as const;
export type ReformTaskStanding = (typeof REFORM_TASK_STANDINGS)[number];
export const REFORM_TASK_STANDING_LABELS = {
  notStarted: 'Chưa thực hiện',
  inProgress: 'Đang thực hiện',
  overdue: 'Quá hạn, chưa hoàn thành',
  doneOnTime: 'Hoàn thành đúng hạn',
  doneLate: 'Hoàn thành quá hạn',
} as const satisfies Record<ReformTaskStanding, string>;

/** Whether an inspection's finding has been put right (tình hình khắc phục). */
export const REMEDY_STATUSES = ['open', 'remedying', 'remedied'] as const;
export type RemedyStatus = (typeof REMEDY_STATUSES)[number];
export const REMEDY_LABELS = { open: 'Chưa khắc phục', remedying: 'Đang khắc phục', remedied: 'Đã khắc phục' } as const satisfies Record<RemedyStatus, string>;

/** The files evidence of completion may be, judged by their content. */
export const EVIDENCE_TYPES = [
  'application/pdf',
  'image/png',
  'image/jpeg',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
] as const;
export type EvidenceType = (typeof EVIDENCE_TYPES)[number];
export const EVIDENCE_TYPE_LABELS = {
  'application/pdf': 'PDF',
  'image/png': 'PNG',
  'image/jpeg': 'JPEG',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'Word (DOCX)',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'Excel (XLSX)',
} as const satisfies Record<EvidenceType, string>;

/** What a judgement needs of a task: yyyy-MM-dd days. */
export interface TaskProgress {
  status: ReformTaskStatus;
  deadline: string;
  completedOn: string | null;
}

/** How a task stands on `today` (yyyy-MM-dd, Vietnam time). */
export function standingOf(task: TaskProgress, today: string): ReformTaskStanding {
  if (task.status === 'done') return task.completedOn !== null && task.completedOn > task.deadline ? 'doneLate' : 'doneOnTime';
  return today > task.deadline ? 'overdue' : task.status;
}

/** Days past the deadline: of a task not done, until today; of a task done late, until the day it was done; else 0. */
export function daysOverdue(task: TaskProgress, today: string): number {
  const end = task.status === 'done' ? task.completedOn : today;
  return end === null ? 0 : Math.max(0, jdnFromIso(end) - jdnFromIso(task.deadline));
}

/** What the owner unit reports, and the plan's manager's reopening of a task reported done. */
export type ReformTaskReport = { type: 'progress' } | { type: 'complete' } | { type: 'reopen' };

export type ReportOutcome = { ok: true; status: ReformTaskStatus; completedOn: string | null } | { ok: false; reason: string };

/**
 * A report's effect: progress keeps a task open (in progress), completion closes it on `today`, reopening sends a
 * done task back to in progress. A done task takes no progress nor completion; an open one cannot be reopened.
 */
export function applyReport(task: Pick<TaskProgress, 'status'>, report: ReformTaskReport, today: string): ReportOutcome {
  switch (report.type) {
    case 'progress':
      return task.status === 'done'
        ? { ok: false, reason: 'Nhiệm vụ đã hoàn thành: không báo cáo tiến độ được nữa (cơ quan theo dõi kế hoạch có thể mở lại nhiệm vụ).' }
        : { ok: true, status: 'inProgress', completedOn: null };
    case 'complete':
      return task.status === 'done' ? { ok: false, reason: 'Nhiệm vụ đã được báo cáo hoàn thành.' } : { ok: true, status: 'done', completedOn: today };
    case 'reopen':
      return task.status === 'done' ? { ok: true, status: 'inProgress', completedOn: null } : { ok: false, reason: 'Chỉ mở lại được nhiệm vụ đã hoàn thành.' };
  }
}
