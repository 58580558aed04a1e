/** The webhook subscriptions to catalogue changes, as their managers see them. */
import type { WebhookDeliveryStatus } from '../../infrastructure/db/schema.js';
import type { AppDeps, RequestMeta } from '../context.js';
import { authorize } from '../../domain/access/policy.js';
import { fail, ok, type Result } from '../../domain/errors/error-codes.js';
import type { Webhook } from '../../contract/catalogue.js';

/** A subscription as the API lists it (without its secret). */
export type WebhookView = Webhook;

/** The active subscriptions with their delivery counts; never their secrets. */
export async function listWebhooks(deps: AppDeps, input: { meta: RequestMeta }): Promise<Result<WebhookView[]>> {
  const decision = authorize(input.meta.actor, 'catalogue.manage');
  if (!decision.ok) return fail(decision.code);
  const [rows, counts] = await Promise.all([
    deps.db
      .selectFrom('webhook_subscriptions')
      .select(['id', 'url', 'unit_code', 'field_code', 'created_at'])
      .where('active', '=', true)
      .orderBy('created_at')
      .orderBy('id')
      .execute(),
    deps.db
      .selectFrom('webhook_deliveries as d')
      .innerJoin('webhook_subscriptions as s', 's.id', 'd.subscription_id')
      .select(['d.subscription_id', 'd.status', (eb) => eb.fn.countAll<string>().as('n')])
      .where('s.active', '=', true)
      .groupBy(['d.subscription_id', 'd.status'])
      .execute(),
  ]);
  const tally = new Map<string, Record<WebhookDeliveryStatus, number>>();
  for (const c of counts) {
    const t = tally.get(c.subscription_id) ?? { pending: 0, delivered: 0, failed: 0 };
    t[c.status] = Number(c.n);
    tally.set(c.subscription_id, t);
  }
  return ok(
    rows.map((r) => ({
      id: r.id,
      url: r.url,
      unitCode: r.unit_code,
      fieldCode: r.field_code,
      createdAt: r.created_at.toISOString(),
      deliveries: tally.get(r.id) ?? { pending: 0, delivered: 0, failed: 0 },
    })),
  );
}
