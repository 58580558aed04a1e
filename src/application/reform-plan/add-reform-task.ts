/** The plan's keeper adds one task to a year's plan (issue 23 item 7), the plan created with its first task. */
import type { AppDeps, RequestMeta } from '../context.js';
import type { AddReformTaskBody, ReformTaskOutcome } from '../../contract/reform-plan.js';
import type { z } from 'zod';
import { fail, ok, type Result } from '../../domain/errors/error-codes.js';
import { taskKey } from '../../domain/reform-plan/plan-rows.js';
import { standingOf } from '../../domain/reform-plan/reform-task.js';
import { appendAudit, auditActor } from '../audit/audit-chain.js';
import { appendTasks, knownTasks, ownerUnit, reformReader, todayIn } from './reform-store.js';

export async function addReformTask(
  deps: AppDeps,
  input: { year: number; body: z.output<typeof AddReformTaskBody>; meta: RequestMeta },
): Promise<Result<ReformTaskOutcome>> {
  const reader = reformReader(deps, input.meta);
  if (!reader.ok) return reader;
  if (!reader.value.manage) return fail('FORBIDDEN_ROLE');
  const { provinceCode } = reader.value;
  const today = todayIn(deps);
  const { planTitle, ...task } = input.body;
  const unit = ownerUnit(deps.units.tree(), provinceCode, task.unitCode, today);
  if ('problem' in unit) return fail('VALIDATION_FAILED', [{ path: 'body.unitCode', message: `Đơn vị chủ trì: ${unit.problem}` }]);
  const row = { ...task, unitCode: unit.code };
  const plan = await deps.db
    .selectFrom('reform_plans')
    .select('id')
    .where('province_code', '=', provinceCode)
    .where('year', '=', input.year)
    .executeTakeFirst();
  if ((await knownTasks(deps.db, plan?.id ?? null)).has(taskKey(row)))
    return fail('VALIDATION_FAILED', [{ path: 'body.content', message: 'Kế hoạch đã có nhiệm vụ này (cùng nội dung, đơn vị chủ trì và thời hạn).' }]);
  const at = deps.clock();
  const id = await deps.db.transaction().execute(async (trx) => {
    const added = await appendTasks(trx, { provinceCode, year: input.year, title: planTitle, tasks: [row], type: 'created', meta: input.meta, at });
    const taskId = added.ids[0]!;
    await appendAudit(trx, {
      ...auditActor(input.meta),
      action: 'reform.task_added',
      targetType: 'reform_task',
      targetId: taskId,
      details: { year: input.year, unit: row.unitCode, deadline: row.deadline, kind: row.kind },
      at,
    });
    return taskId;
  });
  return ok({ id, version: 1, status: 'notStarted', standing: standingOf({ status: 'notStarted', deadline: row.deadline, completedOn: null }, today) });
}
