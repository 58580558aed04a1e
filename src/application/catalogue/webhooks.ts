/**
 * Webhooks for catalogue changes. A subscription (URL, optional unit and field filters) gets one delivery
 * row per matching catalogue event, created in the transaction that publishes the event
 * (enqueueDeliveries), so no change is lost or notified twice; webhook-delivery.ts sends them.
 */
import { randomBytes } from 'node:crypto';
import type { Transaction } from 'kysely';
import type { DB, WebhookDeliveryStatus } from '../../infrastructure/db/schema.js';
import type { AppDeps, RequestMeta } from '../context.js';
import { appendAudit, auditActor } from '../audit/audit-chain.js';
import { authorize } from '../../domain/access/policy.js';
import { fail, ok, type Result } from '../../domain/errors/error-codes.js';
import { UnitTree } from '../../domain/units/unit.js';
import { toUnit } from '../units/unit-directory.js';
import { eventConcernsUnit } from './catalogue-feed.js';
import type { Delivery, Webhook, WebhookCreated } from '../../contract/catalogue.js';

/** A subscription as the API lists it (without its secret). */
export type WebhookView = Webhook;

function urlProblem(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'Địa chỉ không hợp lệ';
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return 'Địa chỉ phải bắt đầu bằng http:// hoặc https://';
  if (parsed.username || parsed.password) return 'Địa chỉ không được chứa tên đăng nhập, mật khẩu';
  return null;
}

/** Where notifications go, for the audit trail: no query string (it may carry a token). */
const auditUrl = (url: string) => {
  const u = new URL(url);
  return `${u.origin}${u.pathname}`;
};

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

/**
 * Create the deliveries of a decision's events for every active subscription they match; called in the
 * transaction that writes the events. Idempotent (one row per subscription and event).
 */
export async function enqueueDeliveries(trx: Transaction<DB>, decisionId: string): Promise<number> {
  const subscriptions = await trx.selectFrom('webhook_subscriptions').select(['id', 'unit_code', 'field_code']).where('active', '=', true).execute();
  if (subscriptions.length === 0) return 0;
  const events = await trx.selectFrom('catalogue_events').select(['id', 'field_code', 'level', 'unit_codes']).where('decision_id', '=', decisionId).execute();
  if (events.length === 0) return 0;
  const tree = subscriptions.some((s) => s.unit_code !== null) ? new UnitTree((await trx.selectFrom('units').selectAll().execute()).map(toUnit)) : null;
  const rows = subscriptions.flatMap((s) =>
    events
      .filter(
        (e) =>
          (s.field_code === null || e.field_code === s.field_code) &&
          (s.unit_code === null || eventConcernsUnit({ unitCodes: e.unit_codes, level: e.level }, s.unit_code, tree!)),
      )
      .map((e) => ({ subscription_id: s.id, event_id: e.id })),
  );
  if (rows.length === 0) return 0;
  const inserted = await trx
    .insertInto('webhook_deliveries')
    .values(rows)
    .onConflict((oc) => oc.columns(['subscription_id', 'event_id']).doNothing())
    .executeTakeFirst();
  return Number(inserted.numInsertedOrUpdatedRows ?? 0);
}
