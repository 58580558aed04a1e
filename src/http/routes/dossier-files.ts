/** The files of a dossier's components: upload (raw body, type judged by content), list, download. */
import type { FastifyInstance } from 'fastify';
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
  })
  .meta({ id: 'DossierFile' });

const UploadQuery = z.strictObject({
  component: text(60).trim().min(1).describe('Mã thành phần hồ sơ'),
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
          response: { 200: z.object({ items: z.array(FileView) }), 400: ErrorResponse, 401: ErrorResponse, 404: ErrorResponse },
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
          response: {
            200: {
              description: 'Nội dung tệp',
              content: Object.fromEntries(DOSSIER_FILE_TYPES.map((t) => [t, { schema: z.any().meta({ type: 'string', contentMediaType: t }) }])),
            },
            400: ErrorResponse,
            401: ErrorResponse,
            404: ErrorResponse,
          },
        },
      },
      async (request, reply) => {
        const file = unwrap(await readDossierFile(ctx.deps, { id: request.params.id, fileId: request.params.fileId, meta: requestMeta(request) }));
        return reply
          .type(file.contentType)
          .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`)
          .header('cache-control', 'private, no-store')
          .header('content-security-policy', "default-src 'none'; sandbox")
          .send(file.bytes);
      },
    );
  };
}
