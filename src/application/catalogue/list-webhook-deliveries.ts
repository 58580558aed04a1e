/** The delivery log of a webhook subscription. */
import type { AppDeps, RequestMeta } from '../context.js';
import { authorize } from '../../domain/access/policy.js';
import { fail, ok, type Result } from '../../domain/errors/error-codes.js';
import type { Delivery } from '../../contract/catalogue.js';

export type DeliveryView = Delivery;

/** A subscription's delivery log, newest first. */
export async function listDeliveries(deps: AppDeps, input: { id: string; limit: number; meta: RequestMeta }): Promise<Result<DeliveryView[]>> {
  const decision = authorize(input.meta.actor, 'catalogue.manage');
  if (!decision.ok) return fail(decision.code);
  const sub = await deps.db.selectFrom('webhook_subscriptions').select('id').where('id', '=', input.id).executeTakeFirst();
  if (!sub) return fail('NOT_FOUND');
  const rows = await deps.db
    .selectFrom('webhook_deliveries as d')
    .innerJoin('catalogue_events as e', 'e.id', 'd.event_id')
    .select(['d.id', 'd.status', 'd.attempts', 'd.next_attempt_at', 'd.last_status_code', 'd.last_error', 'd.delivered_at', 'd.created_at'])
    .select(['e.id as event_id', 'e.kind', 'e.procedure_code', 'e.procedure_name', 'e.decision_number'])
    .where('d.subscription_id', '=', sub.id)
    .orderBy('d.id', 'desc')
    .limit(input.limit)
    .execute();
  return ok(
    rows.map((r) => ({
      id: r.id,
      status: r.status,
      attempts: r.attempts,
      nextAttemptAt: r.status === 'pending' ? r.next_attempt_at.toISOString() : null,
      lastStatusCode: r.last_status_code,
      lastError: r.last_error,
      deliveredAt: r.delivered_at?.toISOString() ?? null,
      createdAt: r.created_at.toISOString(),
      event: { id: r.event_id, kind: r.kind, procedureCode: r.procedure_code, procedureName: r.procedure_name, decisionNumber: r.decision_number },
    })),
  );
}
