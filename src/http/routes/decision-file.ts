/** The signed PDF of a publication decision: upload (catalogue managers) and download. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { HttpContext } from '../context.js';
import { ErrorResponse, unwrap } from '../app-error.js';
import { requestMeta } from '../plugins/auth.js';
import { attachDecisionFile, readDecisionFile } from '../../application/catalogue/decision-file.js';
import { DecisionFileAttached, DecisionFileQuery, DecisionIdParams } from '../../contract/publication.js';

const PDF = 'application/pdf';

export function decisionFileRoutes(ctx: HttpContext) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    app.addContentTypeParser(PDF, { parseAs: 'buffer' }, (_request, body, done) => done(null, body));

    r.put(
      '/publication-decisions/:id/file',
      {
        config: { access: { capability: 'catalogue.manage' } },
        bodyLimit: 20 * 1024 * 1024,
        schema: {
          tags: ['catalogue'],
          summary: 'Đính kèm bản PDF của quyết định công bố (kiểm tra định dạng theo nội dung tệp)',
          consumes: [PDF],
          params: DecisionIdParams,
          querystring: DecisionFileQuery,
          body: z.unknown(),
          response: {
            200: DecisionFileAttached,
            400: ErrorResponse,
            401: ErrorResponse,
            403: ErrorResponse,
            404: ErrorResponse,
            415: ErrorResponse,
          },
        },
      },
      async (request) => {
        const bytes = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
        return unwrap(await attachDecisionFile(ctx.deps, { id: request.params.id, fileName: request.query.name, bytes, meta: requestMeta(request) }));
      },
    );

    r.get(
      '/publication-decisions/:id/file',
      {
        config: { access: 'public' },
        schema: {
          tags: ['catalogue'],
          summary: 'Bản PDF của quyết định công bố (công khai khi quyết định đã công bố)',
          params: DecisionIdParams,
          response: {
            200: { description: 'PDF', content: { [PDF]: { schema: z.any().meta({ type: 'string', contentMediaType: PDF }) } } },
            400: ErrorResponse,
            403: ErrorResponse,
            404: ErrorResponse,
          },
        },
      },
      async (request, reply) => {
        const file = unwrap(await readDecisionFile(ctx.deps, { id: request.params.id, meta: requestMeta(request) }));
        return reply
          .type(PDF)
          .header('content-disposition', `inline; filename*=UTF-8''${encodeURIComponent(file.fileName)}`)
          .header('content-security-policy', "frame-ancestors 'self'")
          .send(file.bytes);
      },
    );
  };
}
