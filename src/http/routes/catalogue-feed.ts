/** Catalogue change notifications: the public Atom feed, and webhook subscriptions with their delivery log. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { HttpContext } from '../context.js';
import { ErrorResponse, unwrap } from '../app-error.js';
import { requestMeta } from '../plugins/auth.js';
import { text } from '../../application/text-schema.js';
import { latestCatalogueEvents, renderAtomFeed } from '../../application/catalogue/catalogue-feed.js';
import { createWebhook, deleteWebhook, listDeliveries, listWebhooks } from '../../application/catalogue/webhooks.js';

const FEED_SIZE = 100;

const Webhook = z
  .object({
    id: z.string(),
    url: z.string(),
    unitCode: z.string().nullable(),
    fieldCode: z.string().nullable(),
    createdAt: z.string(),
    deliveries: z.object({ pending: z.number(), delivered: z.number(), failed: z.number() }),
  })
  .meta({ id: 'Webhook' });

const WebhookBody = z.strictObject({
  url: text(2000)
    .trim()
    .pipe(z.url({ protocol: /^https?$/, error: 'Địa chỉ phải là URL http:// hoặc https://' }))
    .describe('Địa chỉ nhận thông báo (POST JSON, ký bằng HMAC-SHA256 trong X-Motcua-Signature)'),
  unitCode: text(40).trim().min(1).nullable().default(null).describe('Chỉ thông báo thay đổi của thủ tục do đơn vị này (hoặc đơn vị trực thuộc) thực hiện'),
  fieldCode: text(40).trim().min(1).nullable().default(null).describe('Chỉ thông báo thay đổi của thủ tục thuộc lĩnh vực này'),
});

const WebhookIdParams = z.strictObject({ id: z.uuid() });

const Delivery = z.object({
  id: z.string(),
  status: z.enum(['pending', 'delivered', 'failed']),
  attempts: z.number(),
  nextAttemptAt: z.string().nullable().describe('Lần gửi (lại) tiếp theo, khi còn chờ'),
  lastStatusCode: z.number().nullable(),
  lastError: z.string().nullable(),
  deliveredAt: z.string().nullable(),
  createdAt: z.string(),
  event: z.object({ id: z.string(), kind: z.string(), procedureCode: z.string(), procedureName: z.string(), decisionNumber: z.string() }),
});

export function catalogueFeedRoutes(ctx: HttpContext) {
  const { config } = ctx;
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();

    r.get(
      '/catalogue/feed.atom',
      {
        config: { access: 'public' },
        schema: {
          tags: ['catalogue'],
          summary: `Nguồn tin Atom: ${FEED_SIZE} thay đổi mới nhất của danh mục thủ tục (công bố mới, sửa đổi, thay thế, bãi bỏ)`,
          querystring: z.strictObject({
            unit: text(40).optional().describe('Thay đổi của thủ tục do đơn vị này (hoặc đơn vị trực thuộc) thực hiện'),
            field: text(40).optional().describe('Mã lĩnh vực'),
          }),
          response: {
            200: { description: 'Atom 1.0 (RFC 4287)', content: { 'application/atom+xml': { schema: z.string() } } },
            400: ErrorResponse,
            404: ErrorResponse,
          },
        },
      },
      async (request, reply) => {
        const { unit, field } = request.query;
        const events = unwrap(await latestCatalogueEvents(ctx.deps, { unit, field, limit: FEED_SIZE }));
        const tree = ctx.deps.units.tree();
        const province = tree.children(null)[0]?.name ?? 'motcua';
        const query = new URLSearchParams([...(unit !== undefined ? [['unit', unit]] : []), ...(field !== undefined ? [['field', field]] : [])]).toString();
        const filters = [
          ...(unit !== undefined ? [tree.find(unit)?.name ?? unit] : []),
          ...(field !== undefined ? [`lĩnh vực ${ctx.deps.catalogue.fieldName(field) ?? field}`] : []),
        ];
        const xml = renderAtomFeed({
          publicUrl: config.publicUrl,
          selfPath: `/api/v1/catalogue/feed.atom${query ? `?${query}` : ''}`,
          title: ['Thay đổi thủ tục hành chính', province, ...filters].join(' – '),
          author: province,
          events,
          fieldName: (code) => ctx.deps.catalogue.fieldName(code),
          now: ctx.deps.clock(),
        });
        // Public data: feed readers may cache it for a few minutes.
        return reply.header('cache-control', 'public, max-age=300').type('application/atom+xml; charset=utf-8').send(xml);
      },
    );

    r.post(
      '/webhooks',
      {
        config: { access: { capability: 'catalogue.manage' } },
        schema: {
          tags: ['catalogue'],
          summary: 'Đăng ký nhận thông báo thay đổi danh mục thủ tục qua webhook; khóa bí mật chỉ hiển thị một lần',
          body: WebhookBody,
          response: {
            201: Webhook.extend({ secret: z.string().describe('Khóa ký HMAC-SHA256: chỉ hiển thị lần này') }),
            400: ErrorResponse,
            401: ErrorResponse,
            403: ErrorResponse,
            404: ErrorResponse,
          },
        },
      },
      async (request, reply) => {
        const created = unwrap(await createWebhook(ctx.deps, { ...request.body, meta: requestMeta(request) }));
        return reply.code(201).send(created);
      },
    );

    r.get(
      '/webhooks',
      {
        config: { access: { capability: 'catalogue.manage' } },
        schema: {
          tags: ['catalogue'],
          summary: 'Các đăng ký webhook đang hoạt động (không kèm khóa bí mật)',
          response: { 200: z.object({ webhooks: z.array(Webhook) }), 401: ErrorResponse, 403: ErrorResponse },
        },
      },
      async (request) => ({ webhooks: unwrap(await listWebhooks(ctx.deps, { meta: requestMeta(request) })) }),
    );

    r.delete(
      '/webhooks/:id',
      {
        config: { access: { capability: 'catalogue.manage' } },
        schema: {
          tags: ['catalogue'],
          summary: 'Hủy đăng ký webhook (các lần gửi còn chờ bị hủy; nhật ký được giữ lại)',
          params: WebhookIdParams,
          response: { 200: z.object({ id: z.string() }), 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse },
        },
      },
      async (request) => unwrap(await deleteWebhook(ctx.deps, { id: request.params.id, meta: requestMeta(request) })),
    );

    r.get(
      '/webhooks/:id/deliveries',
      {
        config: { access: { capability: 'catalogue.manage' } },
        schema: {
          tags: ['catalogue'],
          summary: 'Nhật ký gửi thông báo của một đăng ký webhook, mới nhất trước',
          params: WebhookIdParams,
          querystring: z.strictObject({ limit: z.coerce.number().int().min(1).max(500).default(100) }),
          response: { 200: z.object({ deliveries: z.array(Delivery) }), 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse },
        },
      },
      async (request) => ({
        deliveries: unwrap(await listDeliveries(ctx.deps, { id: request.params.id, limit: request.query.limit, meta: requestMeta(request) })),
      }),
    );
  };
}
