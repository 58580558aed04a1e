/** How far an inspection's finding has been put right (chưa, đang, đã khắc phục), at the task's version (issue 23 item 7). */
import type { z } from 'zod';
import type { AppDeps, RequestMeta } from '../context.js';
import type { ReformTaskOutcome, UpdateFindingBody } from '../../contract/reform-plan.js';
import { fail, ok, type Result } from '../../domain/errors/error-codes.js';
import { REMEDY_LABELS } from '../../domain/reform-plan/reform-task.js';
import { changeTask } from './reform-store.js';

export async function updateFindingRemedy(
  deps: AppDeps,
  input: { id: string; findingId: string; body: z.output<typeof UpdateFindingBody>; meta: RequestMeta },
): Promise<Result<ReformTaskOutcome>> {
  const { expectedVersion, remedy, note } = input.body;
  return changeTask(deps, { id: input.id, expectedVersion, who: 'either', meta: input.meta }, async (task) => {
    const finding = await deps.db
      .selectFrom('reform_task_findings')
      .select(['id', 'position', 'remedy'])
      .where('id', '=', input.findingId)
      .where('task_id', '=', task.id)
      .executeTakeFirst();
    if (!finding) return fail('REFORM_FINDING_NOT_FOUND');
    return ok({
      set: {},
      event: { type: 'remedy', note: `Phát hiện ${finding.position}: ${REMEDY_LABELS[remedy]}${note ? ` — ${note}` : ''}` },
      audit: { action: 'reform.finding_remedy', details: { finding: finding.id, from: finding.remedy, to: remedy } },
      also: async (trx) => {
        await trx.updateTable('reform_task_findings').set({ remedy, remedy_note: note, updated_at: deps.clock() }).where('id', '=', finding.id).execute();
      },
    });
  });
}
