/** The files of a dossier's components: upload (raw body, type judged by content), list, download; and its electronic result. */
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { HttpContext } from '../context.js';
import { ErrorResponse, unwrap } from '../app-error.js';
import { requestMeta } from '../plugins/auth.js';
import { text } from '../../application/text-schema.js';
import {
  attachDossierFile,
  listDossierFiles,
  readDossierFile,
  readDossierResult,
  SUPPLEMENT_COMPONENT_CODE,
  DOSSIER_FILE_FORMS,
  DOSSIER_FILE_MAX_BYTES,
  DOSSIER_FILE_TYPES,
} from '../../application/dossier/dossier-files.js';

const IdParams = z.strictObject({ id: z.uuid() });
const FileParams = z.strictObject({ id: z.uuid(), fileId: z.uuid() });

const FileView = z
  .object({
    id: z.string(),
    componentCode: z.string(),
    fileName: z.string(),
    contentType: z.enum(DOSSIER_FILE_TYPES),
    sha256: z.string(),
    size: z.number(),
    pages: z.number().nullable(),
    form: z.enum(DOSSIER_FILE_FORMS),
    digitized: z.boolean(),
    reused: z.boolean(),
    uploadedAt: z.string(),
    uploadedBy: z.enum(['applicant', 'official', 'imported']).describe('Người nộp hồ sơ hay cán bộ đã gửi tệp, hoặc tệp nhập từ hệ thống khác'),
    uploaderName: z.string().nullable().describe('Tên người gửi; null khi người nộp xem tệp do cán bộ gửi, và với tệp nhập từ hệ thống khác'),
  })
  .meta({ id: 'DossierFile' });

const FileList = z
  .object({
    items: z.array(FileView),
    result: z.object({ fileName: z.string() }).nullable().describe('Kết quả điện tử, khi đã có (tải tại /dossiers/{id}/result)'),
    canUpload: z.boolean().describe('Người xem được đính kèm tệp vào hồ sơ lúc này'),
    uploadComponents: z.array(z.string()).describe(`Mã thành phần được đính kèm lúc này (${SUPPLEMENT_COMPONENT_CODE}: giấy tờ bổ sung theo yêu cầu ngoài các thành phần đã khai)`),
  })
  .meta({ id: 'DossierFiles' });

const UploadQuery = z.strictObject({
  component: text(60).trim().min(1).describe(`Mã thành phần hồ sơ (${SUPPLEMENT_COMPONENT_CODE} khi hồ sơ chờ bổ sung: giấy tờ được yêu cầu ngoài các thành phần đã khai)`),
  name: text(200)
    .trim()
    .min(1)
    .regex(/^[^/\\\u0000-\u001f]+$/, 'tên tệp không được chứa dấu / \\ hoặc ký tự điều khiển'),
  form: z.enum(DOSSIER_FILE_FORMS).default('original'),
  digitized: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true')
    .describe('Bản số hóa từ giấy tại bộ phận một cửa'),
});

const fileContent = {
  description: 'Nội dung tệp',
  content: Object.fromEntries(DOSSIER_FILE_TYPES.map((t) => [t, { schema: z.any().meta({ type: 'string', contentMediaType: t }) }])),
};

/** A stored file as an attachment, never rendered by the browser in the app's origin. */
function sendFile(reply: FastifyReply, file: { fileName: string; contentType: string; bytes: Buffer }) {
  return reply
    .type(file.contentType)
    .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`)
    .header('cache-control', 'private, no-store')
    .header('content-security-policy', "default-src 'none'; sandbox")
    .send(file.bytes);
}

const declaredType = (header: string | undefined) => (header ?? '').split(';')[0]!.trim().toLowerCase() as (typeof DOSSIER_FILE_TYPES)[number];

export function dossierFileRoutes(ctx: HttpContext) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    app.addContentTypeParser([...DOSSIER_FILE_TYPES], { parseAs: 'buffer' }, (_request, body, done) => done(null, body));

    r.post(
      '/dossiers/:id/files',
      {
        config: { access: 'authenticated' },
        bodyLimit: DOSSIER_FILE_MAX_BYTES,
        schema: {
          tags: ['dossiers'],
          summary: `Đính kèm tệp của một thành phần hồ sơ (PDF, PNG, JPEG; tối đa ${DOSSIER_FILE_MAX_BYTES / 1024 / 1024} MB; định dạng kiểm tra theo nội dung tệp)`,
          consumes: [...DOSSIER_FILE_TYPES],
          params: IdParams,
          querystring: UploadQuery,
          body: z.unknown(),
          response: { 201: FileView, 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse, 413: ErrorResponse, 415: ErrorResponse },
        },
      },
      async (request, reply) => {
        const bytes = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
        const { component, name, form, digitized } = request.query;
        const saved = unwrap(
          await attachDossierFile(ctx.deps, {
            id: request.params.id,
            componentCode: component,
            fileName: name,
            declaredType: declaredType(request.headers['content-type']),
            form,
            digitized,
            bytes,
            meta: requestMeta(request),
          }),
        );
        return reply.code(201).send(saved);
      },
    );

    r.get(
      '/dossiers/:id/files',
      {
        config: { access: 'authenticated' },
        schema: {
          tags: ['dossiers'],
          summary: 'Các tệp đã đính kèm của hồ sơ (cùng quyền xem như hồ sơ)',
          params: IdParams,
          response: { 200: FileList, 400: ErrorResponse, 401: ErrorResponse, 404: ErrorResponse },
        },
      },
      async (request) => unwrap(await listDossierFiles(ctx.deps, { id: request.params.id, meta: requestMeta(request) })),
    );

    r.get(
      '/dossiers/:id/files/:fileId',
      {
        config: { access: 'authenticated' },
        schema: {
          tags: ['dossiers'],
          summary: 'Tải một tệp của hồ sơ (chỉ khi được xem hồ sơ; 404 nếu không)',
          params: FileParams,
          response: { 200: fileContent, 400: ErrorResponse, 401: ErrorResponse, 404: ErrorResponse },
        },
      },
      async (request, reply) => sendFile(reply, unwrap(await readDossierFile(ctx.deps, { id: request.params.id, fileId: request.params.fileId, meta: requestMeta(request) }))),
    );

    r.get(
      '/dossiers/:id/result',
      {
        config: { access: 'authenticated' },
        schema: {
          tags: ['dossiers'],
          summary: 'Tải kết quả điện tử của hồ sơ (chỉ khi được xem hồ sơ; 404 nếu chưa có kết quả)',
          params: IdParams,
          response: { 200: fileContent, 400: ErrorResponse, 401: ErrorResponse, 404: ErrorResponse },
        },
      },
      async (request, reply) => sendFile(reply, unwrap(await readDossierResult(ctx.deps, { id: request.params.id, meta: requestMeta(request) }))),
    );
  };
}
