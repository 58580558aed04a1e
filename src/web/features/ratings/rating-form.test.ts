import { describe, expect, it } from 'vitest';
import { buildRatingBody, emptyRatingValues, MAX_COMMENT, NOT_APPLICABLE, RATING_QUESTIONS, SCORE_OPTIONS, scoreText } from './rating-form.js';

const answered = { ...emptyRatingValues(), access: '5', procedure: '4', official: '3', result: '2' };

describe('the satisfaction survey', () => {
  it('asks the five SIPAS elements in order, only the feedback one optional, with five labelled answers', () => {
    expect(RATING_QUESTIONS.map((q) => q.key)).toEqual(['access', 'procedure', 'official', 'result', 'feedback']);
    expect(RATING_QUESTIONS.filter((q) => q.optional).map((q) => q.key)).toEqual(['feedback']);
    expect(SCORE_OPTIONS.map((o) => o.score)).toEqual([1, 2, 3, 4, 5]);
    expect(SCORE_OPTIONS[0]!.label).toBe('Rất không hài lòng');
    expect(SCORE_OPTIONS[4]!.label).toBe('Rất hài lòng');
  });

  it('requires the four scored elements and names each missing one', () => {
    const result = buildRatingBody({ ...emptyRatingValues(), procedure: '4' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(Object.keys(result.errors)).toEqual(['access', 'official', 'result']);
  });

  it('sends the feedback score as null when skipped or "no feedback", and an empty comment as null', () => {
    expect(buildRatingBody(answered)).toEqual({
      ok: true,
      body: { scores: { access: 5, procedure: 4, official: 3, result: 2, feedback: null }, comment: null },
    });
    expect(buildRatingBody({ ...answered, feedback: NOT_APPLICABLE, comment: '   ' })).toMatchObject({
      ok: true,
      body: { scores: { feedback: null }, comment: null },
    });
    expect(buildRatingBody({ ...answered, feedback: '1', comment: '  Cảm ơn cán bộ  ' })).toMatchObject({
      ok: true,
      body: { scores: { feedback: 1 }, comment: 'Cảm ơn cán bộ' },
    });
  });

  it('refuses scores outside 1–5, "no feedback" on a required element, and an over-long comment', () => {
    const result = buildRatingBody({ ...answered, access: '6', result: NOT_APPLICABLE, comment: 'x'.repeat(MAX_COMMENT + 1) });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(Object.keys(result.errors).sort()).toEqual(['access', 'comment', 'result']);
  });

  it('reads a score back as words', () => {
    expect(scoreText(4)).toBe('4 – Hài lòng');
    expect(scoreText(null)).toContain('Không đánh giá');
  });
});
