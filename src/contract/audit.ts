/** What crosses the wire for the audit trail: one page of records, newest first, and its filters. */
import { z } from 'zod';
import { isoDate } from './text.js';

export const AuditRecord = z.object({
  seq: z.number().int(),
  /** ISO instant. */
  at: z.string(),
  actorName: z.string().nullable(),
  actorUsername: z.string().nullable().describe('Tên đăng nhập của cán bộ; không có với công dân'),
  role: z.string().nullable(),
  unitCode: z.string().nullable(),
  action: z.string(),
  /** 'dossier', 'user', 'unit', 'publication_decision'…; null when the action has no target. */
  targetType: z.string().nullable(),
  targetLabel: z.string().nullable().describe('Mã hồ sơ, tên chủ tài khoản, số quyết định…; không phải mã nội bộ'),
});
export type AuditRecord = z.infer<typeof AuditRecord>;

/** GET /audit */
export const AuditQuery = z.strictObject({
  limit: z.coerce.number<number>().int().min(1).max(500).default(50),
  beforeSeq: z.coerce.number<number>().int().min(1).optional().describe('nextBeforeSeq của trang trước'),
  unit: z
    .string()
    .regex(/^\d{3}\.\d{2}\.\d{2}\.[A-Z]\d{2}$/, 'Mã đơn vị không hợp lệ')
    .optional()
    .describe('Đơn vị (kể cả đơn vị trực thuộc)'),
  official: z.string().trim().min(1).max(100).optional().describe('Một phần họ tên hoặc tên đăng nhập của cán bộ'),
  action: z
    .string()
    .regex(/^[a-z_]+\.[A-Za-z_]+$/, 'Mã thao tác không hợp lệ')
    .max(60)
    .optional(),
  from: isoDate.optional().describe('Từ ngày (giờ Việt Nam)'),
  to: isoDate.optional().describe('Đến ngày (giờ Việt Nam), kể cả ngày này'),
});
export type AuditQuery = z.input<typeof AuditQuery>;

export const AuditPage = z.object({
  records: z.array(AuditRecord),
  /** Where the next (older) page starts; null on the last page. */
  nextBeforeSeq: z.number().int().nullable(),
});
export type AuditPage = z.infer<typeof AuditPage>;
