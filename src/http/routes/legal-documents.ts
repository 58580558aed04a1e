/**
 * The province's register of legal normative documents (văn bản quy phạm pháp luật, issue 23 item 8), kept by those
 * who keep the reform plan (reform.manage) for their province: the register with its overdue reviews, a document,
 * entering and correcting one, recording a review or a later document that changes it, and the year's figures for the
 * PAR INDEX. The catalogue's list of legal bases (GET/POST /legal-documents, catalogue.ts) is the same table.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { requestMeta } from '../plugins/auth.js';
import { ErrorResponse, unwrap } from '../app-error.js';
import type { HttpContext } from '../context.js';
import {
  EditLegalDocumentBody,
  LegalDocumentDetail,
  LegalDocumentOutcome,
  LegalDocumentParams,
  LegalFigures,
  LegalFiguresQuery,
  LegalRegister,
  LegalRegisterQuery,
  LinkLegalDocumentBody,
  RecordReviewBody,
  RegisterLegalDocumentBody,
} from '../../contract/legal-documents.js';
import { listLegalRegister } from '../../application/legal-documents/list-legal-register.js';
import { registerLegalDocument } from '../../application/legal-documents/register-legal-document.js';
import { readLegalDocument } from '../../application/legal-documents/read-legal-document.js';
import { editLegalDocument } from '../../application/legal-documents/edit-legal-document.js';
import { recordLegalReview } from '../../application/legal-documents/record-legal-review.js';
import { linkLegalDocuments } from '../../application/legal-documents/link-legal-documents.js';
import { readLegalDocumentFigures } from '../../application/legal-documents/legal-document-figures.js';

const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse, 422: ErrorResponse };

export function legalDocumentRoutes(ctx: HttpContext) {
  const deps = ctx.deps;
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const tags = ['legal-register'];
    const config = { access: { capability: 'reform.manage' } } as const;

    r.get(
      '/legal-register',
      {
        config,
        schema: {
          tags,
          summary: 'Danh mục văn bản quy phạm pháp luật của tỉnh: tình trạng hiệu lực, lịch rà soát, văn bản quá hạn rà soát',
          querystring: LegalRegisterQuery,
          response: { 200: LegalRegister, ...errors },
        },
      },
      async (request) => unwrap(await listLegalRegister(deps, { query: request.query, meta: requestMeta(request) })),
    );

    r.post(
      '/legal-register',
      {
        config,
        schema: {
          tags,
          summary: 'Thêm văn bản vào danh mục (văn bản đã có làm căn cứ quyết định công bố được đưa vào danh mục)',
          body: RegisterLegalDocumentBody,
          response: { 201: LegalDocumentOutcome, ...errors },
        },
      },
      async (request, reply) => reply.code(201).send(unwrap(await registerLegalDocument(deps, { body: request.body, meta: requestMeta(request) }))),
    );

    r.get(
      '/legal-register/figures',
      {
        config,
        schema: {
          tags,
          summary: 'Số liệu văn bản của một năm cho Chỉ số cải cách hành chính: ban hành, rà soát đúng hạn, quá hạn rà soát, còn hiệu lực',
          querystring: LegalFiguresQuery,
          response: { 200: LegalFigures, ...errors },
        },
      },
      async (request) => unwrap(await readLegalDocumentFigures(deps, { year: request.query.year, meta: requestMeta(request) })),
    );

    r.get(
      '/legal-register/:id',
      {
        config,
        schema: {
          tags,
          summary: 'Một văn bản: tình trạng, văn bản sửa đổi, bãi bỏ, thay thế, các lần rà soát',
          params: LegalDocumentParams,
          response: { 200: LegalDocumentDetail, ...errors },
        },
      },
      async (request) => unwrap(await readLegalDocument(deps, { id: request.params.id, meta: requestMeta(request) })),
    );

    r.patch(
      '/legal-register/:id',
      {
        config,
        schema: {
          tags,
          summary: 'Sửa thông tin văn bản, lịch rà soát',
          params: LegalDocumentParams,
          body: EditLegalDocumentBody,
          response: { 200: LegalDocumentOutcome, ...errors },
        },
      },
      async (request) => unwrap(await editLegalDocument(deps, { id: request.params.id, body: request.body, meta: requestMeta(request) })),
    );

    r.post(
      '/legal-register/:id/reviews',
      {
        config,
        schema: {
          tags,
          summary: 'Ghi nhận một lần rà soát, hệ thống hóa văn bản và hạn rà soát tiếp theo',
          params: LegalDocumentParams,
          body: RecordReviewBody,
          response: { 200: LegalDocumentOutcome, ...errors },
        },
      },
      async (request) => unwrap(await recordLegalReview(deps, { id: request.params.id, body: request.body, meta: requestMeta(request) })),
    );

    r.post(
      '/legal-register/:id/links',
      {
        config,
        schema: {
          tags,
          summary: 'Ghi nhận văn bản sửa đổi, bổ sung, bãi bỏ (một phần) hoặc thay thế văn bản này',
          params: LegalDocumentParams,
          body: LinkLegalDocumentBody,
          response: { 200: LegalDocumentOutcome, ...errors },
        },
      },
      async (request) => unwrap(await linkLegalDocuments(deps, { id: request.params.id, body: request.body, meta: requestMeta(request) })),
    );
  };
}
