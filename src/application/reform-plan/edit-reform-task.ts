/**
 * The plan's keeper corrects a task (issue 23 item 7): its text, kind, owner unit, deadline or expected output, at the
 * version they saw. A deadline moved later earns new reminders; a task done keeps its day of completion, judged
 * against the new deadline.
 */
import type { z } from 'zod';
import type { AppDeps, RequestMeta } from '../context.js';
import type { EditReformTaskBody, ReformTaskOutcome } from '../../contract/reform-plan.js';
import { fail, ok, type Result } from '../../domain/errors/error-codes.js';
import { changeTask, ownerUnit } from './reform-store.js';

export async function editReformTask(
  deps: AppDeps,
  input: { id: string; body: z.output<typeof EditReformTaskBody>; meta: RequestMeta },
): Promise<Result<ReformTaskOutcome>> {
  const { expectedVersion, reason, ...fields } = input.body;
  return changeTask(deps, { id: input.id, expectedVersion, who: 'manage', meta: input.meta }, async (task, today) => {
    const unit = ownerUnit(deps.units.tree(), task.province_code, fields.unitCode, today);
    if ('problem' in unit) return fail('VALIDATION_FAILED', [{ path: 'body.unitCode', message: `Đơn vị chủ trì: ${unit.problem}` }]);
    const before = { kind: task.kind, content: task.content, unitCode: task.unit_code, deadline: task.deadline, expectedOutput: task.expected_output };
    const after = { ...fields, unitCode: unit.code };
    const changed = (Object.keys(after) as (keyof typeof after)[]).filter((k) => after[k] !== before[k]);
    return ok({
      set: { kind: after.kind, content: after.content, unit_code: after.unitCode, deadline: after.deadline, expected_output: after.expectedOutput },
      event: { type: 'edited', note: reason },
      audit: {
        action: 'reform.task_edited',
        details: {
          changed,
          ...(changed.includes('deadline') ? { deadline: { from: before.deadline, to: after.deadline } } : {}),
          ...(changed.includes('unitCode') ? { unit: { from: before.unitCode, to: after.unitCode } } : {}),
        },
      },
    });
  });
}
