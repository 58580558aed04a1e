/**
 * What crosses the wire for the documents and reports made of dossiers: the printed forms of one dossier and a
 * unit's register (src/http/routes/dossier-forms.ts), the export in the national sync format (dossier-sync.ts;
 * its records are the national portal's HoSoDongBoDVC, application/dossier/sync-format.ts), and where lateness
 * happened (lateness.ts).
 */
import { z } from 'zod';
import { isoDate, text } from './text.js';

/** The forms of one dossier (TT 03/2025/TT-VPCP, Mẫu 01–06). */
import { DOSSIER_FORMS, type DossierFormNumber } from '../domain/dossier/vocabulary.js';

export { DOSSIER_FORMS, type DossierFormNumber };

/** GET /api/v1/dossiers/{id}/forms/{form}.pdf */
export const DossierFormParams = z.strictObject({ id: z.uuid(), form: z.enum(DOSSIER_FORMS) });
export type DossierFormParams = z.infer<typeof DossierFormParams>;

/** GET /api/v1/units/{code}/dossier-register.{pdf,xlsx} */
export const DossierRegisterParams = z.strictObject({ code: text(40).trim().min(1) });
export type DossierRegisterParams = z.input<typeof DossierRegisterParams>;

export const DossierRegisterQuery = z.strictObject({
  from: isoDate.describe('Ngày tiếp nhận đầu kỳ (yyyy-MM-dd, giờ Việt Nam)'),
  to: isoDate.describe('Ngày tiếp nhận cuối kỳ (yyyy-MM-dd, giờ Việt Nam), tính cả ngày này'),
});
export type DossierRegisterQuery = z.input<typeof DossierRegisterQuery>;

/** GET /api/v1/dossiers/export?from=…&to=… */
export const DossierExportQuery = z.strictObject({ from: isoDate, to: isoDate });
export type DossierExportQuery = z.input<typeof DossierExportQuery>;

/** GET /api/v1/scorecard/lateness?unit=…&from=…&to=… */
export const LatenessQuery = z.strictObject({
  unit: text(40).trim().min(1),
  from: isoDate,
  to: isoDate.describe('Ngày cuối kỳ (yyyy-MM-dd), tính cả ngày này'),
});
export type LatenessQuery = z.input<typeof LatenessQuery>;

/** A unit, or an official of it, whose steps of late dossiers overran their budget. */
export const LatenessRow = z.object({
  unitCode: z.string(),
  unitName: z.string(),
  officialId: z.string().nullable(),
  officialName: z.string().nullable(),
  dossiers: z.number().describe('Số hồ sơ trễ hạn có bước của đơn vị (cán bộ) vượt định mức'),
  steps: z.number().describe('Số bước vượt định mức'),
  overrunHours: z.number().describe('Tổng số giờ làm việc vượt định mức'),
});
export type LatenessRow = z.infer<typeof LatenessRow>;

export const LatenessSummary = z.object({
  unit: z.string(),
  from: z.string(),
  to: z.string(),
  lateDossiers: z.number(),
  withoutOverrun: z.number().describe('Hồ sơ trễ hạn mà không bước nào vượt định mức'),
  withoutOverrunByUnit: z.array(z.object({ unitCode: z.string(), unitName: z.string(), dossiers: z.number() })),
  units: z.array(LatenessRow),
  officials: z.array(LatenessRow),
});
export type LatenessSummary = z.infer<typeof LatenessSummary>;
