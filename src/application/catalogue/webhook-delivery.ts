/**
 * Delivery of catalogue webhooks (the subscriptions are made in create-webhook.ts). A worker claims due rows with
 * `for update skip locked` (two instances never send the same row at once), POSTs a signed JSON body through the
 * WebhookSender port and retries with exponential backoff until it succeeds or runs out of attempts. It runs as the
 * `webhooks` background job (src/background-jobs.ts).
 */
import { createHmac } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DB } from '../../infrastructure/db/schema.js';
import { selectEvents, toCatalogueEvent, type CatalogueEvent } from './catalogue-feed.js';

/** Waits after failed attempts 1, 2, …: 1 min, 5 min, 30 min, 2 h, 12 h; the attempt after the last wait is the last. */
export const WEBHOOK_BACKOFF_MS = [60_000, 5 * 60_000, 30 * 60_000, 2 * 3_600_000, 12 * 3_600_000] as const;
export const WEBHOOK_MAX_ATTEMPTS = WEBHOOK_BACKOFF_MS.length + 1;
const TIMEOUT_MS = 10_000;
/** A claimed row is not claimed again before this (a worker that died mid-attempt is retried after it). */
const LEASE_MS = 2 * 60_000;
const BATCH_SIZE = 20;
const MAX_BATCHES_PER_RUN = 10;

export interface WebhookRequest {
  url: string;
  headers: Record<string, string>;
  body: string;
  signal: AbortSignal;
}
/** Sends one request and answers its HTTP status; rejects on a network error, timeout or abort. */
export type WebhookSender = (request: WebhookRequest) => Promise<{ status: number }>;

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
  /** How a request goes out: src/infrastructure/http-clients/webhook-sender.ts in a server, a fake in tests. */
  send: WebhookSender;
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
  const send = options.send;
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
        else if (outcome.kind === 'failed')
          options.log?.warn({ ...facts, statusCode: outcome.status, error: outcome.error, willRetry: result === 'retrying' }, 'webhook delivery failed');
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
