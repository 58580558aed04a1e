/** Wires configuration, database, use-case dependencies and the HTTP server together. */
import type { FastifyInstance } from 'fastify';
import type { AppConfig } from './config/env.js';
import { openConfiguredDatabase, type Database } from './infrastructure/db/database.js';
import { migrate } from './infrastructure/db/migrator.js';
import { seedDemo } from './application/seed/seed-demo.js';
import { loadUnitDirectory } from './application/units/unit-directory.js';
import { loadCalendarDirectory } from './application/calendar/calendar-directory.js';
import { loadCatalogueDirectory } from './application/catalogue/catalogue-directory.js';
import { SessionStore } from './infrastructure/auth/session-store.js';
import { buildApp } from './http/app.js';
import { createFileStore } from './infrastructure/files/create-file-store.js';
import { appVersion } from './infrastructure/project-root.js';
import { scheduleMaintenance } from './infrastructure/db/maintenance.js';
import { scheduleWebhookDelivery } from './application/catalogue/webhooks.js';
import { scheduleNotificationDelivery } from './infrastructure/mail/outbox-worker.js';
import { scheduleStatWorker } from './application/scorecard/statistics.js';
import { startSettlementTimeBackfill } from './application/scorecard/settlement-times.js';
import { rebuildIfRequested } from './application/scorecard/statistics-rebuild.js';
import { scheduleStepWarnings } from './application/dossier/warn-step-deadlines.js';
import { scheduleAuditCheckpoints } from './application/audit/audit-checkpoint.js';
import { fileCheckpointStore } from './infrastructure/audit/checkpoint-file.js';
import { createConfiguredMailer } from './infrastructure/mail/configured-mailer.js';
import type { HttpContext } from './http/context.js';
import { createLogDestination } from './infrastructure/logging/log-destination.js';
import { prettyLogStream } from './infrastructure/logging/pretty-log-stream.js';
import { decoyHash } from './infrastructure/auth/password.js';
import { personalDataCipherOf } from './infrastructure/crypto/personal-data-cipher.js';
import { resealRequestedDossiers, resealUsers } from './application/personal-data-reseal.js';

export { appVersion };


/** JSON lines for a collector; readable lines for a person at a terminal (LOG_FORMAT, auto by default). */
function configuredLogStream(config: AppConfig): { write(line: string): void } {
  const destination = createLogDestination();
  const terminal = process.stdout.isTTY === true;
  const pretty = config.LOG_FORMAT === 'pretty' || (config.LOG_FORMAT === 'auto' && terminal && config.NODE_ENV !== 'production');
  return pretty ? prettyLogStream(destination, terminal) : destination;
}

export interface Runtime {
  app: FastifyInstance;
  database: Database;
  ctx: HttpContext;
  close(): Promise<void>;
}

/** Open, migrate and (unless SEED=none) seed the database, then build the app; does not listen. */
export async function createRuntime(
  config: AppConfig,
  options: { database?: Database; logger?: boolean; logStream?: { write(line: string): void } } = {},
): Promise<Runtime> {
  const database = options.database ?? (await openConfiguredDatabase(config));
  try {
    await migrate(database);
    if (config.SEED === 'demo') await seedDemo(database.db);
    const units = await loadUnitDirectory(database.db);
    const sessions = new SessionStore(database.db, config.sessionSecret, config.SESSION_TTL_HOURS);
    const calendars = await loadCalendarDirectory(database.db, units);
    const catalogue = await loadCatalogueDirectory(database.db, units);
    const personalData = personalDataCipherOf(config);
    // Citizens are found by the keyed hash at login: their ID numbers are brought under the current key first.
    const resealedUsers = await resealUsers(database.db, personalData);
    const ctx: HttpContext = {
      config,
      deps: { db: database.db, units, clock: () => new Date(), sessions, calendars, catalogue, files: createFileStore(config), personalData },
      engine: database.engine,
      version: appVersion(),
    };
    const logger = options.logger ?? true;
    const app = await buildApp(ctx, { logger, ...(logger ? { logStream: options.logStream ?? configuredLogStream(config) } : {}) });
    void decoyHash(); // so that the first login of an unknown user takes as long as any other
    const stopMaintenance = scheduleMaintenance(database, sessions, config, app.log);
    const stopWebhooks = scheduleWebhookDelivery({ db: database.db, clock: ctx.deps.clock, publicUrl: config.publicUrl, log: app.log, intervalSeconds: config.WEBHOOK_POLL_SECONDS });
    app.addHook('onClose', () => stopWebhooks()); // before the database closes, however the app is closed
    const stopNotifications = scheduleNotificationDelivery({ db: database.db, clock: ctx.deps.clock, publicUrl: config.publicUrl, log: app.log, intervalSeconds: config.NOTIFY_POLL_SECONDS, mailer: createConfiguredMailer(config, database.db, ctx.deps.clock) });
    app.addHook('onClose', () => stopNotifications());
    const stopStatistics = scheduleStatWorker(ctx.deps, { intervalMs: config.STATS_POLL_MS, log: app.log });
    app.addHook('onClose', () => stopStatistics());
    const stopStepWarnings = scheduleStepWarnings(ctx.deps, { intervalSeconds: config.STEP_WARNING_POLL_SECONDS, leadMinutes: config.STEP_WARNING_LEAD_MINUTES, log: app.log });
    app.addHook('onClose', () => stopStepWarnings());
    const stopCheckpoints = scheduleAuditCheckpoints({
      db: database.db,
      store: fileCheckpointStore(config.auditCheckpoint.dir),
      key: config.auditCheckpoint.key,
      clock: ctx.deps.clock,
      intervalMinutes: config.AUDIT_CHECKPOINT_MINUTES,
      log: app.log,
    });
    app.addHook('onClose', () => stopCheckpoints());
    const stopBackfill = startSettlementTimeBackfill(ctx.deps, app.log);
    app.addHook('onClose', () => stopBackfill());
    // A migration that changed how the statistics are computed asks for one rebuild (in the background).
    const rebuilding = rebuildIfRequested(database.db)
      .then((r) => r && app.log.info({ dossiers: r.dossiers, ms: r.milliseconds }, 'statistics rebuilt as a migration requested'))
      .catch((error: unknown) => app.log.warn({ err: error }, 'requested statistics rebuild failed; it is tried again at the next start'));
    app.addHook('onClose', () => rebuilding);
    // The dossiers' ID numbers follow in the background when a migration asked or the key was rotated.
    const stopResealing = new AbortController();
    const resealing = resealRequestedDossiers(database.db, personalData, {
      resealedUsers,
      progress: (read, resealed) => app.log.info({ read, resealed }, 'sealing ID numbers in dossiers'),
      signal: stopResealing.signal,
    })
      .then((report) => report && app.log.info(report, 'ID numbers sealed under the current key'))
      .catch((error: unknown) => app.log.warn({ err: error }, 'sealing ID numbers failed; it is tried again at the next start'));
    app.addHook('onClose', () => {
      stopResealing.abort();
      return resealing;
    });
    return {
      app,
      database,
      ctx,
      async close() {
        stopMaintenance();
        await app.close();
        await database.close();
      },
    };
  } catch (error) {
    if (!options.database) await database.close();
    throw error;
  }
}
