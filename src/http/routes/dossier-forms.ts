/**
 * Dossier forms as real documents (TT 03/2025/TT-VPCP Appendix I): Mẫu 01–06 of one dossier as A4 PDFs
 * for whoever may see the dossier, and Mẫu 07, a unit's register for a period, as PDF or Excel. An applicant
 * (citizen or organisation) gets only the forms addressed to them (01–05) of their own dossier; the control
 * slip (06) is the offices' internal record.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { HttpContext } from '../context.js';
import { ErrorResponse, unwrap } from '../app-error.js';
import { requestMeta } from '../plugins/auth.js';
import { DOSSIER_FORMS, FORM_TITLES } from '../../application/dossier/forms/form-basis.js';
import { printDossierForm } from '../../application/dossier/forms/print-dossier-form.js';
import { printDossierRegister } from '../../application/dossier/forms/print-dossier-register.js';
import { fileResponse, sendFile, XLSX_TYPE } from '../file-reply.js';
import { DossierFormParams, DossierRegisterParams, DossierRegisterQuery } from '../../contract/dossier-reports.js';

/** Registers per minute per client address: a year's register of a busy unit is a large document. */
const REGISTER_RATE_LIMIT = 20;

const formList = DOSSIER_FORMS.map((f) => `${f} ${FORM_TITLES[f]}`).join('; ');

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
          params: DossierFormParams,
          response: { 200: fileResponse('application/pdf', 'Tệp PDF khổ A4'), 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse },
        },
      },
      async (request, reply) =>
        sendFile(
          reply,
          unwrap(
            await printDossierForm(ctx.deps, { id: request.params.id, form: request.params.form, meta: requestMeta(request), publicUrl: ctx.config.publicUrl }),
          ),
        ),
    );

    const registerSchema = (mediaType: string, description: string) => ({
      tags: ['dossiers'],
      summary: `Sổ theo dõi hồ sơ (Mẫu số 07) của một đơn vị trong một kỳ, ${description}`,
      params: DossierRegisterParams,
      querystring: DossierRegisterQuery,
      response: {
        200: fileResponse(mediaType, description),
        400: ErrorResponse,
        401: ErrorResponse,
        403: ErrorResponse,
        404: ErrorResponse,
        429: ErrorResponse,
      },
    });
    const registerConfig = { access: { capability: 'units.view' }, rateLimit: { max: REGISTER_RATE_LIMIT, timeWindow: 60_000 } } as const;

    for (const [format, mediaType, description] of [
      ['pdf', 'application/pdf', 'tệp PDF khổ A4 ngang'],
      ['xlsx', XLSX_TYPE, 'tệp Excel'],
    ] as const) {
      r.get(`/units/:code/dossier-register.${format}`, { config: registerConfig, schema: registerSchema(mediaType, description) }, async (request, reply) =>
        sendFile(reply, unwrap(await printDossierRegister(ctx.deps, { unitCode: request.params.code, ...request.query, meta: requestMeta(request), format }))),
      );
    }
  };
}
