/** Catalogue change notifications: the public Atom feed, and webhook subscriptions with their delivery log. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { HttpContext } from '../context.js';
import { ErrorResponse, unwrap } from '../app-error.js';
import { requestMeta } from '../plugins/auth.js';
import { latestCatalogueEvents, renderAtomFeed } from '../../application/catalogue/catalogue-feed.js';
import { createWebhook } from '../../application/catalogue/create-webhook.js';
import { deleteWebhook } from '../../application/catalogue/delete-webhook.js';
import { listDeliveries } from '../../application/catalogue/list-webhook-deliveries.js';
import { listWebhooks } from '../../application/catalogue/list-webhooks.js';
import {
  CatalogueFeedQuery,
  DeliveryList,
  DeliveryQuery,
  WebhookBody,
  WebhookCreated,
  WebhookDeleted,
  WebhookIdParams,
  WebhookList,
} from '../../contract/catalogue.js';

const FEED_SIZE = 100;

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
          querystring: CatalogueFeedQuery,
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
            201: WebhookCreated,
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
          response: { 200: WebhookList, 401: ErrorResponse, 403: ErrorResponse },
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
          response: { 200: WebhookDeleted, 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse },
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
          querystring: DeliveryQuery,
          response: { 200: DeliveryList, 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse },
        },
      },
      async (request) => ({
        deliveries: unwrap(await listDeliveries(ctx.deps, { id: request.params.id, limit: request.query.limit, meta: requestMeta(request) })),
      }),
    );
  };
}
