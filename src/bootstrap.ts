/** Wires configuration, database, use-case dependencies and the HTTP server together. */
import { createHmac } from 'node:crypto';
import { registerConnectionMetrics } from './http/plugins/connection-metrics.js';
import { connectionFigures } from './application/national-sync/list-connections.js';
import type { FastifyInstance } from 'fastify';
import { ConfigError, type AppConfig } from './config/env.js';
import { feedbackMailSettings } from './config/feedback-config.js';
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
import type { HttpContext } from './http/context.js';
import { createLogDestination } from './infrastructure/logging/log-destination.js';
import { prettyLogStream } from './infrastructure/logging/pretty-log-stream.js';
import { decoyHash } from './infrastructure/auth/password.js';
import { personalDataCipherOf } from './infrastructure/crypto/personal-data-cipher.js';
import { resealUsers } from './application/personal-data-reseal.js';
import { JobRunner } from './infrastructure/jobs/job-runner.js';
import { backgroundJobs } from './background-jobs.js';
import { Registry } from 'prom-client';
import { createPaymentGateways } from './infrastructure/payment/payment-gateways.js';
import { createPaymentGatewaySimulator, type PaymentGatewaySimulator } from './infrastructure/payment/payment-gateway-simulator.js';
import { createKeyRing } from './infrastructure/esign/key-ring.js';
import { createSigningService } from './infrastructure/esign/signing-service.js';
import { createLocalSigningServices, type LocalSigningServices } from './infrastructure/esign/local-services.js';
import { createDataExchange, createLocalDataExchange, type LocalDataExchange } from './infrastructure/data-exchange/data-exchange.js';
import { startMailInbox, type MailInbox } from './infrastructure/mail-inbox/mail-inbox.js';
import { feedbackMailHandler } from './application/feedback/receive-feedback-mail.js';

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
  /** The local payment gateway when it is served (demo, tests), to set its faults. */
  paymentSimulator: PaymentGatewaySimulator | null;
  /** The demo's timestamp authority and remote signing service when they are served, to set their faults. */
  localSigning: LocalSigningServices | null;
  /** The demo's population-registry and national-vault simulators, to set their faults. */
  localDataExchange: LocalDataExchange;
  /** The feedback mailbox (an SMTP server) when it is on, to send it mail. */
  mailInbox: MailInbox | null;
  close(): Promise<void>;
}

/** The local payment gateway of a demo: it knows the demo merchant accounts and calls motcua back over the loopback. */
function localPaymentGateway(config: AppConfig): PaymentGatewaySimulator | null {
  const local = config.payments.simulator;
  if (!local) return null;
  return createPaymentGatewaySimulator({ publicBaseUrl: local.publicBaseUrl, vnpayMerchants: [local.vnpay], platformPartners: [local.platform] });
}

/**
 * The feedback mailbox (issue 22) when it is configured, or on the demo's port: one line says where it listens. The
 * demo's port already taken (a second demo server) is a warning; a configured one is a failure to start.
 */
async function startFeedbackMailbox(config: AppConfig, ctx: HttpContext, log: FastifyInstance['log']): Promise<MailInbox | null> {
  const problems: string[] = [];
  const settings = feedbackMailSettings(config, problems);
  if (settings?.unitCode && !ctx.deps.units.tree().find(settings.unitCode)) problems.push(`FEEDBACK_MAIL_UNIT: không có đơn vị ${settings.unitCode}`);
  if (problems.length > 0) throw new ConfigError(problems);
  if (!settings) return null;
  const { host, port, addresses, maxBytes } = settings;
  try {
    const inbox = await startMailInbox({
      host,
      port,
      addresses,
      maxBytes,
      handle: feedbackMailHandler(ctx.deps, settings.unitCode),
      log,
      clock: ctx.deps.clock,
    });
    log.info({ host, port: inbox.port, addresses }, `Hộp thư phản ánh nhận thư gửi ${addresses.join(', ')} tại smtp://${host}:${inbox.port}`);
    return inbox;
  } catch (error) {
    if (!settings.demo) throw error;
    log.warn({ err: error, port }, `Hộp thư phản ánh của bản trình diễn không mở được cổng ${port}: chạy tiếp không có hộp thư`);
    return null;
  }
}

/** Open, migrate and (unless SEED=none) seed the database, then build the app; does not listen. */
export async function createRuntime(
  config: AppConfig,
  options: { database?: Database; logger?: boolean; logStream?: { write(line: string): void } } = {},
): Promise<Runtime> {
  // A new PGlite folder is created in a child process, so that the server does not keep initdb's memory.
  const database = options.database ?? (await openConfiguredDatabase(config, { initdbInChildProcess: true }));
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
    const payments = createPaymentGateways(config.payments.accounts);
    const paymentSimulator = localPaymentGateway(config);
    const clock = () => new Date();
    const keys = createKeyRing(database.db, config.signing, clock);
    const signing = createSigningService({ keys, config: config.signing });
    const local = config.signing.local;
    const localSigning = local
      ? createLocalSigningServices(database.db, keys, (code) => units.tree().find(code)?.name ?? code, local.remoteToken, clock)
      : null;
    const { populationRegistry, nationalVault, nationalPortal } = createDataExchange(config.dataExchange);
    const localDataExchange = await createLocalDataExchange(config.dataExchange);
    const ctx: HttpContext = {
      config,
      deps: {
        db: database.db,
        units,
        clock,
        sessions,
        calendars,
        catalogue,
        files: createFileStore(config),
        personalData,
        payments,
        signing,
        populationRegistry,
        nationalVault,
        nationalPortal,
        systems: {
          nationalPortal: nationalPortal !== null,
          populationRegistry: populationRegistry !== null,
          nationalVault: nationalVault !== null,
          payments: Object.keys(config.payments.accounts.units).length > 0 || config.payments.accounts.default !== null,
          signing: true,
          mail: config.SMTP_URL !== undefined || config.demoMailbox,
        },
        feedbackDeadlines: config.FEEDBACK_DEADLINES,
        challengeKey: createHmac('sha256', config.sessionSecret).update('motcua feedback challenge').digest('base64url'),
      },
      engine: database.engine,
      version: appVersion(),
    };
    const logger = options.logger ?? true;
    const metrics = new Registry();
    // The connected systems' figures for Prometheus, read from the records at each scrape (issue 21).
    registerConnectionMetrics(metrics, () => connectionFigures(ctx.deps, ctx.deps.systems));
    const app = await buildApp(ctx, {
      logger,
      metricsRegistry: metrics,
      paymentSimulator,
      localSigning,
      localDataExchange,
      ...(logger ? { logStream: options.logStream ?? configuredLogStream(config) } : {}),
    });
    void decoyHash(); // so that the first login of an unknown user takes as long as any other
    // Closed with the app, before the database: the messages being committed finish first.
    const mailInbox = await startFeedbackMailbox(config, ctx, app.log).catch(async (error: unknown) => {
      await app.close();
      throw error;
    });
    if (mailInbox) app.addHook('onClose', () => mailInbox.close());
    // Every background job in one runner, stopped before the database closes, however the app is closed.
    const jobs = new JobRunner(app.log, metrics);
    for (const job of backgroundJobs({ config, database, ctx, sessions, resealedUsers, log: app.log })) jobs.add(job);
    jobs.start();
    app.addHook('onClose', () => jobs.stop());
    return {
      app,
      database,
      ctx,
      paymentSimulator,
      localSigning,
      localDataExchange,
      mailInbox,
      async close() {
        await app.close();
        await database.close();
      },
    };
  } catch (error) {
    if (!options.database) await database.close();
    throw error;
  }
}
