/** The files of a dossier's components: upload (raw body, type judged by content), list, download; and its electronic result. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { HttpContext } from '../context.js';
import { ErrorResponse, unwrap } from '../app-error.js';
import { requestMeta } from '../plugins/auth.js';
import { sendAttachment } from '../file-reply.js';
import { attachDossierFile, DOSSIER_FILE_MAX_BYTES } from '../../application/dossier/attach-dossier-file.js';
import { listDossierFiles } from '../../application/dossier/list-dossier-files.js';
import { readDossierFile } from '../../application/dossier/read-dossier-file.js';
import { readDossierResult } from '../../application/dossier/read-dossier-result.js';
import { DOSSIER_FILE_TYPES } from '../../domain/dossier/vocabulary.js';
import { DossierFile, DossierFileParams, DossierFiles, DossierFileUploadQuery } from '../../contract/dossier-files.js';
import { DossierIdParams } from '../../contract/dossier.js';

const fileContent = {
  description: 'Nội dung tệp',
  content: Object.fromEntries(DOSSIER_FILE_TYPES.map((t) => [t, { schema: z.any().meta({ type: 'string', contentMediaType: t }) }])),
};

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
          params: DossierIdParams,
          querystring: DossierFileUploadQuery,
          body: z.unknown(),
          response: {
            201: DossierFile,
            400: ErrorResponse,
            401: ErrorResponse,
            403: ErrorResponse,
            404: ErrorResponse,
            409: ErrorResponse,
            413: ErrorResponse,
            415: ErrorResponse,
          },
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
          params: DossierIdParams,
          response: { 200: DossierFiles, 400: ErrorResponse, 401: ErrorResponse, 404: ErrorResponse },
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
          params: DossierFileParams,
          response: { 200: fileContent, 400: ErrorResponse, 401: ErrorResponse, 404: ErrorResponse },
        },
      },
      async (request, reply) =>
        sendAttachment(reply, unwrap(await readDossierFile(ctx.deps, { id: request.params.id, fileId: request.params.fileId, meta: requestMeta(request) }))),
    );

    r.get(
      '/dossiers/:id/result',
      {
        config: { access: 'authenticated' },
        schema: {
          tags: ['dossiers'],
          summary: 'Tải kết quả điện tử của hồ sơ (chỉ khi được xem hồ sơ; 404 nếu chưa có kết quả)',
          params: DossierIdParams,
          response: { 200: fileContent, 400: ErrorResponse, 401: ErrorResponse, 404: ErrorResponse },
        },
      },
      async (request, reply) => sendAttachment(reply, unwrap(await readDossierResult(ctx.deps, { id: request.params.id, meta: requestMeta(request) }))),
    );
  };
}
