/** Unsubscribing a webhook from catalogue changes. */
import type { AppDeps, RequestMeta } from '../context.js';
import { appendAudit, auditActor } from '../audit/audit-chain.js';
import { authorize } from '../../domain/access/policy.js';
import { fail, ok, type Result } from '../../domain/errors/error-codes.js';
import { auditUrl } from './webhook-url.js';

/** Unsubscribe: the subscription stays (with its log) but inactive; its pending deliveries are abandoned. */
export async function deleteWebhook(deps: AppDeps, input: { id: string; meta: RequestMeta }): Promise<Result<{ id: string }>> {
  const decision = authorize(input.meta.actor, 'catalogue.manage');
  if (!decision.ok) return fail(decision.code);
  const now = deps.clock();
  const done = await deps.db.transaction().execute(async (trx) => {
    const row = await trx
      .updateTable('webhook_subscriptions')
      .set({ active: false })
      .where('id', '=', input.id)
      .where('active', '=', true)
      .returning(['id', 'url'])
      .executeTakeFirst();
    if (!row) return null;
    const abandoned = await trx
      .updateTable('webhook_deliveries')
      .set({ status: 'failed', last_error: 'Đã hủy đăng ký nhận thông báo' })
      .where('subscription_id', '=', row.id)
      .where('status', '=', 'pending')
      .executeTakeFirst();
    await appendAudit(trx, {
      ...auditActor(input.meta),
      action: 'catalogue.webhook_deleted',
      targetType: 'webhook_subscription',
      targetId: row.id,
      details: { url: auditUrl(row.url), abandonedDeliveries: Number(abandoned.numUpdatedRows) },
      at: now,
    });
    return row.id;
  });
  return done === null ? fail('NOT_FOUND') : ok({ id: done });
}
