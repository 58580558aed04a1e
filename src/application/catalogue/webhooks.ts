/**
 * Webhooks for catalogue changes. A subscription (URL, optional unit and field filters) gets one delivery
 * row per matching catalogue event, created in the transaction that publishes the event
 * (enqueueDeliveries), so no change is lost or notified twice. A worker claims due rows with
 * `for update skip locked` (two instances never send the same row at once), POSTs a signed JSON body and
 * retries with exponential backoff until it succeeds or runs out of attempts.
 */
import { createHmac, randomBytes } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { DB, WebhookDeliveryStatus } from '../../infrastructure/db/schema.js';
import type { AppDeps, RequestMeta } from '../context.js';
import { appendAudit, auditActor } from '../audit/audit-chain.js';
import { authorize } from '../../domain/access/policy.js';
import { fail, ok, type Result } from '../../domain/errors/error-codes.js';
import { UnitTree } from '../../domain/units/unit.js';
import { toUnit } from '../units/unit-directory.js';
import { eventConcernsUnit, selectEvents, toCatalogueEvent, type CatalogueEvent } from './catalogue-feed.js';
import { schedulePolling } from '../../infrastructure/polling.js';

/** Waits after failed attempts 1, 2, …: 1 min, 5 min, 30 min, 2 h, 12 h; the attempt after the last wait is the last. */
export const WEBHOOK_BACKOFF_MS = [60_000, 5 * 60_000, 30 * 60_000, 2 * 3_600_000, 12 * 3_600_000] as const;
export const WEBHOOK_MAX_ATTEMPTS = WEBHOOK_BACKOFF_MS.length + 1;
const TIMEOUT_MS = 10_000;
/** A claimed row is not claimed again before this (a worker that died mid-attempt is retried after it). */
const LEASE_MS = 2 * 60_000;
const BATCH_SIZE = 20;
const MAX_BATCHES_PER_RUN = 10;

export interface WebhookView {
  id: string;
  url: string;
  unitCode: string | null;
  fieldCode: string | null;
  createdAt: string;
  deliveries: { pending: number; delivered: number; failed: number };
}

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
): Promise<Result<WebhookView & { secret: string }>> {
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

export interface DeliveryView {
  id: string;
  status: WebhookDeliveryStatus;
  attempts: number;
  nextAttemptAt: string | null;
  lastStatusCode: number | null;
  lastError: string | null;
  deliveredAt: string | null;
  createdAt: string;
  event: { id: string; kind: string; procedureCode: string; procedureName: string; decisionNumber: string };
}

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

// ---------------------------------------------------------------------------------------------------------
// Delivery

export interface WebhookRequest {
  url: string;
  headers: Record<string, string>;
  body: string;
  signal: AbortSignal;
}
/** Sends one request and answers its HTTP status; rejects on a network error, timeout or abort. */
export type WebhookSender = (request: WebhookRequest) => Promise<{ status: number }>;

/** POST with fetch; redirects are not followed (a 3xx is a failure), the response body is discarded. */
export const fetchSender: WebhookSender = async ({ url, headers, body, signal }) => {
  const res = await fetch(url, { method: 'POST', headers, body, signal, redirect: 'manual' });
  await res.body?.cancel().catch(() => undefined);
  return { status: res.status };
};

export interface WorkerLog {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
}

export interface WebhookWorkerOptions {
  db: Kysely<DB>;
  clock: () => Date;
  /** Base of the procedure links in the payload. */
  publicUrl: string;
  log?: WorkerLog | undefined;
  send?: WebhookSender | undefined;
  timeoutMs?: number | undefined;
  /** Aborts the requests in flight (server shutdown): their rows are released for the next run. */
  signal?: AbortSignal | undefined;
}

export interface WebhookRunSummary {
  attempted: number;
  delivered: number;
  retrying: number;
  failed: number;
}

/** The JSON body's event: the change, with a link to the procedure's public page. */
export function eventPayload(e: CatalogueEvent, publicUrl: string) {
  return {
    id: e.id,
    at: e.at.toISOString(),
    kind: e.kind,
    procedureCode: e.procedureCode,
    procedureName: e.procedureName,
    version: e.version,
    replacesCode: e.replacesCode,
    decisionId: e.decisionId,
    decisionNumber: e.decisionNumber,
    effectiveFrom: e.effectiveFrom,
    fieldCode: e.fieldCode,
    level: e.level,
    unitCodes: e.unitCodes,
    url: `${publicUrl}/thu-tuc/${encodeURIComponent(e.procedureCode)}`,
  };
}

export function signWebhookBody(secret: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

function describeFailure(error: unknown, timeoutMs: number): string {
  if (!(error instanceof Error)) return 'Lỗi không xác định';
  if (error.name === 'TimeoutError') return `Quá thời gian chờ ${timeoutMs / 1000} giây`;
  const cause = (error as { cause?: { code?: unknown } }).cause;
  const code = typeof cause?.code === 'string' ? cause.code : undefined;
  return `${error.name}${code ? ` ${code}` : ''}: ${error.message}`.slice(0, 300);
}

type Outcome = { kind: 'delivered'; status: number } | { kind: 'failed'; status: number | null; error: string } | { kind: 'aborted' };

export function createWebhookWorker(options: WebhookWorkerOptions) {
  const { db, clock, publicUrl } = options;
  const send = options.send ?? fetchSender;
  const timeoutMs = options.timeoutMs ?? TIMEOUT_MS;

  /** Claim due rows: count the attempt and lease them, in one statement that skips rows another worker holds. */
  const claim = (now: Date) =>
    db
      .updateTable('webhook_deliveries')
      .set((eb) => ({ attempts: eb('attempts', '+', 1), next_attempt_at: new Date(now.getTime() + LEASE_MS) }))
      .where('id', 'in', (eb) =>
        eb
          .selectFrom('webhook_deliveries as d')
          .select('d.id')
          .where('d.status', '=', 'pending')
          .where('d.next_attempt_at', '<=', now)
          .where('d.subscription_id', 'in', eb.selectFrom('webhook_subscriptions as s').select('s.id').where('s.active', '=', true))
          .orderBy('d.next_attempt_at')
          .orderBy('d.id')
          .limit(BATCH_SIZE)
          .forUpdate()
          .skipLocked(),
      )
      .returning(['id', 'subscription_id', 'event_id', 'attempts'])
      .execute();

  async function attempt(row: { id: string; event_id: string }, sub: { url: string; secret: string }, event: CatalogueEvent): Promise<Outcome> {
    const body = JSON.stringify({ id: row.id, type: 'catalogue.changed', event: eventPayload(event, publicUrl) });
    const headers = {
      'content-type': 'application/json; charset=utf-8',
      'user-agent': 'motcua-webhooks/1',
      'x-motcua-signature': signWebhookBody(sub.secret, body),
      'x-motcua-event-id': row.event_id,
      'x-motcua-timestamp': String(Math.floor(clock().getTime() / 1000)),
    };
    const timeout = AbortSignal.timeout(timeoutMs);
    const signal = options.signal ? AbortSignal.any([timeout, options.signal]) : timeout;
    try {
      const res = await send({ url: sub.url, headers, body, signal });
      if (res.status >= 200 && res.status < 300) return { kind: 'delivered', status: res.status };
      return { kind: 'failed', status: res.status, error: `HTTP ${res.status}` };
    } catch (error) {
      if (options.signal?.aborted) return { kind: 'aborted' };
      return { kind: 'failed', status: null, error: describeFailure(error, timeoutMs) };
    }
  }

  /** Write an attempt's outcome, unless the row was claimed again meanwhile (its lease ran out). */
  async function record(row: { id: string; attempts: number }, outcome: Outcome): Promise<'delivered' | 'retrying' | 'failed'> {
    const now = clock();
    const mine = db.updateTable('webhook_deliveries').where('id', '=', row.id).where('attempts', '=', row.attempts).where('status', '=', 'pending');
    if (outcome.kind === 'aborted') {
      await mine.set((eb) => ({ attempts: eb('attempts', '-', 1), next_attempt_at: now })).execute();
      return 'retrying';
    }
    if (outcome.kind === 'delivered') {
      await mine.set({ status: 'delivered', delivered_at: now, last_status_code: outcome.status, last_error: null }).execute();
      return 'delivered';
    }
    const last = row.attempts >= WEBHOOK_MAX_ATTEMPTS;
    const wait = WEBHOOK_BACKOFF_MS[row.attempts - 1] ?? WEBHOOK_BACKOFF_MS[0];
    await mine
      .set({
        last_status_code: outcome.status,
        last_error: outcome.error,
        ...(last ? { status: 'failed' as const } : { next_attempt_at: new Date(now.getTime() + wait) }),
      })
      .execute();
    return last ? 'failed' : 'retrying';
  }

  async function runBatch(summary: WebhookRunSummary): Promise<number> {
    const claimed = await claim(clock());
    if (claimed.length === 0) return 0;
    const subIds = [...new Set(claimed.map((c) => c.subscription_id))];
    const eventIds = [...new Set(claimed.map((c) => c.event_id))];
    const [subs, events] = await Promise.all([
      db.selectFrom('webhook_subscriptions').select(['id', 'url', 'secret']).where('id', 'in', subIds).execute(),
      selectEvents(db).where('e.id', 'in', eventIds).execute(),
    ]);
    const subById = new Map(subs.map((s) => [s.id, s]));
    const eventById = new Map(events.map((e) => [e.id, toCatalogueEvent(e)]));
    await Promise.all(
      claimed.map(async (row) => {
        const outcome = await attempt(row, subById.get(row.subscription_id)!, eventById.get(row.event_id)!);
        const result = await record(row, outcome);
        summary.attempted += 1;
        summary[result] += 1;
        const facts = { deliveryId: row.id, subscriptionId: row.subscription_id, eventId: row.event_id, attempt: row.attempts };
        if (outcome.kind === 'delivered') options.log?.info({ ...facts, statusCode: outcome.status }, 'webhook delivered');
        else if (outcome.kind === 'failed') options.log?.warn({ ...facts, statusCode: outcome.status, error: outcome.error, willRetry: result === 'retrying' }, 'webhook delivery failed');
      }),
    );
    return claimed.length;
  }

  return {
    /** Send every due delivery (up to a bound per run) and record the outcomes. */
    async runOnce(): Promise<WebhookRunSummary> {
      const summary: WebhookRunSummary = { attempted: 0, delivered: 0, retrying: 0, failed: 0 };
      for (let i = 0; i < MAX_BATCHES_PER_RUN && !options.signal?.aborted; i++) {
        if ((await runBatch(summary)) < BATCH_SIZE) break;
      }
      return summary;
    },
  };
}

export type WebhookWorker = ReturnType<typeof createWebhookWorker>;

/**
 * Run the worker every `intervalSeconds` (0 disables), one run at a time. The returned stop function aborts
 * the requests in flight and waits for the run to finish, so the database can be closed after it.
 */
export function scheduleWebhookDelivery(options: Omit<WebhookWorkerOptions, 'signal'> & { intervalSeconds: number }): () => Promise<void> {
  if (options.intervalSeconds <= 0) return async () => undefined;
  return schedulePolling({
    intervalMs: options.intervalSeconds * 1000,
    worker: (signal) => {
      const worker = createWebhookWorker({ ...options, signal });
      return () => worker.runOnce();
    },
    failureMessage: 'webhook worker run failed',
    log: options.log,
  });
}
