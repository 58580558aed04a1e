/**
 * The plan's keeper reopens a task reported done (issue 23 item 7), saying why (the evidence does not show the output,
 * say): it is in progress again, its evidence kept until the next completion replaces it.
 */
import type { z } from 'zod';
import type { AppDeps, RequestMeta } from '../context.js';
import type { ReformTaskOutcome, ReopenReformTaskBody } from '../../contract/reform-plan.js';
import { fail, ok, type Result } from '../../domain/errors/error-codes.js';
import { applyReport } from '../../domain/reform-plan/reform-task.js';
import { changeTask } from './reform-store.js';

export async function reopenReformTask(
  deps: AppDeps,
  input: { id: string; body: z.output<typeof ReopenReformTaskBody>; meta: RequestMeta },
): Promise<Result<ReformTaskOutcome>> {
  const { expectedVersion, reason } = input.body;
  return changeTask(deps, { id: input.id, expectedVersion, who: 'manage', meta: input.meta }, async (task, today) => {
    const outcome = applyReport(task, { type: 'reopen' }, today);
    if (!outcome.ok) return fail('REFORM_TASK_STATE', { reason: outcome.reason });
    return ok({
      set: { status: outcome.status, completed_on: null },
      event: { type: 'reopened', note: reason },
      audit: { action: 'reform.task_reopened', details: { unit: task.unit_code, wasCompletedOn: task.completed_on } },
    });
  });
}
