/** A task of the plan with its evidence, an inspection's findings and its history (issue 23 item 7). */
import type { AppDeps, RequestMeta } from '../context.js';
import type { ReformTaskDetail } from '../../contract/reform-plan.js';
import { fail, ok, type Result } from '../../domain/errors/error-codes.js';
import { vietnamIso } from '../../domain/calendar/vietnam-time.js';
import { REMEDY_LABELS } from '../../domain/reform-plan/reform-task.js';
import type { ReformTaskEventType } from '../../infrastructure/db/schema-reform.js';
import { loadTask, mayOnUnit, reformReader, seesUnit, taskSummary, todayIn, type TaskRow } from './reform-store.js';

const EVENT_LABELS: Record<ReformTaskEventType, string> = {
  created: 'Thêm vào kế hoạch',
  imported: 'Nhập từ tệp kế hoạch',
  edited: 'Sửa nhiệm vụ',
  progress: 'Báo cáo tiến độ',
  completed: 'Báo cáo hoàn thành',
  reopened: 'Mở lại nhiệm vụ',
  finding: 'Ghi nhận phát hiện qua kiểm tra',
  remedy: 'Cập nhật tình hình khắc phục',
};

/** The task when the actor sees it (the province's keepers, the owner unit's officials), else null. */
export async function visibleTask(deps: AppDeps, id: string, meta: RequestMeta): Promise<Result<TaskRow>> {
  const reader = reformReader(deps, meta);
  if (!reader.ok) return reader;
  const task = await loadTask(deps.db, id);
  if (!task || task.province_code !== reader.value.provinceCode || !seesUnit(reader.value, task.unit_code)) return fail('REFORM_TASK_NOT_FOUND');
  return ok(task);
}

export async function readReformTask(deps: AppDeps, input: { id: string; meta: RequestMeta }): Promise<Result<ReformTaskDetail>> {
  const found = await visibleTask(deps, input.id, input.meta);
  if (!found.ok) return found;
  const task = found.value;
  const [findings, events, reporter] = await Promise.all([
    deps.db
      .selectFrom('reform_task_findings')
      .select(['id', 'position', 'content', 'remedy', 'remedy_note', 'updated_at'])
      .where('task_id', '=', task.id)
      .orderBy('position')
      .execute(),
    deps.db.selectFrom('reform_task_events').select(['type', 'note', 'actor_name', 'at']).where('task_id', '=', task.id).orderBy('id').execute(),
    task.reported_by ? deps.db.selectFrom('users').select('full_name').where('id', '=', task.reported_by).executeTakeFirst() : undefined,
  ]);
  const evidence =
    task.evidence_url !== null
      ? { kind: 'link' as const, url: task.evidence_url }
      : task.evidence_type !== null
        ? { kind: 'file' as const, name: task.evidence_name ?? 'minh-chung', contentType: task.evidence_type, size: task.evidence_size ?? 0 }
        : null;
  return ok({
    ...taskSummary(task, deps.units.tree(), todayIn(deps)),
    year: task.year,
    progressNote: task.progress_note,
    evidence,
    reportedBy: reporter?.full_name ?? null,
    reportedAt: task.reported_at ? vietnamIso(task.reported_at) : null,
    findings: findings.map((f) => ({
      id: f.id,
      position: f.position,
      content: f.content,
      remedy: f.remedy,
      remedyLabel: REMEDY_LABELS[f.remedy],
      remedyNote: f.remedy_note,
      updatedAt: vietnamIso(f.updated_at),
    })),
    events: events.map((e) => ({ type: e.type, label: EVENT_LABELS[e.type], note: e.note, actorName: e.actor_name, at: vietnamIso(e.at) })),
    canReport: mayOnUnit(deps, input.meta, 'reform.report', task.unit_code),
    canManage: mayOnUnit(deps, input.meta, 'reform.manage', task.unit_code),
  });
}
