/**
 * The notification worker: drains notification_outbox. Rows are claimed with `for update skip locked`
 * (two instances never send the same row at once) and leased; a message is marked sent only after the
 * transport took it, so a crash between the two sends it again (at least once, never lost; the Message-ID
 * is stable so that a duplicate can be recognised). A dossier's messages go out in the order they were
 * written, across retries and restarts: a message is claimed only while no earlier pending message of its
 * dossier waits for a retry or is leased by another attempt, and a dossier's messages claimed together stop at
 * the first that was not sent. Failures are retried with backoff; a recipient the server refuses for good, or
 * a message out of attempts, is marked failed and kept (it no longer holds back the dossier's later messages).
 * A backlog drains at the transport's pace: full batches follow each other without waiting for the next poll,
 * several dossiers at once. Logs carry row ids and error codes only: never an address or a body.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import { MailDeliveryError, PUBLIC_URL_TOKEN, type Mailer } from './mailer.js';

/** Waits after failed attempts 1, 2, …: 1 min, 5 min, 30 min, 2 h, 6 h, 12 h, 24 h; the attempt after the last wait is the last. */
export const NOTIFY_BACKOFF_MS = [60_000, 5 * 60_000, 30 * 60_000, 2 * 3_600_000, 6 * 3_600_000, 12 * 3_600_000, 24 * 3_600_000] as const;
export const NOTIFY_MAX_ATTEMPTS = NOTIFY_BACKOFF_MS.length + 1;
/**
 * A claimed row is not claimed again before this (a worker that died mid-attempt is retried after it): longer
 * than a batch's sends can take, since one dossier's messages go one after the other, each bounded by the
 * SMTP timeouts.
 */
const LEASE_MS = 10 * 60_000;
const BATCH_SIZE = 100;
/** A run sends full batches back to back for at most this long, then leaves the rest to the next poll. */
const RUN_BUDGET_MS = 30_000;
/** Dossiers whose messages are sent at the same time (the SMTP transport pools its connections). */
const LANES = 16;

export interface WorkerLog {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
}

export interface NotificationWorkerOptions {
  db: Kysely<DB>;
  clock: () => Date;
  /** Replaces PUBLIC_URL_TOKEN in the stored bodies. */
  publicUrl: string;
  mailer: Mailer;
  log?: WorkerLog | undefined;
  /** Stops waiting for the messages in flight (server shutdown): their rows are released for the next run. */
  signal?: AbortSignal | undefined;
}

export interface NotificationRunSummary {
  attempted: number;
  sent: number;
  retrying: number;
  failed: number;
}

type Outcome = { kind: 'sent' } | { kind: 'failed'; error: MailDeliveryError } | { kind: 'aborted' };
type Claimed = { id: string; dossier_id: string | null; feedback_id: string | null; recipient: string; subject: string; body: string; attempts: number };

export function createNotificationWorker(options: NotificationWorkerOptions) {
  const { db, clock, mailer } = options;

  /** Claim due rows: count the attempt and lease them, in one statement that skips rows another worker holds. */
  const claim = (now: Date): Promise<Claimed[]> =>
    db
      .updateTable('notification_outbox')
      .set((eb) => ({ attempts: eb('attempts', '+', 1), next_attempt_at: new Date(now.getTime() + LEASE_MS) }))
      .where('id', 'in', (eb) =>
        eb
          .selectFrom('notification_outbox as o')
          .select('o.id')
          .where('o.status', '=', 'pending')
          .where('o.next_attempt_at', '<=', now)
          // Not ahead of an earlier message of the same dossier (or feedback item) that waits for its retry or is being sent.
          .where(({ not, exists, selectFrom }) =>
            not(
              exists(
                selectFrom('notification_outbox as p')
                  .select('p.id')
                  .where((eb) => eb.or([eb('p.dossier_id', '=', eb.ref('o.dossier_id')), eb('p.feedback_id', '=', eb.ref('o.feedback_id'))]))
                  .where('p.status', '=', 'pending')
                  .whereRef('p.id', '<', 'o.id')
                  .where('p.next_attempt_at', '>', now),
              ),
            ),
          )
          .orderBy('o.id')
          .limit(BATCH_SIZE)
          .forUpdate()
          .skipLocked(),
      )
      .returning(['id', 'dossier_id', 'feedback_id', 'recipient', 'subject', 'body', 'attempts'])
      .execute();

  async function attempt(row: Claimed): Promise<Outcome> {
    const signal = options.signal;
    if (signal?.aborted) return { kind: 'aborted' };
    const sending = mailer.send({ outboxId: row.id, to: row.recipient, subject: row.subject, text: row.body.replaceAll(PUBLIC_URL_TOKEN, options.publicUrl) });
    try {
      if (!signal) await sending;
      else {
        let onAbort: () => void = () => undefined;
        const aborted = new Promise<'aborted'>((resolve) => {
          onAbort = () => resolve('aborted');
          signal.addEventListener('abort', onAbort, { once: true });
        });
        const first = await Promise.race([sending.then(() => 'sent' as const), aborted]).finally(() => signal.removeEventListener('abort', onAbort));
        if (first === 'aborted') {
          sending.catch(() => undefined); // it may still finish: at least once
          return { kind: 'aborted' };
        }
      }
      return { kind: 'sent' };
    } catch (error) {
      return { kind: 'failed', error: error instanceof MailDeliveryError ? error : new MailDeliveryError('UNKNOWN', false, 'Lỗi không xác định') };
    }
  }

  /** Write an attempt's outcome, unless the row was claimed again meanwhile (its lease ran out). */
  async function record(row: Claimed, outcome: Outcome): Promise<'sent' | 'retrying' | 'failed'> {
    const now = clock();
    const mine = db.updateTable('notification_outbox').where('id', '=', row.id).where('attempts', '=', row.attempts).where('status', '=', 'pending');
    if (outcome.kind === 'aborted') {
      await mine.set((eb) => ({ attempts: eb('attempts', '-', 1), next_attempt_at: now })).execute();
      return 'retrying';
    }
    if (outcome.kind === 'sent') {
      await mine.set({ status: 'sent', sent_at: now, last_error: null }).execute();
      return 'sent';
    }
    const last = outcome.error.permanent || row.attempts >= NOTIFY_MAX_ATTEMPTS;
    const wait = NOTIFY_BACKOFF_MS[row.attempts - 1] ?? NOTIFY_BACKOFF_MS[0];
    await mine
      .set({ last_error: outcome.error.message, ...(last ? { status: 'failed' as const } : { next_attempt_at: new Date(now.getTime() + wait) }) })
      .execute();
    return last ? 'failed' : 'retrying';
  }

  /** Give back claimed rows not attempted (behind a message that was not sent): not an attempt, due again now. */
  async function release(rows: readonly Claimed[]): Promise<void> {
    for (const row of rows) {
      await db
        .updateTable('notification_outbox')
        .set((eb) => ({ attempts: eb('attempts', '-', 1), next_attempt_at: clock() }))
        .where('id', '=', row.id)
        .where('attempts', '=', row.attempts)
        .where('status', '=', 'pending')
        .execute();
    }
  }

  /** One dossier's claimed messages, one after the other in the order written, stopping at the first not sent. */
  async function sendInOrder(rows: readonly Claimed[], summary: NotificationRunSummary): Promise<void> {
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i]!;
      const outcome = await attempt(row);
      const result = await record(row, outcome);
      summary.attempted += 1;
      summary[result] += 1;
      const facts = { outboxId: row.id, dossierId: row.dossier_id, feedbackId: row.feedback_id, attempt: row.attempts, transport: mailer.kind };
      if (outcome.kind === 'sent') options.log?.info(facts, 'notification sent');
      else if (outcome.kind === 'failed')
        options.log?.warn({ ...facts, errorCode: outcome.error.code, willRetry: result === 'retrying' }, 'notification not sent');
      // A message failed for good no longer holds the others back; one still to be retried does.
      if (result === 'retrying') {
        await release(rows.slice(i + 1));
        return;
      }
    }
  }

  async function runBatch(summary: NotificationRunSummary): Promise<number> {
    const claimed = await claim(clock());
    const byDossier = new Map<string, Claimed[]>();
    for (const row of claimed.sort((a, b) => Number(a.id) - Number(b.id))) {
      const subject = row.dossier_id ?? `feedback ${row.feedback_id}`;
      byDossier.set(subject, [...(byDossier.get(subject) ?? []), row]);
    }
    // Dossiers in parallel, at most LANES at a time.
    const queue = [...byDossier.values()];
    await Promise.all(
      Array.from({ length: Math.min(LANES, queue.length) }, async () => {
        for (let rows = queue.shift(); rows; rows = queue.shift()) await sendInOrder(rows, summary);
      }),
    );
    return claimed.length;
  }

  return {
    /** Send every due message (up to a bound per run) and record the outcomes. */
    async runOnce(): Promise<NotificationRunSummary> {
      const summary: NotificationRunSummary = { attempted: 0, sent: 0, retrying: 0, failed: 0 };
      const started = Date.now();
      while (!options.signal?.aborted && Date.now() - started < RUN_BUDGET_MS) {
        if ((await runBatch(summary)) < BATCH_SIZE) break;
      }
      return summary;
    },
  };
}

export type NotificationWorker = ReturnType<typeof createNotificationWorker>;
