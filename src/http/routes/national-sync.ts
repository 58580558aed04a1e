/**
 * The live sync with the national portal (issue 21): its report per unit, the dossiers parked with their error and
 * a retry, reconciliation on demand, the mapping of statuses and units to the portal's codes, and the page of
 * connected systems.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requestMeta } from '../plugins/auth.js';
import { ErrorResponse, unwrap } from '../app-error.js';
import type { HttpContext } from '../context.js';
import { DossierIdParams } from '../../contract/dossier.js';
import {
  ConnectionList,
  ParkedSyncList,
  PortalMapping,
  PortalMappingBody,
  PortalReconciliation,
  PortalSyncReport,
  PortalSyncReportQuery,
} from '../../contract/national-portal.js';
import { portalSyncReport } from '../../application/national-sync/portal-sync-report.js';
import { listParkedSyncs, retryParkedSync } from '../../application/national-sync/parked-syncs.js';
import { getPortalMapping, savePortalMapping } from '../../application/national-sync/save-portal-mapping.js';
import { listConnections } from '../../application/national-sync/list-connections.js';
import { reconcileNow } from '../../application/national-sync/reconcile-now.js';

const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse, 422: ErrorResponse };

export function nationalSyncRoutes(ctx: HttpContext) {
  const deps = ctx.deps;
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const tags = ['national-sync'];

    r.get(
      '/national-sync/report',
      {
        config: { access: { capability: 'audit.view' } },
        schema: {
          tags,
          summary: 'Đồng bộ hồ sơ lên Cổng Dịch vụ công quốc gia: hàng đợi và số liệu theo đơn vị (chỉ số 1.4)',
          querystring: PortalSyncReportQuery,
          response: { 200: PortalSyncReport, ...errors },
        },
      },
      async (request) =>
        unwrap(await portalSyncReport({ ...deps, portalConfigured: deps.nationalPortal !== null }, { ...request.query, meta: requestMeta(request) })),
    );

    r.get(
      '/national-sync/parked',
      {
        config: { access: { capability: 'audit.view' } },
        schema: { tags, summary: 'Hồ sơ bị Cổng từ chối nhiều lần, chờ người xử lý', response: { 200: ParkedSyncList, ...errors } },
      },
      async (request) => unwrap(await listParkedSyncs(deps, { meta: requestMeta(request) })),
    );

    r.post(
      '/national-sync/parked/:id/retry',
      {
        config: { access: { capability: 'integrations.manage' } },
        schema: {
          tags,
          summary: 'Gửi lại một hồ sơ bị Cổng từ chối',
          params: DossierIdParams,
          response: { 200: z.object({ retried: z.literal(true) }), ...errors },
        },
      },
      async (request) => unwrap(await retryParkedSync(deps, { dossierId: request.params.id, meta: requestMeta(request) })),
    );

    r.post(
      '/national-sync/reconcile',
      {
        config: { access: { capability: 'integrations.manage' } },
        schema: {
          tags,
          summary: 'Đối soát ngay với Cổng (TraCuuHoSo): gửi lại hồ sơ Cổng không có hoặc có bản cũ',
          response: { 200: PortalReconciliation, ...errors, 503: ErrorResponse },
        },
      },
      async (request) => unwrap(await reconcileNow({ ...deps, publicUrl: ctx.config.publicUrl }, { meta: requestMeta(request) })),
    );

    r.get(
      '/national-sync/mapping',
      {
        config: { access: { capability: 'audit.view' } },
        schema: { tags, summary: 'Bảng ánh xạ trạng thái và mã đơn vị với Cổng', response: { 200: PortalMapping, ...errors } },
      },
      async (request) => unwrap(await getPortalMapping(deps, { meta: requestMeta(request) })),
    );

    r.put(
      '/national-sync/mapping',
      {
        config: { access: { capability: 'integrations.manage' } },
        schema: { tags, summary: 'Thay bảng ánh xạ (theo phiên bản đã đọc)', body: PortalMappingBody, response: { 200: PortalMapping, ...errors } },
      },
      async (request) => unwrap(await savePortalMapping(deps, { body: request.body, meta: requestMeta(request) })),
    );

    r.get(
      '/system/connections',
      {
        config: { access: { capability: 'audit.view' } },
        schema: { tags: ['system'], summary: 'Các hệ thống kết nối: trạng thái, hàng đợi, độ trễ, tỷ lệ lỗi', response: { 200: ConnectionList, ...errors } },
      },
      async (request) => unwrap(await listConnections(deps, { meta: requestMeta(request) })),
    );
  };
}
