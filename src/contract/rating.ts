/** What crosses the wire for the satisfaction rating of a returned dossier (src/http/routes/dossier-ratings.ts). */
import { z } from 'zod';
import { text } from './text.js';

import { RATING_ELEMENTS, type RatingElement } from '../domain/dossier/vocabulary.js';

export { RATING_ELEMENTS, type RatingElement };

const score = (label: string) => z.number().int().min(1).max(5).describe(`${label}: 1 (rất không hài lòng) … 5 (rất hài lòng)`);

export const RatingScoresBody = z.strictObject({
  access: score(RATING_ELEMENTS.access),
  procedure: score(RATING_ELEMENTS.procedure),
  official: score(RATING_ELEMENTS.official),
  result: score(RATING_ELEMENTS.result),
  feedback: score(RATING_ELEMENTS.feedback).nullable().default(null).describe(`${RATING_ELEMENTS.feedback}; null khi người nộp không có góp ý, phản ánh`),
});
export type RatingScoresBody = z.input<typeof RatingScoresBody>;

/** POST /api/v1/dossiers/{id}/rating */
export const RateDossierBody = z.strictObject({
  scores: RatingScoresBody,
  comment: text(2000)
    .trim()
    .nullable()
    .default(null)
    .transform((c) => (c === '' ? null : c)),
});
export type RateDossierBody = z.input<typeof RateDossierBody>;

export const RatingScores = z.object({ access: z.number(), procedure: z.number(), official: z.number(), result: z.number(), feedback: z.number().nullable() });
export type RatingScores = z.infer<typeof RatingScores>;

export const DossierRating = z
  .object({
    dossierId: z.string(),
    unitCode: z.string().describe('Cơ quan giải quyết'),
    stepUnitCodes: z.array(z.string()).describe('Các đơn vị đã xử lý các bước của hồ sơ'),
    scores: RatingScores,
    comment: z.string().nullable(),
    via: z.enum(['online', 'kiosk']).describe('online: người nộp tự đánh giá trên tài khoản; kiosk: nhập tại bộ phận một cửa thay người nộp'),
    ratedAt: z.string(),
  })
  .meta({ id: 'DossierRating' });
export type DossierRating = z.infer<typeof DossierRating>;

/** GET /api/v1/dossiers/{id}/rating: the rating (null before), and whether the caller may rate now. */
export const DossierRatingState = z.object({ rating: DossierRating.nullable(), canRate: z.boolean() });
export type DossierRatingState = z.infer<typeof DossierRatingState>;
