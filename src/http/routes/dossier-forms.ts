/**
 * Dossier forms as real documents (TT 03/2025/TT-VPCP Appendix I): Mẫu 01–06 of one dossier as A4 PDFs
 * for whoever may see the dossier, and Mẫu 07, a unit's register for a period, as PDF or Excel. An applicant
 * (citizen or organisation) gets only the forms addressed to them (01–05) of their own dossier; the control
 * slip (06) is the offices' internal record.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { HttpContext } from '../context.js';
import { AppError, ErrorResponse, unwrap } from '../app-error.js';
import { requestMeta } from '../plugins/auth.js';
import { isoDate, text } from '../../application/text-schema.js';
import { DOSSIER_FORMS, FORM_TITLES } from '../../application/dossier/forms/form-basis.js';
import { dossierFormDocument } from '../../application/dossier/forms/dossier-form.js';
import { dossierRegister, registerDocument, registerFileName, registerWorkbook } from '../../application/dossier/forms/dossier-register.js';
import { renderOfficialDocument } from '../../infrastructure/pdf/official-document.js';
import { tableToXlsx } from '../../infrastructure/pdf/table-xlsx.js';
import { fileResponse, sendPdf, sendXlsx, XLSX_TYPE } from '../file-reply.js';
import { isOfficialRole } from '../../domain/access/roles.js';
import type { DossierForm } from '../../application/dossier/forms/form-basis.js';

/** The forms addressed to the applicant: receipt, supplement request, refusal, apology, stop notice. */
const APPLICANT_FORMS: ReadonlySet<DossierForm> = new Set<DossierForm>(['01', '02', '03', '04', '05']);

/** Registers per minute per client address: a year's register of a busy unit is a large document. */
const REGISTER_RATE_LIMIT = 20;

const formList = DOSSIER_FORMS.map((f) => `${f} ${FORM_TITLES[f]}`).join('; ');

const RegisterQuery = z.strictObject({
  from: isoDate.describe('Ngày tiếp nhận đầu kỳ (yyyy-MM-dd, giờ Việt Nam)'),
  to: isoDate.describe('Ngày tiếp nhận cuối kỳ (yyyy-MM-dd, giờ Việt Nam), tính cả ngày này'),
});

export function dossierFormRoutes(ctx: HttpContext) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();

    r.get(
      '/dossiers/:id/forms/:form.pdf',
      {
        config: { access: 'authenticated' },
        schema: {
          tags: ['dossiers'],
          summary: 'Biểu mẫu của hồ sơ theo Thông tư 03/2025/TT-VPCP (PDF khổ A4), cho người xem được hồ sơ',
          description: `Mẫu: ${formList}. Biểu mẫu chưa phát sinh (ví dụ chưa có yêu cầu bổ sung) → 404 FILE_NOT_FOUND, lý do trong details. Người nộp hồ sơ chỉ nhận các mẫu gửi cho mình (01–05); mẫu 06 → 403.`,
          params: z.strictObject({ id: z.uuid(), form: z.enum(DOSSIER_FORMS) }),
          response: { 200: fileResponse('application/pdf', 'Tệp PDF khổ A4'), 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse },
        },
      },
      async (request, reply) => {
        // The same answer for any dossier id, so that it tells nothing about dossiers that are not theirs.
        const actor = requestMeta(request).actor;
        if (actor && !isOfficialRole(actor.role) && !APPLICANT_FORMS.has(request.params.form)) throw new AppError('FORBIDDEN_ROLE');
        const document = unwrap(await dossierFormDocument(ctx.deps, { id: request.params.id, form: request.params.form, meta: requestMeta(request), publicUrl: ctx.config.publicUrl }));
        return sendPdf(reply, await renderOfficialDocument(document.model), document.fileName);
      },
    );

    const registerSchema = (mediaType: string, description: string) => ({
      tags: ['dossiers'],
      summary: `Sổ theo dõi hồ sơ (Mẫu số 07) của một đơn vị trong một kỳ, ${description}`,
      params: z.strictObject({ code: text(40).trim().min(1) }),
      querystring: RegisterQuery,
      response: { 200: fileResponse(mediaType, description), 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 429: ErrorResponse },
    });
    const registerConfig = { access: { capability: 'units.view' }, rateLimit: { max: REGISTER_RATE_LIMIT, timeWindow: 60_000 } } as const;

    r.get('/units/:code/dossier-register.pdf', { config: registerConfig, schema: registerSchema('application/pdf', 'tệp PDF khổ A4 ngang') }, async (request, reply) => {
      const register = unwrap(await dossierRegister(ctx.deps, { unitCode: request.params.code, ...request.query, meta: requestMeta(request) }));
      return sendPdf(reply, await renderOfficialDocument(registerDocument(register)), registerFileName(register, 'pdf'));
    });

    r.get('/units/:code/dossier-register.xlsx', { config: registerConfig, schema: registerSchema(XLSX_TYPE, 'tệp Excel') }, async (request, reply) => {
      const register = unwrap(await dossierRegister(ctx.deps, { unitCode: request.params.code, ...request.query, meta: requestMeta(request) }));
      return sendXlsx(reply, await tableToXlsx(registerWorkbook(register)), registerFileName(register, 'xlsx'));
    });
  };
}
