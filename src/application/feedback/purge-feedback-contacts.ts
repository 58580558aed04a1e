/**
 * The retention of reporters' contact data (issue 22 §8, Decree 13/2023): after FEEDBACK_CONTACT_RETENTION_DAYS the
 * sealed name, e-mail, phone and address of an item's reporter are erased; the item, its answer and the name the
 * reporter agreed to publish stay. Each run is audited with the number erased, never with the data.
 */
import type { AppDeps } from '../context.js';
import { appendAudit } from '../audit/audit-chain.js';

export async function purgeFeedbackContacts(deps: AppDeps, input: { retentionDays: number }): Promise<{ erased: number }> {
  const now = deps.clock();
  const before = new Date(now.getTime() - input.retentionDays * 86_400_000);
  return deps.db.transaction().execute(async (trx) => {
    const erased = await trx
      .updateTable('feedback_items')
      .set({ reporter_sealed: null, contact_purged_at: now })
      .where('reporter_sealed', 'is not', null)
      .where('created_at', '<', before)
      .returning('id')
      .execute();
    if (erased.length > 0)
      await appendAudit(trx, {
        actorId: null,
        actorRole: null,
        actorUnit: null,
        ip: null,
        requestId: 'feedback-retention',
        action: 'feedback.contactsErased',
        targetType: 'feedback',
        targetId: null,
        details: { erased: erased.length, retentionDays: input.retentionDays },
        at: now,
      });
    return { erased: erased.length };
  });
}
