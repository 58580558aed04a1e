/**
 * Subscribing to catalogue changes by webhook. A subscription (URL, optional unit and field filters) gets one
 * delivery row per matching catalogue event (enqueue-webhook-deliveries.ts); webhook-delivery.ts sends them.
 */
import { randomBytes } from 'node:crypto';
import type { AppDeps, RequestMeta } from '../context.js';
import { appendAudit, auditActor } from '../audit/audit-chain.js';
import { authorize } from '../../domain/access/policy.js';
import { fail, ok, type Result } from '../../domain/errors/error-codes.js';
import type { WebhookCreated } from '../../contract/catalogue.js';
import { auditUrl, urlProblem } from './webhook-url.js';

/** Subscribe a URL to catalogue changes; the secret that signs each delivery is returned this once. */
export async function createWebhook(
  deps: AppDeps,
  input: { url: string; unitCode: string | null; fieldCode: string | null; meta: RequestMeta },
): Promise<Result<WebhookCreated>> {
  const tree = deps.units.tree();
  const decision = authorize(input.meta.actor, 'catalogue.manage', input.unitCode === null ? {} : { unitCode: input.unitCode }, tree);
  if (!decision.ok) return fail(decision.code);
  const problem = urlProblem(input.url);
  if (problem) return fail('VALIDATION_FAILED', [{ path: 'body.url', message: problem }]);
  if (input.fieldCode !== null) {
    const field = await deps.db.selectFrom('procedure_fields').select('code').where('code', '=', input.fieldCode).executeTakeFirst();
    if (!field) return fail('VALIDATION_FAILED', [{ path: 'body.fieldCode', message: `Không có lĩnh vực mã ${input.fieldCode}` }]);
  }
  const secret = randomBytes(32).toString('base64url');
  const now = deps.clock();
  const row = await deps.db.transaction().execute(async (trx) => {
    const created = await trx
      .insertInto('webhook_subscriptions')
      .values({ url: input.url, secret, unit_code: input.unitCode, field_code: input.fieldCode, created_by: input.meta.actor?.userId ?? null, created_at: now })
      .returning(['id', 'created_at'])
      .executeTakeFirstOrThrow();
    await appendAudit(trx, {
      ...auditActor(input.meta),
      action: 'catalogue.webhook_created',
      targetType: 'webhook_subscription',
      targetId: created.id,
      details: { url: auditUrl(input.url), unitCode: input.unitCode, fieldCode: input.fieldCode },
      at: now,
    });
    return created;
  });
  return ok({
    id: row.id,
    url: input.url,
    unitCode: input.unitCode,
    fieldCode: input.fieldCode,
    createdAt: row.created_at.toISOString(),
    deliveries: { pending: 0, delivered: 0, failed: 0 },
    secret,
  });
}
