/** Satisfaction ratings of a returned dossier (SIPAS elements, 1–5), once per dossier. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { HttpContext } from '../context.js';
import { ErrorResponse, unwrap } from '../app-error.js';
import { requestMeta } from '../plugins/auth.js';
import { text } from '../../application/text-schema.js';
import { getDossierRating, rateDossier, RATING_ELEMENTS } from '../../application/dossier/ratings.js';

const score = (label: string) => z.number().int().min(1).max(5).describe(`${label}: 1 (rất không hài lòng) … 5 (rất hài lòng)`);

const Scores = z.strictObject({
  access: score(RATING_ELEMENTS.access),
  procedure: score(RATING_ELEMENTS.procedure),
  official: score(RATING_ELEMENTS.official),
  result: score(RATING_ELEMENTS.result),
  feedback: score(RATING_ELEMENTS.feedback).nullable().default(null).describe(`${RATING_ELEMENTS.feedback}; null khi người nộp không có góp ý, phản ánh`),
});

const RateBody = z.strictObject({
  scores: Scores,
  comment: text(2000).trim().nullable().default(null).transform((c) => (c === '' ? null : c)),
});

const Rating = z
  .object({
    dossierId: z.string(),
    unitCode: z.string().describe('Cơ quan giải quyết'),
    stepUnitCodes: z.array(z.string()).describe('Các đơn vị đã xử lý các bước của hồ sơ'),
    scores: z.object({ access: z.number(), procedure: z.number(), official: z.number(), result: z.number(), feedback: z.number().nullable() }),
    comment: z.string().nullable(),
    via: z.enum(['online', 'kiosk']).describe('online: người nộp tự đánh giá trên tài khoản; kiosk: nhập tại bộ phận một cửa thay người nộp'),
    ratedAt: z.string(),
  })
  .meta({ id: 'DossierRating' });

const IdParams = z.strictObject({ id: z.uuid() });

export function dossierRatingRoutes(ctx: HttpContext) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();

    r.post(
      '/dossiers/:id/rating',
      {
        config: { access: 'authenticated' },
        schema: {
          tags: ['dossiers'],
          summary: 'Đánh giá mức độ hài lòng (5 yếu tố SIPAS, 1–5) sau khi trả kết quả: người nộp hồ sơ trực tuyến, hoặc cán bộ một cửa nhập tại quầy (kiosk); mỗi hồ sơ một lần',
          params: IdParams,
          body: RateBody,
          response: { 201: Rating, 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse },
        },
      },
      async (request, reply) => {
        const rating = unwrap(await rateDossier(ctx.deps, { id: request.params.id, scores: request.body.scores, comment: request.body.comment, meta: requestMeta(request) }));
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
          params: IdParams,
          response: { 200: z.object({ rating: Rating.nullable(), canRate: z.boolean() }), 400: ErrorResponse, 401: ErrorResponse, 404: ErrorResponse },
        },
      },
      async (request) => unwrap(await getDossierRating(ctx.deps, { id: request.params.id, meta: requestMeta(request) })),
    );
  };
}
