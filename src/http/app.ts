/**
 * Builds the HTTP server: one pipeline for every endpoint —
 * request id → authenticate (session cookie) → guard (config.access) → rate limit → validate (zod) →
 * use case (transaction + audit) → presenter (zod response schema).
 */
import { randomUUID } from 'node:crypto';
import Fastify, { type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import { jsonSchemaTransform, jsonSchemaTransformObject, validatorCompiler } from 'fastify-type-provider-zod';
import type { HttpContext } from './context.js';
import { registerErrorHandling } from './plugins/errors.js';
import { registerWellFormedText } from './plugins/well-formed-text.js';
import { serializerCompiler } from './plugins/serializer.js';
import { registerAuth } from './plugins/auth.js';
import { registerMetrics } from './plugins/metrics.js';
import type { Registry } from 'prom-client';
import { RequestLogController, lazyChildLoggerFactory } from './plugins/request-log.js';
import { registerSecurityHeaders } from './plugins/security-headers.js';
import { registerWeb } from './static-web.js';
import { healthRoutes } from './routes/health.js';
import { unitRoutes } from './routes/units.js';
import { authRoutes } from './routes/auth.js';
import { auditRoutes } from './routes/audit.js';
import { calendarRoutes } from './routes/calendar.js';
import { catalogueRoutes } from './routes/catalogue.js';
import { cataloguePrintRoutes } from './routes/catalogue-print.js';
import { catalogueFeedRoutes } from './routes/catalogue-feed.js';
import { catalogueTransferRoutes } from './routes/catalogue-transfer.js';
import { decisionFileRoutes } from './routes/decision-file.js';
import { dossierRoutes } from './routes/dossiers.js';
import { dossierSyncRoutes } from './routes/dossier-sync.js';
import { dossierFormRoutes } from './routes/dossier-forms.js';
import { dossierRatingRoutes } from './routes/dossier-ratings.js';
import { dossierFileRoutes } from './routes/dossier-files.js';
import { notificationRoutes } from './routes/notifications.js';
import { calendarReviewRoutes } from './routes/calendar-review.js';
import { scorecardRoutes } from './routes/scorecard.js';
import { stepWarningRoutes } from './routes/step-warnings.js';
import { latenessRoutes } from './routes/lateness.js';
import { paymentRoutes } from './routes/payments.js';
import { resultRoutes } from './routes/results.js';
import { dataVaultRoutes } from './routes/data-vault.js';
import { nationalSyncRoutes } from './routes/national-sync.js';
import { feedbackRoutes } from './routes/feedback.js';
import { reformPlanRoutes } from './routes/reform-plans.js';
import { legalDocumentRoutes } from './routes/legal-documents.js';
import { parIndexRoutes } from './routes/par-index.js';
import { open311Routes } from './routes/open311.js';
import { nationalCatalogueRoutes } from './routes/national-catalogue.js';
import { surveyRoutes } from './routes/surveys.js';
import { mountLocalSigningServices } from './dev-signing.js';
import { mountLocalDataExchange } from './dev-data-exchange.js';
import type { LocalDataExchange } from '../infrastructure/data-exchange/data-exchange.js';
import type { LocalSigningServices } from '../infrastructure/esign/local-services.js';
import { oidcLoginRoutes } from './routes/oidc-login.js';
import { OidcClient } from '../infrastructure/oidc/oidc-client.js';
import { createDevIdentityProvider } from '../infrastructure/oidc/dev-identity-provider.js';
import { mountDevIdentityProvider } from './dev-idp/dev-idp-routes.js';
import { mountPaymentGatewaySimulator } from './dev-payment-gateway.js';
import type { PaymentGatewaySimulator } from '../infrastructure/payment/payment-gateway-simulator.js';
import { errorBody } from './app-error.js';

const REQUEST_ID = /^[A-Za-z0-9._-]{8,64}$/;

export interface BuildAppOptions {
  /** false disables logging (tests); otherwise JSON logs at LOG_LEVEL go to `logStream` (default stdout). */
  logger?: boolean;
  logStream?: { write(line: string): void };
  /** Where /metrics reads from; the background jobs count their runs into the same registry. */
  metricsRegistry?: Registry;
  /** The local payment gateway, served at /demo/payment-gateway (demo and tests). */
  paymentSimulator?: PaymentGatewaySimulator | null;
  /** The demo's timestamp authority and remote signing service, served at /demo/tsa and /demo/remote-signing. */
  localSigning?: LocalSigningServices | null;
  /** The demo's population-registry and national-vault simulators, served at /demo/lgsp-dan-cu and /demo/kho-du-lieu. */
  localDataExchange?: LocalDataExchange;
}

export async function buildApp(ctx: HttpContext, options: BuildAppOptions = {}): Promise<FastifyInstance> {
  const { config } = ctx;
  const app = Fastify({
    bodyLimit: config.BODY_LIMIT_BYTES,
    requestIdHeader: false,
    trustProxy: config.trustProxy,
    // Malformed URLs and content types become the one error shape, not Fastify's own.
    frameworkErrors: (error, _request, reply) => {
      const unsupported = error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE';
      const raw = reply as unknown as { code(status: number): { send(body: unknown): void } };
      raw.code(unsupported ? 415 : 400).send(errorBody(unsupported ? 'UNSUPPORTED_MEDIA_TYPE' : 'VALIDATION_FAILED', { reason: error.code }));
    },
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
    },
    logController: new RequestLogController(),
    childLoggerFactory: lazyChildLoggerFactory,
    logger:
      options.logger === false || config.LOG_LEVEL === 'silent'
        ? false
        : {
            level: config.LOG_LEVEL,
            ...(options.logStream ? { stream: options.logStream } : {}),
            // Fastify's own request/response serializers are not used: see RequestLogController.
            // Errors keep name, code, message and stack only: a database error's `detail` can quote personal data.
            serializers: {
              req: () => ({}),
              res: () => ({}),
              err: (err: Error & { code?: string }) => ({ type: err.name, code: err.code, message: err.message, stack: err.stack ?? '' }),
            },
          },
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  registerErrorHandling(app);
  registerWellFormedText(app);
  await app.register(cookie, { secret: config.sessionSecret });
  registerSecurityHeaders(app, {
    strictTransportSecurity: config.publicUrl.startsWith('https://'),
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        formAction: ["'self'", config.oidc.issuerUrl],
        upgradeInsecureRequests: null,
      },
    },
  });
  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: () => ({ statusCode: 429, ...errorBody('RATE_LIMITED') }),
  });
  registerAuth(app, ctx.deps.sessions);
  registerMetrics(app, { token: config.METRICS_TOKEN, registry: options.metricsRegistry });

  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'motcua API',
        version: ctx.version,
        description: 'API của hệ thống giải quyết thủ tục hành chính cấp tỉnh. Errors are always { error: { code, message, details? } }.',
      },
      servers: [{ url: config.publicUrl }],
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'motcua_session' },
          csrf: { type: 'apiKey', in: 'header', name: 'x-csrf-token' },
        },
      },
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
    hideUntagged: true,
  });

  const oidcClient = new OidcClient({
    issuerUrl: config.oidc.issuerUrl,
    clientId: config.oidc.clientId,
    clientSecret: config.oidc.clientSecret,
    redirectUri: `${config.publicUrl}/api/v1/auth/oidc/callback`,
    scopes: config.oidc.scopes,
  });
  if (config.devOidcProvider) {
    const idp = createDevIdentityProvider({
      issuer: `${config.publicUrl}/oidc`,
      clientId: config.oidc.clientId,
      clientSecret: config.oidc.clientSecret,
      redirectUris: [`${config.publicUrl}/api/v1/auth/oidc/callback`],
      cookieSecret: config.sessionSecret,
    });
    await mountDevIdentityProvider(app, idp);
  }
  if (options.paymentSimulator) mountPaymentGatewaySimulator(app, options.paymentSimulator);
  if (options.localSigning) mountLocalSigningServices(app, options.localSigning);
  if (options.localDataExchange) mountLocalDataExchange(app, options.localDataExchange);

  await app.register(
    async (api) => {
      await api.register(healthRoutes(ctx));
      await api.register(unitRoutes(ctx));
      await api.register(authRoutes(ctx));
      await api.register(oidcLoginRoutes(ctx, oidcClient));
      await api.register(auditRoutes(ctx));
      await api.register(calendarRoutes(ctx));
      await api.register(catalogueRoutes(ctx));
      await api.register(cataloguePrintRoutes(ctx));
      await api.register(catalogueFeedRoutes(ctx));
      await api.register(catalogueTransferRoutes(ctx));
      await api.register(decisionFileRoutes(ctx));
      await api.register(dossierRoutes(ctx));
      await api.register(dossierSyncRoutes(ctx));
      await api.register(dossierFormRoutes(ctx));
      await api.register(dossierRatingRoutes(ctx));
      await api.register(dossierFileRoutes(ctx));
      await api.register(notificationRoutes(ctx));
      await api.register(calendarReviewRoutes(ctx));
      await api.register(scorecardRoutes(ctx));
      await api.register(stepWarningRoutes(ctx));
      await api.register(latenessRoutes(ctx));
      await api.register(paymentRoutes(ctx));
      await api.register(resultRoutes(ctx));
      await api.register(dataVaultRoutes(ctx));
      await api.register(nationalSyncRoutes(ctx));
      await api.register(feedbackRoutes(ctx));
      await api.register(reformPlanRoutes(ctx));
      await api.register(legalDocumentRoutes(ctx));
      await api.register(parIndexRoutes(ctx));
      await api.register(open311Routes(ctx));
      await api.register(nationalCatalogueRoutes(ctx));
      await api.register(surveyRoutes(ctx));
      api.get('/openapi.json', { config: { access: 'public' }, schema: { tags: ['system'], summary: 'Tài liệu OpenAPI 3.1 của API này' } }, async () =>
        app.swagger(),
      );
    },
    { prefix: '/api/v1' },
  );
  await registerWeb(app);
  return app;
}
