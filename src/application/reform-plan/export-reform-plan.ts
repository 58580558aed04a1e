/**
 * A year's plan as an Excel workbook with each task's standing (issue 23 item 7): the tasks the reader sees, in the
 * plan's order, with the completion rate above the table. Its columns read back through the import (the owner unit's
 * code, the deadline dd/MM/yyyy, the kind), so an exported plan is a template for the next one.
 */
import type { AppDeps, RequestMeta } from '../context.js';
import { xlsxFile, type DocumentFile } from '../document-file.js';
import { ok, type Result } from '../../domain/errors/error-codes.js';
import { countCompletion } from '../../domain/reform-plan/completion.js';
import { PLAN_COLUMNS } from '../../domain/reform-plan/plan-rows.js';
import { EVIDENCE_TYPE_LABELS, REFORM_TASK_KIND_LABELS, REMEDY_LABELS } from '../../domain/reform-plan/reform-task.js';
import { readReformPlan } from './read-reform-plan.js';
import { tasksQuery } from './reform-store.js';

const vnDate = (day: string | null) => (day ? `${day.slice(8, 10)}/${day.slice(5, 7)}/${day.slice(0, 4)}` : '');
const percent = (rate: number | null) => (rate === null ? '—' : `${rate.toLocaleString('vi-VN', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}%`);

export async function exportReformPlan(deps: AppDeps, input: { year: number; meta: RequestMeta }): Promise<Result<DocumentFile>> {
  const read = await readReformPlan(deps, { year: input.year, query: {}, meta: input.meta });
  if (!read.ok) return read;
  const plan = read.value;
  const ids = plan.tasks.map((t) => t.id);
  const [evidence, findings] =
    ids.length === 0
      ? [[], []]
      : await Promise.all([
          tasksQuery(deps.db).where('t.id', 'in', ids).execute(),
          deps.db
            .selectFrom('reform_task_findings')
            .select(['task_id', 'position', 'content', 'remedy'])
            .where('task_id', 'in', ids)
            .orderBy('position')
            .execute(),
        ]);
  const evidenceOf = new Map(
    evidence.map((e) => [e.id, e.evidence_url ?? (e.evidence_type ? `${e.evidence_name} (${EVIDENCE_TYPE_LABELS[e.evidence_type]})` : '')]),
  );
  const findingsOf = (id: string) =>
    findings
      .filter((f) => f.task_id === id)
      .map((f) => `${f.position}. ${f.content} (${REMEDY_LABELS[f.remedy]})`)
      .join('\n');
  const c = countCompletion(plan.tasks, plan.today);
  return ok(
    await xlsxFile(
      {
        sheetName: `Kế hoạch ${input.year}`,
        title: [
          plan.title,
          `Tỷ lệ hoàn thành: ${percent(c.rate)} (${c.done.toLocaleString('vi-VN')}/${c.total.toLocaleString('vi-VN')} nhiệm vụ; đúng hạn ${c.doneOnTime}, quá hạn ${c.doneLate}; chưa hoàn thành đã quá hạn ${c.overdue}) — số liệu ngày ${vnDate(plan.today)}`,
        ],
        columns: [
          { header: 'STT', width: 6 },
          { header: PLAN_COLUMNS.content, width: 50 },
          { header: PLAN_COLUMNS.kind, width: 11 },
          { header: PLAN_COLUMNS.unit, width: 16 },
          { header: 'Tên đơn vị chủ trì', width: 28 },
          { header: PLAN_COLUMNS.deadline, width: 14 },
          { header: PLAN_COLUMNS.expectedOutput, width: 30 },
          { header: 'Tình trạng', width: 20 },
          { header: 'Ngày hoàn thành', width: 14 },
          { header: 'Số ngày quá hạn', width: 10 },
          { header: 'Minh chứng', width: 30 },
          { header: 'Kết quả kiểm tra (phát hiện, khắc phục)', width: 40 },
        ],
        rows: plan.tasks.map((t) => [
          t.position,
          t.content,
          REFORM_TASK_KIND_LABELS[t.kind],
          t.unitCode,
          t.unitName,
          vnDate(t.deadline),
          t.expectedOutput,
          t.standingLabel,
          vnDate(t.completedOn),
          t.daysOverdue,
          evidenceOf.get(t.id) ?? '',
          findingsOf(t.id),
        ]),
      },
      `ke-hoach-cai-cach-hanh-chinh-${input.year}.xlsx`,
    ),
  );
}
