/** GET /api/v1/dossiers/export: dossiers submitted in a period, in the national sync format (CONTRACT). */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { HttpContext } from '../context.js';
import { ErrorResponse, unwrap } from '../app-error.js';
import { requestMeta } from '../plugins/auth.js';
import { exportDossiers, MAX_API_PERIOD_DAYS } from '../../application/dossier/sync-export.js';
import { SyncDossierSchema } from '../../contract/national-sync.js';
import { DossierExportQuery } from '../../contract/dossier-reports.js';

export function dossierSyncRoutes(ctx: HttpContext) {
  return async (app: FastifyInstance) => {
    app.withTypeProvider<ZodTypeProvider>().get(
      '/dossiers/export',
      {
        config: { access: { capability: 'audit.view' } },
        schema: {
          tags: ['dossiers'],
          summary: `Xuất hồ sơ nộp trong khoảng ngày (NgayNopHoSo, giờ Việt Nam; tối đa ${MAX_API_PERIOD_DAYS} ngày) theo định dạng đồng bộ HoSoDongBoDVC của Cổng DVC quốc gia; chỉ hồ sơ của các đơn vị thuộc phạm vi người xem`,
          querystring: DossierExportQuery,
          response: { 200: z.array(SyncDossierSchema), 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse },
        },
      },
      async (request) =>
        unwrap(await exportDossiers(ctx.deps, { from: request.query.from, to: request.query.to, publicUrl: ctx.config.publicUrl, meta: requestMeta(request) })),
    );
  };
}
