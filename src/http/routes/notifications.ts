/** The demo mailbox: what the system "sent" to applicants when no SMTP server is configured (never in production). */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { HttpContext } from '../context.js';
import { ErrorResponse, unwrap } from '../app-error.js';
import { requestMeta } from '../plugins/auth.js';
import { listDemoMailbox } from '../../application/dossier/notifications.js';
import { usesDemoMailbox } from '../../infrastructure/mail/configured-mailer.js';

const DemoMail = z
  .object({
    id: z.string(),
    dossierCode: z.string(),
    event: z.string(),
    from: z.string(),
    to: z.string(),
    subject: z.string(),
    body: z.string(),
    deliveredAt: z.string(),
  })
  .meta({ id: 'DemoMail' });

export function notificationRoutes(ctx: HttpContext) {
  return async (app: FastifyInstance) => {
    if (!usesDemoMailbox(ctx.config)) return;
    app.withTypeProvider<ZodTypeProvider>().get(
      '/demo/mailbox',
      {
        // Recipients' addresses and messages: administrators and monitors only, even in a demo.
        config: { access: { capability: 'audit.view' } },
        schema: {
          tags: ['notifications'],
          summary: 'Hộp thư thử nghiệm: thư thông báo gửi người nộp hồ sơ khi chưa cấu hình SMTP_URL (mới nhất trước; không có khi chạy thật)',
          querystring: z.strictObject({ limit: z.coerce.number().int().min(1).max(500).default(100) }),
          response: { 200: z.object({ items: z.array(DemoMail) }), 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse },
        },
      },
      async (request) => ({ items: unwrap(await listDemoMailbox(ctx.deps, { limit: request.query.limit, meta: requestMeta(request) })) }),
    );
  };
}
