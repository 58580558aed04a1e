/** Satisfaction ratings of a returned dossier (SIPAS elements, 1–5), once per dossier. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { HttpContext } from '../context.js';
import { ErrorResponse, unwrap } from '../app-error.js';
import { requestMeta } from '../plugins/auth.js';
import { getDossierRating, rateDossier } from '../../application/dossier/ratings.js';
import { DossierRating, DossierRatingState, RateDossierBody } from '../../contract/rating.js';
import { DossierIdParams } from '../../contract/dossier.js';

export function dossierRatingRoutes(ctx: HttpContext) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();

    r.post(
      '/dossiers/:id/rating',
      {
        config: { access: 'authenticated' },
        schema: {
          tags: ['dossiers'],
          summary:
            'Đánh giá mức độ hài lòng (5 yếu tố SIPAS, 1–5) sau khi trả kết quả: người nộp hồ sơ trực tuyến, hoặc cán bộ một cửa nhập tại quầy (kiosk); mỗi hồ sơ một lần',
          params: DossierIdParams,
          body: RateDossierBody,
          response: { 201: DossierRating, 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse },
        },
      },
      async (request, reply) => {
        const rating = unwrap(
          await rateDossier(ctx.deps, { id: request.params.id, scores: request.body.scores, comment: request.body.comment, meta: requestMeta(request) }),
        );
        return reply.code(201).send(rating);
      },
    );

    r.get(
      '/dossiers/:id/rating',
      {
        config: { access: 'authenticated' },
        schema: {
          tags: ['dossiers'],
          summary: 'Đánh giá mức độ hài lòng của một hồ sơ (null khi chưa đánh giá), và người gọi có được đánh giá lúc này không',
          params: DossierIdParams,
          response: { 200: DossierRatingState, 400: ErrorResponse, 401: ErrorResponse, 404: ErrorResponse },
        },
      },
      async (request) => unwrap(await getDossierRating(ctx.deps, { id: request.params.id, meta: requestMeta(request) })),
    );
  };
}
