/**
 * What crosses the wire for the catalogue as a whole (issue 16: one contract from the database to the browser):
 * the bulk export and import, and the change notifications (Atom feed, webhooks). One procedure's shapes are
 * in ./procedure.ts, publication decisions in ./publication.ts. The route validates and documents with these
 * schemas, the use case returns their types, and the web app's API client is typed from them.
 */
import { z } from 'zod';
import { ProcedureField, ProcedureRecord } from './procedure.js';
import { isoDate, text } from './text.js';

/** GET /api/v1/procedures/export and export.xlsx: the query string. */
export const CatalogueExportQuery = z.strictObject({ at: isoDate.optional() });
export type CatalogueExportQuery = z.infer<typeof CatalogueExportQuery>;

/** GET /api/v1/procedures/export: a file POST /procedures/import reads back. */
export const CatalogueExport = z.object({
  format: z.literal('motcua.catalogue'),
  version: z.literal(1),
  /** The day whose versions in force were exported (yyyy-MM-dd). */
  at: z.string(),
  fields: z.array(ProcedureField),
  procedures: z.array(ProcedureRecord),
});
export type CatalogueExport = z.infer<typeof CatalogueExport>;

/** POST /api/v1/procedures/import: the query string (the decision's header, unless a dry run). */
export const CatalogueImportQuery = z.strictObject({
  dryRun: z.enum(['true', 'false']).default('false').describe('true: chỉ kiểm tra, không lập dự thảo'),
  decisionNumber: text(100).trim().min(1).optional(),
  issuedOn: isoDate.optional(),
  signer: text(200).trim().min(1).optional(),
  unitCode: text(40).optional(),
  effectiveFrom: isoDate.optional(),
});
export type CatalogueImportQuery = z.infer<typeof CatalogueImportQuery>;

export const ImportProblem = z.object({
  /** 1-based position in the JSON array, or the Excel row. */
  row: z.number(),
  sheet: z.string().nullable(),
  code: z.string().nullable(),
  path: z.string().nullable(),
  message: z.string(),
});
export type ImportProblem = z.infer<typeof ImportProblem>;

export const ImportReport = z.object({
  total: z.number(),
  valid: z.number(),
  invalid: z.number(),
  new: z.number(),
  amended: z.number(),
  unchanged: z.number(),
  problems: z.array(ImportProblem),
  /** The draft decision holding the new and amended records; null for a dry run or when nothing changed. */
  decisionId: z.string().nullable(),
});
export type ImportReport = z.infer<typeof ImportReport>;

/** GET /api/v1/catalogue/feed.atom: the query string. */
export const CatalogueFeedQuery = z.strictObject({
  unit: text(40).optional().describe('Thay đổi của thủ tục do đơn vị này (hoặc đơn vị trực thuộc) thực hiện'),
  field: text(40).optional().describe('Mã lĩnh vực'),
});
export type CatalogueFeedQuery = z.infer<typeof CatalogueFeedQuery>;

export const Webhook = z
  .object({
    id: z.string(),
    url: z.string(),
    unitCode: z.string().nullable(),
    fieldCode: z.string().nullable(),
    createdAt: z.string(),
    deliveries: z.object({ pending: z.number(), delivered: z.number(), failed: z.number() }),
  })
  .meta({ id: 'Webhook' });
export type Webhook = z.infer<typeof Webhook>;

/** POST /api/v1/webhooks: the secret is shown this once. */
export const WebhookCreated = Webhook.extend({ secret: z.string().describe('Khóa ký HMAC-SHA256: chỉ hiển thị lần này') });
export type WebhookCreated = z.infer<typeof WebhookCreated>;

export const WebhookList = z.object({ webhooks: z.array(Webhook) });
export type WebhookList = z.infer<typeof WebhookList>;

export const WebhookBody = z.strictObject({
  url: text(2000)
    .trim()
    .pipe(z.url({ protocol: /^https?$/, error: 'Địa chỉ phải là URL http:// hoặc https://' }))
    .describe('Địa chỉ nhận thông báo (POST JSON, ký bằng HMAC-SHA256 trong X-Motcua-Signature)'),
  unitCode: text(40).trim().min(1).nullable().default(null).describe('Chỉ thông báo thay đổi của thủ tục do đơn vị này (hoặc đơn vị trực thuộc) thực hiện'),
  fieldCode: text(40).trim().min(1).nullable().default(null).describe('Chỉ thông báo thay đổi của thủ tục thuộc lĩnh vực này'),
});
export type WebhookBody = z.infer<typeof WebhookBody>;
export type WebhookInput = z.input<typeof WebhookBody>;

export const WebhookIdParams = z.strictObject({ id: z.uuid() });
export type WebhookIdParams = z.infer<typeof WebhookIdParams>;

export const WebhookDeleted = z.object({ id: z.string() });
export type WebhookDeleted = z.infer<typeof WebhookDeleted>;

/** GET /api/v1/webhooks/{id}/deliveries: the query string. */
export const DeliveryQuery = z.strictObject({ limit: z.coerce.number().int().min(1).max(500).default(100) });
export type DeliveryQuery = z.infer<typeof DeliveryQuery>;

export const Delivery = z.object({
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
export type Delivery = z.infer<typeof Delivery>;

export const DeliveryList = z.object({ deliveries: z.array(Delivery) });
export type DeliveryList = z.infer<typeof DeliveryList>;
