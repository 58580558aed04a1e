/**
 * A finding of an inspection (issue 23 item 7: inspection plans are tasks of kind "inspection"), recorded by the
 * inspecting unit or the plan's keeper at the task's version; it starts as not yet put right.
 */
import type { z } from 'zod';
import type { AppDeps, RequestMeta } from '../context.js';
import type { AddFindingBody, ReformTaskOutcome } from '../../contract/reform-plan.js';
import { fail, ok, type Result } from '../../domain/errors/error-codes.js';
import { changeTask } from './reform-store.js';

export async function addInspectionFinding(
  deps: AppDeps,
  input: { id: string; body: z.output<typeof AddFindingBody>; meta: RequestMeta },
): Promise<Result<ReformTaskOutcome>> {
  const { expectedVersion, content } = input.body;
  return changeTask(deps, { id: input.id, expectedVersion, who: 'either', meta: input.meta }, async (task) => {
    if (task.kind !== 'inspection') return fail('REFORM_TASK_STATE', { reason: 'Chỉ nhiệm vụ kiểm tra mới ghi nhận phát hiện qua kiểm tra.' });
    return ok({
      set: {},
      event: { type: 'finding', note: content },
      audit: { action: 'reform.finding_added', details: { unit: task.unit_code } },
      also: async (trx) => {
        const last = await trx
          .selectFrom('reform_task_findings')
          .select((eb) => eb.fn.max('position').as('n'))
          .where('task_id', '=', task.id)
          .executeTakeFirst();
        await trx
          .insertInto('reform_task_findings')
          .values({ task_id: task.id, position: Number(last?.n ?? 0) + 1, content, updated_at: deps.clock() })
          .execute();
      },
    });
  });
}
