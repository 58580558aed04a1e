/**
 * E-results (issue 19): a dossier's result documents (prepare from the template or upload, preview, send for
 * signature, sign, revoke, certified copies), and the public verification behind each QR code, which anyone
 * may use without signing in: the record, the signed file, and the check of a PDF they hold.
 */
import { z } from 'zod';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { requestMeta } from '../plugins/auth.js';
import { ErrorResponse, unwrap } from '../app-error.js';
import { fileResponse, sendAttachment } from '../file-reply.js';
import type { HttpContext } from '../context.js';
import type { SigningPort } from '../../domain/esign/signing.js';
import { DossierIdParams } from '../../contract/dossier.js';
import {
  CertifyCopyQuery,
  DossierResults,
  PrepareResultBody,
  PublicResult,
  ResultDocument,
  ResultDocumentParams,
  RevokeResultBody,
  SignResultBody,
  UploadResultQuery,
  VerificationCodeParams,
  VerificationReport,
  VersionBody,
} from '../../contract/result.js';
import { prepareResultFromTemplate, uploadResult } from '../../application/result/prepare-result.js';
import { signResultDocument } from '../../application/result/sign-result.js';
import {
  listResultDocuments,
  readPublicResultFile,
  readResultDocumentFile,
  revokeResultDocument,
  submitForSignature,
} from '../../application/result/manage-results.js';
import { certifyCopy } from '../../application/result/certify-copy.js';
import { getPublicResult, verifyPdfFile } from '../../application/result/verify-result.js';

/** A result and its annexes; a scanned original of many pages. */
export const RESULT_MAX_BYTES = 20 * 1024 * 1024;
const SCAN_TYPES = ['application/pdf', 'image/png', 'image/jpeg'] as const;
const VerifyQuery = z.strictObject({ code: VerificationCodeParams.shape.code.optional() });
const errors = {
  400: ErrorResponse,
  401: ErrorResponse,
  403: ErrorResponse,
  404: ErrorResponse,
  409: ErrorResponse,
  413: ErrorResponse,
  415: ErrorResponse,
  422: ErrorResponse,
};
const signErrors = { ...errors, 503: ErrorResponse, 504: ErrorResponse };

export function resultRoutes(ctx: HttpContext & { deps: { signing: SigningPort } }) {
  // Read through to ctx.deps, so that a clock or a service replaced later (tests) is the one used.
  const deps = Object.assign(Object.create(ctx.deps) as typeof ctx.deps, { publicUrl: ctx.config.publicUrl });
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const tags = ['results'];
    app.addContentTypeParser([...SCAN_TYPES], { parseAs: 'buffer', bodyLimit: RESULT_MAX_BYTES }, (_request, body, done) => done(null, body));
    const raw = (body: unknown) => (Buffer.isBuffer(body) ? body : Buffer.alloc(0));

    r.get(
      '/dossiers/:id/results',
      {
        config: { access: 'authenticated' },
        schema: {
          tags,
          summary: 'Văn bản kết quả của hồ sơ (kết quả, phụ lục, bản sao chứng thực) và chữ ký số trên đó',
          params: DossierIdParams,
          response: { 200: DossierResults, ...errors },
        },
      },
      async (request) => unwrap(await listResultDocuments(deps, { id: request.params.id, meta: requestMeta(request) })),
    );

    r.post(
      '/dossiers/:id/results',
      {
        config: { access: 'authenticated' },
        schema: {
          tags,
          summary: 'Lập văn bản kết quả từ mẫu của thủ tục, điền dữ liệu của hồ sơ, kèm mã QR xác thực (bản nháp)',
          params: DossierIdParams,
          body: PrepareResultBody,
          response: { 201: ResultDocument, ...errors },
        },
      },
      async (request, reply) =>
        reply.code(201).send(unwrap(await prepareResultFromTemplate(deps, { id: request.params.id, ...request.body, meta: requestMeta(request) }))),
    );

    r.post(
      '/dossiers/:id/results/upload',
      {
        config: { access: 'authenticated' },
        bodyLimit: RESULT_MAX_BYTES,
        schema: {
          tags,
          summary: 'Tải lên văn bản kết quả (PDF, thân yêu cầu là tệp); hệ thống đóng dấu mã QR xác thực lên trang đầu (bản nháp)',
          params: DossierIdParams,
          querystring: UploadResultQuery,
          body: z.unknown(),
          response: { 201: ResultDocument, ...errors },
        },
      },
      async (request, reply) =>
        reply
          .code(201)
          .send(unwrap(await uploadResult(deps, { id: request.params.id, ...request.query, bytes: raw(request.body), meta: requestMeta(request) }))),
    );

    r.post(
      '/dossiers/:id/results/certified-copies',
      {
        config: { access: 'authenticated' },
        bodyLimit: RESULT_MAX_BYTES,
        schema: {
          tags,
          summary: 'Chứng thực bản sao điện tử từ bản chính: bản chụp (PDF, PNG, JPEG) kèm lời chứng, vào sổ chứng thực và ký số bằng chứng thư của cơ quan',
          params: DossierIdParams,
          querystring: CertifyCopyQuery,
          body: z.unknown(),
          response: { 201: ResultDocument, ...signErrors },
        },
      },
      async (request, reply) =>
        reply
          .code(201)
          .send(unwrap(await certifyCopy(deps, { id: request.params.id, title: request.query.title, bytes: raw(request.body), meta: requestMeta(request) }))),
    );

    r.get(
      '/dossiers/:id/results/:documentId/file',
      {
        config: { access: 'authenticated' },
        schema: {
          tags,
          summary: 'Tệp PDF của văn bản kết quả (xem trước bản nháp; người nộp chỉ thấy văn bản đã ký)',
          params: ResultDocumentParams,
          response: { 200: fileResponse('application/pdf', 'Văn bản PDF'), ...errors },
        },
      },
      async (request, reply) =>
        sendAttachment(
          reply,
          unwrap(await readResultDocumentFile(deps, { id: request.params.id, documentId: request.params.documentId, meta: requestMeta(request) })),
        ),
    );

    r.post(
      '/dossiers/:id/results/:documentId/submit',
      {
        config: { access: 'authenticated' },
        schema: { tags, summary: 'Trình ký văn bản kết quả', params: ResultDocumentParams, body: VersionBody, response: { 200: ResultDocument, ...errors } },
      },
      async (request) =>
        unwrap(
          await submitForSignature(deps, {
            id: request.params.id,
            documentId: request.params.documentId,
            version: request.body.version,
            meta: requestMeta(request),
          }),
        ),
    );

    r.post(
      '/dossiers/:id/results/:documentId/sign',
      {
        config: { access: 'authenticated' },
        schema: {
          tags,
          summary: 'Ký số văn bản kết quả (PAdES): chuyên viên ký nháy, lãnh đạo ký ban hành; ký không thành công thì hồ sơ giữ nguyên',
          params: ResultDocumentParams,
          body: SignResultBody,
          response: { 200: ResultDocument, ...signErrors },
        },
      },
      async (request) =>
        unwrap(await signResultDocument(deps, { id: request.params.id, documentId: request.params.documentId, ...request.body, meta: requestMeta(request) })),
    );

    r.post(
      '/dossiers/:id/results/:documentId/revoke',
      {
        config: { access: 'authenticated' },
        schema: {
          tags,
          summary: 'Thu hồi văn bản kết quả đã ban hành (vẫn tra cứu được, với trạng thái đã thu hồi)',
          params: ResultDocumentParams,
          body: RevokeResultBody,
          response: { 200: ResultDocument, ...errors },
        },
      },
      async (request) =>
        unwrap(await revokeResultDocument(deps, { id: request.params.id, documentId: request.params.documentId, ...request.body, meta: requestMeta(request) })),
    );

    r.get(
      '/verify/:code',
      {
        config: { access: 'public' },
        schema: {
          tags,
          summary: 'Thông tin công khai của văn bản theo mã QR: cơ quan ban hành, người ký, thời điểm, mã băm, trạng thái',
          params: VerificationCodeParams,
          response: { 200: PublicResult, 400: ErrorResponse, 404: ErrorResponse },
        },
      },
      async (request) => unwrap(await getPublicResult(deps, request.params.code)),
    );

    r.get(
      '/verify/:code/file',
      {
        config: { access: 'public' },
        schema: {
          tags,
          summary: 'Tải văn bản đã ký theo mã QR',
          params: VerificationCodeParams,
          response: { 200: fileResponse('application/pdf', 'Văn bản PDF đã ký'), 400: ErrorResponse, 404: ErrorResponse },
        },
      },
      async (request, reply) => sendAttachment(reply, unwrap(await readPublicResultFile(deps, request.params.code))),
    );

    r.post(
      '/verify',
      {
        config: { access: 'public' },
        bodyLimit: RESULT_MAX_BYTES,
        schema: {
          tags,
          summary:
            'Kiểm tra một tệp PDF: tính toàn vẹn, chữ ký số theo các chứng thư gốc tin cậy, dấu thời gian, văn bản có bị thu hồi hay thay thế (thân yêu cầu là tệp PDF)',
          querystring: VerifyQuery,
          body: z.unknown(),
          response: { 200: VerificationReport, 400: ErrorResponse, 413: ErrorResponse, 415: ErrorResponse, 422: ErrorResponse },
        },
      },
      async (request) => unwrap(await verifyPdfFile(deps, { bytes: raw(request.body), ...(request.query.code ? { code: request.query.code } : {}) })),
    );
  };
}
