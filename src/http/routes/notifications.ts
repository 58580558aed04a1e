/** The demo mailbox: what the system "sent" to applicants when no SMTP server is configured (never in production). */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { HttpContext } from '../context.js';
import { ErrorResponse, unwrap } from '../app-error.js';
import { requestMeta } from '../plugins/auth.js';
import { listDemoMailbox } from '../../application/dossier/notifications.js';
import { DemoMailbox, DemoMailboxQuery } from '../../contract/dossier-notifications.js';

export function notificationRoutes(ctx: HttpContext) {
  return async (app: FastifyInstance) => {
    if (!ctx.config.demoMailbox) return;
    app.withTypeProvider<ZodTypeProvider>().get(
      '/demo/mailbox',
      {
        // Recipients' addresses and messages: administrators and monitors only, even in a demo.
        config: { access: { capability: 'audit.view' } },
        schema: {
          tags: ['notifications'],
          summary: 'Hộp thư thử nghiệm: thư thông báo gửi người nộp hồ sơ khi chưa cấu hình SMTP_URL (mới nhất trước; không có khi chạy thật)',
          querystring: DemoMailboxQuery,
          response: { 200: DemoMailbox, 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse },
        },
      },
      async (request) => ({ items: unwrap(await listDemoMailbox(ctx.deps, { limit: request.query.limit, meta: requestMeta(request) })) }),
    );
  };
}
