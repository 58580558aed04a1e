/**
 * Printed catalogue for the one-stop desks: QR codes of a procedure's public page (SVG, PNG) and the
 * A4 listing a unit posts on its notice board (PDF), grouped by field, each row with a QR code.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { HttpContext } from '../context.js';
import { ErrorResponse, unwrap } from '../app-error.js';
import { fileResponse, sendFile } from '../file-reply.js';
import { unitListingPrinter } from '../../application/catalogue/print-unit-listing.js';
import { procedureQrCode, QR_PNG_MAX_SIZE, QR_PNG_MIN_SIZE } from '../../application/catalogue/procedure-qr-code.js';
import { ProcedureCodeParams, qrPngQuery } from '../../contract/procedure.js';
import { UnitListingParams } from '../../contract/unit.js';

/** A code's QR image changes only if the public URL does. */
const QR_CACHE_CONTROL = 'public, max-age=3600';
/** Listings per minute per client address. */
const LISTING_RATE_LIMIT = 20;

export function cataloguePrintRoutes(ctx: HttpContext) {
  const printUnitListing = unitListingPrinter(ctx.deps, ctx.config.publicUrl);
  const qr = async (code: string, format: 'svg' | 'png', size?: number) =>
    unwrap(await procedureQrCode(ctx.deps, { code, publicUrl: ctx.config.publicUrl, format, ...(size ? { size } : {}) }));

  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();

    r.get(
      '/procedures/:code/qr.svg',
      {
        config: { access: 'public' },
        schema: {
          tags: ['catalogue'],
          summary: 'Mã QR (SVG) dẫn tới trang công khai của thủ tục trên Cổng dịch vụ công',
          params: ProcedureCodeParams,
          response: { 200: fileResponse('image/svg+xml', 'Ảnh SVG của mã QR'), 400: ErrorResponse, 404: ErrorResponse },
        },
      },
      async (request, reply) => {
        const svg = await qr(request.params.code, 'svg');
        return reply.header('cache-control', QR_CACHE_CONTROL).type(svg.contentType).send(svg.bytes);
      },
    );

    r.get(
      '/procedures/:code/qr.png',
      {
        config: { access: 'public' },
        schema: {
          tags: ['catalogue'],
          summary: 'Mã QR (PNG) dẫn tới trang công khai của thủ tục trên Cổng dịch vụ công',
          params: ProcedureCodeParams,
          querystring: qrPngQuery(QR_PNG_MIN_SIZE, QR_PNG_MAX_SIZE),
          response: { 200: fileResponse('image/png', 'Ảnh PNG của mã QR'), 400: ErrorResponse, 404: ErrorResponse },
        },
      },
      async (request, reply) => {
        const png = await qr(request.params.code, 'png', request.query.size);
        return reply.header('cache-control', QR_CACHE_CONTROL).type(png.contentType).send(png.bytes);
      },
    );

    r.get(
      '/units/:code/procedures.pdf',
      {
        // Drawing a large unit's listing takes a second of CPU; nobody prints twenty a minute.
        config: { access: 'public', rateLimit: { max: LISTING_RATE_LIMIT, timeWindow: 60_000 } },
        schema: {
          tags: ['catalogue'],
          summary: 'Danh mục thủ tục hành chính của một đơn vị (PDF khổ A4 để niêm yết), theo lĩnh vực, kèm mã QR',
          params: UnitListingParams,
          response: { 200: fileResponse('application/pdf', 'Tệp PDF khổ A4'), 400: ErrorResponse, 404: ErrorResponse, 429: ErrorResponse },
        },
      },
      async (request, reply) => sendFile(reply, unwrap(await printUnitListing(request.params.code))),
    );
  };
}
