/**
 * The catalogue and the national portal (issue 21 items 5 and 6), for the catalogue team (catalogue.manage): the
 * notices of procedures a ministry changed on the national procedure database with their draft amendment, marking
 * one handled, reading the national catalogue now, and what is sent to the portal (procedures made public, ratings).
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { requestMeta } from '../plugins/auth.js';
import { ErrorResponse, unwrap } from '../app-error.js';
import type { HttpContext } from '../context.js';
import {
  CataloguePull,
  NationalCatalogueOutbox,
  NationalNotice,
  NationalNoticeIdParams,
  NationalNoticeList,
  NationalNoticeQuery,
} from '../../contract/national-catalogue.js';
import { listNationalNotices } from '../../application/national-catalogue/list-national-notices.js';
import { handleNationalNotice } from '../../application/national-catalogue/handle-national-notice.js';
import { pullCatalogueNow } from '../../application/national-catalogue/pull-catalogue-now.js';
import { listCatalogueOutbox } from '../../application/national-catalogue/list-catalogue-outbox.js';

const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse };

export function nationalCatalogueRoutes(ctx: HttpContext) {
  const deps = ctx.deps;
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const tags = ['national-catalogue'];
    const access = { capability: 'catalogue.manage' } as const;

    r.get(
      '/national-catalogue/notices',
      {
        config: { access },
        schema: {
          tags,
          summary: 'Thủ tục bộ, ngành đã thay đổi trên CSDL quốc gia về TTHC: những gì khác với bản của tỉnh, dự thảo quyết định sửa đổi',
          querystring: NationalNoticeQuery,
          response: { 200: NationalNoticeList, ...errors },
        },
      },
      async (request) => unwrap(await listNationalNotices(deps, { ...request.query, meta: requestMeta(request) })),
    );

    r.post(
      '/national-catalogue/notices/:id/handled',
      {
        config: { access },
        schema: { tags, summary: 'Đánh dấu đã xử lý một thông báo thay đổi', params: NationalNoticeIdParams, response: { 200: NationalNotice, ...errors } },
      },
      async (request) => unwrap(await handleNationalNotice(deps, { id: request.params.id, meta: requestMeta(request) })),
    );

    r.post(
      '/national-catalogue/pull',
      {
        config: { access },
        schema: {
          tags,
          summary: 'Đọc ngay thay đổi trên CSDL quốc gia (LayDanhSachTTHC, LayThuTuc), như việc chạy hằng ngày',
          response: { 200: CataloguePull, ...errors, 503: ErrorResponse },
        },
      },
      async (request) => unwrap(await pullCatalogueNow(deps, { meta: requestMeta(request) })),
    );

    r.get(
      '/national-catalogue/outbox',
      {
        config: { access },
        schema: {
          tags,
          summary: 'Gửi lên Cổng: thủ tục chờ công khai trên CSDL quốc gia (chỉ số 1.2), các tháng kết quả đánh giá',
          response: { 200: NationalCatalogueOutbox, ...errors },
        },
      },
      async (request) => unwrap(await listCatalogueOutbox({ ...deps, portalConfigured: deps.nationalPortal !== null }, { meta: requestMeta(request) })),
    );
  };
}
