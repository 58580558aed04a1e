/** Bulk catalogue export (JSON, XLSX) and import into a draft publication decision. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { HttpContext } from '../context.js';
import { AppError, ErrorResponse, unwrap } from '../app-error.js';
import { requestMeta } from '../plugins/auth.js';
import { exportCatalogue, importCatalogue } from '../../application/catalogue/catalogue-transfer.js';
import { readCatalogueFile } from '../../application/catalogue/read-catalogue-file.js';
import { exportCatalogueWorkbook } from '../../application/catalogue/export-catalogue-file.js';
import { vietnamDate } from '../../domain/calendar/vietnam-time.js';
import { CatalogueExport, CatalogueExportQuery, CatalogueImportQuery, ImportReport } from '../../contract/catalogue.js';
import { fileResponse, sendFile, XLSX_TYPE } from '../file-reply.js';

export function catalogueTransferRoutes(ctx: HttpContext) {
  const today = () => vietnamDate(ctx.deps.clock());
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    // Excel files arrive as raw bytes (only in this plugin's scope).
    app.addContentTypeParser(XLSX_TYPE, { parseAs: 'buffer' }, (_request, body, done) => done(null, body));

    r.get(
      '/procedures/export',
      {
        config: { access: 'public' },
        schema: {
          tags: ['catalogue'],
          summary: 'Xuất toàn bộ danh mục thủ tục đang có hiệu lực (JSON; nhập lại được bằng POST /procedures/import)',
          querystring: CatalogueExportQuery,
          response: {
            200: CatalogueExport,
            400: ErrorResponse,
          },
        },
      },
      async (request) => exportCatalogue(ctx.deps.catalogue, request.query.at ?? today()),
    );

    r.get(
      '/procedures/export.xlsx',
      {
        config: { access: 'public' },
        schema: {
          tags: ['catalogue'],
          summary: 'Xuất danh mục thủ tục đang có hiệu lực ra tệp Excel (mỗi phần của thủ tục một trang tính)',
          querystring: CatalogueExportQuery,
          response: {
            200: fileResponse(XLSX_TYPE, 'Tệp Excel'),
            400: ErrorResponse,
          },
        },
      },
      async (request, reply) => {
        return sendFile(reply, await exportCatalogueWorkbook(ctx.deps, request.query.at ?? today()));
      },
    );

    r.post(
      '/procedures/import',
      {
        config: { access: { capability: 'catalogue.manage' } },
        bodyLimit: 20 * 1024 * 1024,
        schema: {
          tags: ['catalogue'],
          summary: 'Nhập danh mục từ tệp JSON hoặc Excel: kiểm tra từng dòng, lập dự thảo quyết định công bố cho các thủ tục mới và sửa đổi',
          consumes: ['application/json', XLSX_TYPE],
          querystring: CatalogueImportQuery,
          body: z.unknown(),
          response: {
            200: ImportReport,
            400: ErrorResponse,
            401: ErrorResponse,
            403: ErrorResponse,
            404: ErrorResponse,
            409: ErrorResponse,
            413: ErrorResponse,
            415: ErrorResponse,
          },
        },
      },
      async (request) => {
        const q = request.query;
        const dryRun = q.dryRun === 'true';
        if (!dryRun && (!q.decisionNumber || !q.issuedOn || !q.signer || !q.effectiveFrom)) {
          throw new AppError('VALIDATION_FAILED', [
            { path: 'querystring', message: 'Cần số quyết định, ngày ban hành, người ký và ngày có hiệu lực (hoặc dryRun=true)' },
          ]);
        }
        const { records, readProblems } = unwrap(await readCatalogueFile(request.body));
        const province =
          ctx.deps.units
            .tree()
            .all()
            .find((u) => u.level === 'province' && u.parentCode === null)?.code ?? '';
        const decision =
          dryRun || !q.decisionNumber || !q.issuedOn || !q.signer || !q.effectiveFrom
            ? null
            : { number: q.decisionNumber, issuedOn: q.issuedOn, signer: q.signer, unitCode: q.unitCode ?? province, effectiveFrom: q.effectiveFrom };
        return unwrap(await importCatalogue(ctx.deps, { records, readProblems, decision, meta: requestMeta(request) }));
      },
    );
  };
}
