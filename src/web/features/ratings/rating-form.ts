/**
 * The satisfaction survey (SIPAS, five elements scored 1–5) as the applicant reads it, and the check of
 * what they chose before it is sent (src/http/routes/dossier-ratings.ts). Pure: no React, no fetch.
 */
import type { RateDossierBody, RatingElement } from '../../../contract/rating.js';

export type RatingKey = RatingElement;

export interface RatingQuestion {
  key: RatingKey;
  /** The SIPAS element, as the server names it. */
  element: string;
  /** The question in plain words. */
  question: string;
  /** Optional questions may be left out (sent as null). */
  optional: boolean;
}

export const RATING_QUESTIONS: readonly RatingQuestion[] = [
  { key: 'access', element: 'Tiếp cận dịch vụ', question: 'Việc tìm hiểu thông tin và nộp hồ sơ có thuận tiện, dễ dàng không?', optional: false },
  {
    key: 'procedure',
    element: 'Thủ tục hành chính',
    question: 'Giấy tờ phải nộp, phí, lệ phí và thời hạn giải quyết có rõ ràng, hợp lý không?',
    optional: false,
  },
  { key: 'official', element: 'Công chức trực tiếp giải quyết', question: 'Cán bộ, công chức có hướng dẫn tận tình, thái độ đúng mực không?', optional: false },
  { key: 'result', element: 'Kết quả giải quyết', question: 'Kết quả nhận được có đúng, đầy đủ và đúng hẹn không?', optional: false },
  {
    key: 'feedback',
    element: 'Tiếp nhận, xử lý góp ý, phản ánh, kiến nghị',
    question: 'Nếu đã góp ý, phản ánh, kiến nghị: cơ quan có tiếp nhận và trả lời thỏa đáng không? Bỏ qua câu này nếu không có.',
    optional: true,
  },
];

/** The five answers, from worst to best; the number is the score sent. */
export const SCORE_OPTIONS: readonly { score: number; label: string }[] = [
  { score: 1, label: 'Rất không hài lòng' },
  { score: 2, label: 'Không hài lòng' },
  { score: 3, label: 'Bình thường' },
  { score: 4, label: 'Hài lòng' },
  { score: 5, label: 'Rất hài lòng' },
];

/** The extra answer of an optional question: nothing to rate (sent as null). */
export const NOT_APPLICABLE = 'none';
export const NOT_APPLICABLE_LABEL = 'Không có góp ý, phản ánh';

export const MAX_COMMENT = 2000;

/** What the form holds: '' (not answered), '1'…'5', or NOT_APPLICABLE for an optional question. */
export type RatingValues = Record<RatingKey, string> & { comment: string };

export type RatingErrors = Partial<Record<RatingKey | 'comment', string>>;

/** The body POSTed (src/contract/rating.ts). */
export type RatingBody = RateDossierBody;

export function emptyRatingValues(): RatingValues {
  return { access: '', procedure: '', official: '', result: '', feedback: '', comment: '' };
}

function parseScore(value: string): number | null {
  if (!/^[1-5]$/.test(value)) return null;
  return Number(value);
}

/** The request body, or what is missing or wrong, question by question, in the survey's order. */
export function buildRatingBody(values: RatingValues): { ok: true; body: RatingBody } | { ok: false; errors: RatingErrors } {
  const errors: RatingErrors = {};
  const scores: Partial<Record<RatingKey, number | null>> = {};
  for (const q of RATING_QUESTIONS) {
    const value = values[q.key];
    const score = parseScore(value);
    if (score !== null) scores[q.key] = score;
    else if (q.optional && (value === '' || value === NOT_APPLICABLE)) scores[q.key] = null;
    else errors[q.key] = 'Vui lòng chọn một mức đánh giá.';
  }
  const comment = values.comment.trim();
  if (comment.length > MAX_COMMENT) errors.comment = `Ý kiến không quá ${MAX_COMMENT} ký tự (hiện có ${comment.length}).`;
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return {
    ok: true,
    body: {
      scores: { access: scores.access!, procedure: scores.procedure!, official: scores.official!, result: scores.result!, feedback: scores.feedback ?? null },
      comment: comment === '' ? null : comment,
    },
  };
}

/** "4 – Hài lòng", or what null means for the optional question. */
export function scoreText(score: number | null): string {
  if (score === null) return 'Không đánh giá (không có góp ý, phản ánh)';
  const option = SCORE_OPTIONS.find((o) => o.score === score);
  return option ? `${score} – ${option.label}` : String(score);
}
