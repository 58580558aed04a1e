/**
 * Every background job of a server, in one list (issue 16: background work in one place). The runner
 * (src/infrastructure/jobs/job-runner.ts) starts them with the server and stops them before the database
 * closes; each job's work is a use case or an infrastructure worker, and only its schedule is decided here.
 * A new module's job (sync with the national portal, payment reconciliation) is one more entry.
 */
import type { AppConfig } from './config/env.js';
import type { Database } from './infrastructure/db/database.js';
import type { SessionStore } from './infrastructure/auth/session-store.js';
import type { Job, JobLog } from './infrastructure/jobs/job-runner.js';
import type { HttpContext } from './http/context.js';
import { runMaintenance } from './infrastructure/db/maintenance.js';
import { createNotificationWorker } from './infrastructure/mail/outbox-worker.js';
import { createConfiguredMailer } from './infrastructure/mail/configured-mailer.js';
import { fileCheckpointStore } from './infrastructure/audit/checkpoint-file.js';
import { fetchSender } from './infrastructure/http-clients/webhook-sender.js';
import { createWebhookWorker } from './application/catalogue/webhook-delivery.js';
import { runStatWorker } from './application/scorecard/statistics.js';
import { backfillSettlementTimes } from './application/scorecard/settlement-times.js';
import { rebuildIfRequested } from './application/scorecard/statistics-rebuild.js';
import { warnStepDeadlines } from './application/dossier/warn-step-deadlines.js';
import { writeAuditCheckpoint } from './application/audit/audit-checkpoint.js';
import { resealRequestedDossiers } from './application/personal-data-reseal.js';
import { reconcilePayments, type ReconcileRun } from './application/payment/reconcile-payments.js';
import { numberWaitingReceipts } from './application/payment/receipts.js';
import { purgeFeedbackContacts } from './application/feedback/purge-feedback-contacts.js';
import { warnFeedbackDeadlines } from './application/feedback/warn-feedback-deadlines.js';
import { remindParDeadlines } from './application/par-index/remind-par-deadlines.js';
import { warnReformDeadlines } from './application/reform-plan/warn-reform-deadlines.js';
import { closedCircuit, syncToPortal, type SyncRun } from './application/national-sync/sync-to-portal.js';
import { reconcileWithPortal } from './application/national-sync/reconcile-with-portal.js';
import { sendProcedurePublications } from './application/national-catalogue/send-procedure-publications.js';
import { pullNationalCatalogue } from './application/national-catalogue/pull-national-catalogue.js';
import { sendMonthlyRatings } from './application/national-catalogue/send-monthly-ratings.js';

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;

/** What a run did, when it did something: an idle run says nothing. */
const whenAny = (message: string) => (result: unknown) =>
  result && typeof result === 'object' && Object.values(result).some((v) => typeof v === 'number' && v > 0) ? { message, ...result } : null;

export function backgroundJobs(input: {
  config: AppConfig;
  database: Database;
  ctx: HttpContext;
  sessions: SessionStore;
  resealedUsers: number;
  log: JobLog;
}): Job[] {
  const { config, database, ctx, sessions, log } = input;
  const { db, clock, personalData } = ctx.deps;
  const mailer = createConfiguredMailer(config, db, clock);
  if (!mailer) log.warn({}, 'SMTP_URL is not set: notifications to applicants are queued but not sent');
  const notifications: Job[] = mailer
    ? [
        {
          name: 'notifications',
          everyMs: config.NOTIFY_POLL_SECONDS * SECOND,
          worker: (signal) => {
            const worker = createNotificationWorker({ db, clock, publicUrl: config.publicUrl, log, mailer, signal });
            return () => worker.runOnce();
          },
          failureMessage: 'notification worker run failed',
          close: () => mailer.close(),
        },
      ]
    : [];
  const portal = ctx.deps.nationalPortal;
  const portalJobs: Job[] = [];
  if (portal && config.PORTAL_SYNC_POLL_MS > 0) {
    const deps = { ...ctx.deps, portal };
    portalJobs.push({
      // The live sync with the national portal (issue 21): the outbox drained in order; a circuit across runs.
      name: 'portal-sync',
      everyMs: config.PORTAL_SYNC_POLL_MS,
      worker: (signal) => {
        const circuit = closedCircuit();
        return async () => {
          const total: SyncRun = { claimed: 0, synced: 0, refused: 0, parked: 0, unavailable: 0, lastError: null };
          // A backlog is drained in one run, batch after batch, while the portal answers.
          for (let round = 0; round < 50 && !signal.aborted; round++) {
            const run = await syncToPortal(deps, { publicUrl: config.publicUrl, signal }, circuit);
            for (const k of ['claimed', 'synced', 'refused', 'parked', 'unavailable'] as const) total[k] += run[k];
            total.lastError = run.lastError ?? total.lastError;
            if (run.claimed === 0 || run.unavailable > 0) break;
          }
          if (total.unavailable > 0)
            log.warn({ job: 'portal-sync', error: total.lastError }, 'the national portal is out of reach; the sync waits and retries');
          return { claimed: total.claimed, synced: total.synced, refused: total.refused, parked: total.parked };
        };
      },
      report: whenAny('dossiers synced with the national portal'),
      failureMessage: 'portal sync run failed',
    });
    if (config.PORTAL_RECONCILE_HOURS > 0)
      portalJobs.push({
        name: 'portal-reconciliation',
        everyMs: config.PORTAL_RECONCILE_HOURS * HOUR,
        worker: (signal) => () => reconcileWithPortal(deps, { trigger: 'schedule', publicUrl: config.publicUrl, signal }),
        report: (r) => whenAny('reconciled with the national portal')({ ...(r as object), id: 0 }),
        failureMessage: 'reconciliation with the national portal failed',
      });
    portalJobs.push(
      {
        // The catalogue goes out (issue 21 item 5): procedures of published decisions made public on CSDLQG (1.2).
        name: 'portal-catalogue-publication',
        everyMs: 30 * SECOND,
        runAtStart: true,
        worker: (signal) => async () => {
          const run = await sendProcedurePublications(deps, { signal });
          if (run.unavailable > 0)
            log.warn({ job: 'portal-catalogue-publication', error: run.lastError }, 'the national portal is out of reach; publication waits and retries');
          return { claimed: run.claimed, acknowledged: run.acknowledged, refused: run.refused };
        },
        report: whenAny('procedures made public on the national procedure database'),
        failureMessage: 'making procedures public on the national portal failed',
      },
      {
        // The catalogue comes back (issue 21 item 6): ministries' changes become notices and draft amendments.
        name: 'portal-catalogue-pull',
        everyMs: config.PORTAL_CATALOGUE_PULL_HOURS * HOUR,
        worker: (signal) => async () => {
          const run = await pullNationalCatalogue(deps, {
            meta: { actor: null, ip: null, requestId: `portal-catalogue-pull-${clock().toISOString()}` },
            signal,
          });
          if (run.error) log.warn({ job: 'portal-catalogue-pull', error: run.error }, 'the national catalogue was not read whole; the next pull goes on');
          return { read: run.read, notices: run.notices, drafts: run.drafts };
        },
        report: whenAny('changes read from the national procedure catalogue'),
        failureMessage: 'reading the national procedure catalogue failed',
      },
      {
        // The month's ratings go out after it ends (DongBoDanhGia), once per month; checked every hour.
        name: 'portal-ratings',
        everyMs: HOUR,
        runAtStart: true,
        worker: (signal) => async () => {
          const run = await sendMonthlyRatings(deps, { signal });
          if (run.failed > 0) log.warn({ job: 'portal-ratings', error: run.lastError }, 'ratings not taken by the national portal; sent again later');
          return { sent: run.sent, items: run.items };
        },
        report: whenAny('monthly ratings sent to the national portal'),
        failureMessage: 'sending the monthly ratings to the national portal failed',
      },
    );
  }
  return [
    ...notifications,
    ...portalJobs,
    {
      name: 'webhooks',
      everyMs: config.WEBHOOK_POLL_SECONDS * SECOND,
      worker: (signal) => {
        const worker = createWebhookWorker({ db, clock, publicUrl: config.publicUrl, log, send: fetchSender, signal });
        return () => worker.runOnce();
      },
      failureMessage: 'webhook worker run failed',
    },
    {
      name: 'statistics',
      everyMs: config.STATS_POLL_MS,
      worker: (signal) => () => runStatWorker(ctx.deps, signal),
      failureMessage: 'statistics worker run failed',
    },
    {
      name: 'step-warnings',
      everyMs: config.STEP_WARNING_POLL_SECONDS * SECOND,
      worker: () => () => warnStepDeadlines(ctx.deps, { leadMinutes: config.STEP_WARNING_LEAD_MINUTES }),
      report: whenAny('step deadline warnings sent'),
      failureMessage: 'step deadline warnings failed',
    },
    {
      // Online attempts still pending 15 minutes after they began are asked about (a lost or late callback).
      name: 'payment-reconciliation',
      everyMs: config.PAYMENT_RECONCILE_SECONDS * SECOND,
      worker: (signal) => () => reconcilePayments({ ...ctx.deps, publicUrl: config.publicUrl }, { signal }),
      report: (r) => {
        const run = r as ReconcileRun;
        if (run.tasks > 0)
          log.warn({ job: 'payment-reconciliation', ...run }, 'payments need an accountant (amount mismatch, double payment, fraud or long pending)');
        return whenAny('payments reconciled with the gateways')(run);
      },
      failureMessage: 'payment reconciliation failed',
    },
    {
      // Receipts are numbered in batches, apart from the payments' transactions (application/payment/receipts.ts).
      name: 'receipt-numbering',
      everyMs: SECOND,
      worker: () => () => numberWaitingReceipts(db),
      failureMessage: 'receipt numbering failed; tried again in a second',
    },
    {
      name: 'audit-checkpoint',
      everyMs: config.AUDIT_CHECKPOINT_MINUTES * MINUTE,
      runAtStart: true,
      worker: () => {
        const store = fileCheckpointStore(config.auditCheckpoint.dir);
        return () => writeAuditCheckpoint(db, store, config.auditCheckpoint.key, clock());
      },
      report: (c) => {
        const checkpoint = c as { records: number; digest: string };
        return { message: 'audit checkpoint written', records: checkpoint.records, digest: checkpoint.digest };
      },
      failureMessage: 'audit checkpoint not written; tried again at the next interval',
    },
    {
      // Citizen feedback near or past its deadlines: the handling unit is warned, like a dossier's steps (issue 22).
      name: 'feedback-warnings',
      everyMs: config.STEP_WARNING_POLL_SECONDS * SECOND,
      worker: () => () => warnFeedbackDeadlines(ctx.deps, { leadDays: config.FEEDBACK_WARNING_LEAD_DAYS }),
      report: whenAny('feedback deadline warnings sent'),
      failureMessage: 'feedback deadline warnings failed',
    },
    {
      // Tasks of the reform plan near or past their deadline: the owner unit is reminded, once each (issue 23).
      name: 'reform-task-warnings',
      everyMs: HOUR,
      worker: () => () => warnReformDeadlines(ctx.deps, { leadDays: config.REFORM_TASK_WARNING_LEAD_DAYS }),
      report: whenAny('reform plan reminders sent'),
      failureMessage: 'reform plan reminders failed',
    },
    {
      // Units that have not submitted their reform-index self-assessment, before its deadline and after (issue 23).
      name: 'par-reminders',
      everyMs: HOUR,
      worker: () => () => remindParDeadlines(ctx.deps, { leadDays: config.PAR_REMINDER_LEAD_DAYS }),
      report: whenAny('reform-index reminders sent'),
      failureMessage: 'reform-index reminders failed',
    },
    {
      // Reporters' contact data of citizen feedback, erased after its retention period (issue 22).
      name: 'feedback-retention',
      everyMs: 6 * HOUR,
      runAtStart: true,
      worker: () => () => purgeFeedbackContacts(ctx.deps, { retentionDays: config.FEEDBACK_CONTACT_RETENTION_DAYS }),
      report: whenAny('contact data of feedback reporters erased after the retention period'),
      failureMessage: 'erasing feedback reporters’ contact data failed',
    },
    {
      name: 'maintenance',
      everyMs: config.VACUUM_INTERVAL_HOURS * HOUR,
      worker: () => () => runMaintenance(database, sessions, log),
      failureMessage: 'maintenance failed',
    },
    // One-off catch-ups at start, in the background: each resumes at the next start if stopped.
    {
      name: 'settlement-backfill',
      worker: (signal) => () => backfillSettlementTimes(ctx.deps, { signal }),
      report: (n) => ((n as number) > 0 ? { message: 'settlement times computed for dossiers finished before they were kept', dossiers: n } : null),
      failureMessage: 'settlement time backfill failed; it resumes at the next start',
    },
    {
      // A migration that changed how the statistics are computed asks for one rebuild.
      name: 'statistics-rebuild',
      worker: () => () => rebuildIfRequested(db),
      report: (r) => (r ? { message: 'statistics rebuilt as a migration requested', ...(r as object) } : null),
      failureMessage: 'requested statistics rebuild failed; it is tried again at the next start',
    },
    {
      // The dossiers' ID numbers follow in the background when a migration asked or the key was rotated.
      name: 'personal-data-reseal',
      worker: (signal) => () =>
        resealRequestedDossiers(db, personalData, {
          resealedUsers: input.resealedUsers,
          progress: (read, resealed) => log.info({ job: 'personal-data-reseal', read, resealed }, 'sealing ID numbers in dossiers'),
          signal,
        }),
      report: (r) => (r ? { message: 'ID numbers sealed under the current key', ...(r as object) } : null),
      failureMessage: 'sealing ID numbers failed; it is tried again at the next start',
    },
  ];
}
