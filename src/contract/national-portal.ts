/**
 * What crosses the wire for the live sync with the national portal (issue 21; routes in
 * src/http/routes/national-sync.ts): the sync report per unit, the dossiers parked with their error, the mapping of
 * statuses and units to the portal's codes, reconciliation runs, and the page of connected systems.
 */
import { z } from 'zod';
import { isoDate, text } from './text.js';
import { PORTAL_STATUS_CODES } from '../domain/national-sync/status-mapping.js';
import { DOSSIER_STATUSES } from '../domain/dossier/dossier.js';

export const PortalSyncReportQuery = z.object({
  from: isoDate.describe('Từ ngày tiếp nhận (giờ Việt Nam)'),
  to: isoDate.describe('Đến ngày tiếp nhận (giờ Việt Nam), kể cả ngày này'),
});

export const PortalReconciliation = z
  .object({
    id: z.string(),
    startedAt: z.iso.datetime(),
    finishedAt: z.iso.datetime().nullable(),
    trigger: z.enum(['schedule', 'button']),
    checked: z.number().int(),
    missing: z.number().int().describe('Cổng không có hồ sơ đã được xác nhận trước đó'),
    stale: z.number().int().describe('Cổng có bản cũ (trạng thái, ngày hoặc quá trình xử lý khác)'),
    resent: z.number().int(),
    error: z.string().nullable(),
  })
  .meta({ id: 'PortalReconciliation' });

export const PortalSyncUnitRow = z.object({
  unitCode: z.string(),
  unitName: z.string(),
  received: z.number().int().describe('Hồ sơ tiếp nhận trong kỳ'),
  synced: z.number().int().describe('…đã được Cổng xác nhận kèm ngày tiếp nhận (chỉ số 1.4)'),
  pending: z.number().int().describe('…có thay đổi chưa gửi hoặc chưa được xác nhận'),
  failed: z.number().int().describe('…bị Cổng từ chối nhiều lần, đang chờ xử lý'),
  lastError: z.string().nullable(),
});

export const PortalSyncReport = z
  .object({
    configured: z.boolean().describe('Đã cấu hình kết nối Cổng DVCQG (NATIONAL_PORTAL)'),
    queue: z.object({
      pending: z.number().int(),
      inDoubt: z.number().int().describe('Đã gửi nhưng chưa biết Cổng đã ghi hay chưa; lần sau tra cứu trước khi gửi'),
      parked: z.number().int(),
      oldestPendingAt: z.iso.datetime().nullable(),
      lagSeconds: z.number().int(),
      lastAckedAt: z.iso.datetime().nullable(),
      lastError: z.string().nullable(),
    }),
    units: z.array(PortalSyncUnitRow),
    lastReconciliation: PortalReconciliation.nullable(),
  })
  .meta({ id: 'PortalSyncReport' });

export const ParkedSync = z
  .object({
    dossierId: z.string(),
    code: z.string(),
    unitCode: z.string(),
    attempts: z.number().int(),
    lastError: z.string().nullable(),
    parkedAt: z.iso.datetime(),
  })
  .meta({ id: 'ParkedSync' });
export const ParkedSyncList = z.object({ items: z.array(ParkedSync) });

export const PortalMappingBody = z
  .object({
    statuses: z
      .array(
        z.object({
          status: z.enum(DOSSIER_STATUSES),
          subStatus: text(40).describe('Thao tác dẫn tới trạng thái (transfer, approve…); rỗng: mọi thao tác'),
          portalCode: z.enum(PORTAL_STATUS_CODES),
        }),
      )
      .max(500),
    agencies: z.array(z.object({ unitCode: text(40).min(1), agencyId: text(40).trim().min(1) })).max(5000),
    version: z.string().describe('Phiên bản đã đọc (GET); nếu người khác vừa sửa, yêu cầu bị từ chối'),
  })
  .meta({ id: 'PortalMappingBody' });

export const PortalMapping = z
  .object({
    statuses: PortalMappingBody.shape.statuses,
    agencies: PortalMappingBody.shape.agencies,
    builtIn: z.array(z.object({ status: z.enum(DOSSIER_STATUSES), label: z.string(), portalCode: z.enum(PORTAL_STATUS_CODES) })),
    version: z.string(),
  })
  .meta({ id: 'PortalMapping' });

export const Connection = z
  .object({
    system: z.string(),
    name: z.string(),
    state: z.enum(['ok', 'degraded', 'down', 'off']),
    stateLabel: z.string(),
    detail: z.string(),
    queueDepth: z.number().int().nullable(),
    lagSeconds: z.number().int().nullable(),
    errorRate: z.number().nullable().describe('Tỷ lệ lỗi trong 24 giờ qua (0–1)'),
    lastSuccessAt: z.iso.datetime().nullable(),
  })
  .meta({ id: 'Connection' });
export const ConnectionList = z.object({ connected: z.number().int(), total: z.number().int(), items: z.array(Connection) }).meta({ id: 'ConnectionList' });

export type PortalSyncReport = z.infer<typeof PortalSyncReport>;
export type PortalReconciliation = z.infer<typeof PortalReconciliation>;
export type PortalMapping = z.infer<typeof PortalMapping>;
export type PortalMappingBody = z.infer<typeof PortalMappingBody>;
export type ParkedSync = z.infer<typeof ParkedSync>;
export type Connection = z.infer<typeof Connection>;
export type ConnectionList = z.infer<typeof ConnectionList>;
