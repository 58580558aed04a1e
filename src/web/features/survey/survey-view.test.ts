import { describe, expect, it } from 'vitest';
import { DEFAULT_SURVEY_QUESTIONS, RATING_ELEMENTS } from '../../../domain/survey/survey.js';
import {
  barsSummary,
  buildSurveyAnswer,
  closedMessage,
  defaultRoundDraft,
  elementBars,
  emptySurveyValues,
  monthEnd,
  previousMonth,
  roundDraftProblems,
  SKIPPED,
} from './survey-view.js';

const questions = DEFAULT_SURVEY_QUESTIONS.map((q) => ({ ...q, label: RATING_ELEMENTS[q.element] }));

describe('the answering form', () => {
  it('needs every required question, lets the optional one be skipped, and sends numbers', () => {
    const values = emptySurveyValues();
    const missing = buildSurveyAnswer(questions, values);
    expect(missing.ok).toBe(false);
    if (!missing.ok) expect(Object.keys(missing.errors)).toEqual(['access', 'procedure', 'official', 'result']);
    values.scores = { access: '5', procedure: '4', official: '3', result: '2', feedback: SKIPPED };
    values.expectation = 'procedure';
    values.comment = '  Tốt  ';
    expect(buildSurveyAnswer(questions, values)).toEqual({
      ok: true,
      body: { scores: { access: 5, procedure: 4, official: 3, result: 2, feedback: null }, expectation: 'procedure', comment: 'Tốt' },
    });
    values.expectation = '';
    values.comment = '';
    const sent = buildSurveyAnswer(questions, { ...values, scores: { ...values.scores, feedback: '1' } });
    expect(sent.ok && sent.body).toMatchObject({ scores: { feedback: 1 }, expectation: null, comment: null });
  });

  it('refuses a comment too long', () => {
    const answer = buildSurveyAnswer(questions, {
      scores: { access: '5', procedure: '5', official: '5', result: '5' },
      expectation: '',
      comment: 'x'.repeat(2001),
    });
    expect(answer.ok).toBe(false);
  });
});

describe('the pages’ words', () => {
  it('tells an answered or expired invitation apart from an open one', () => {
    expect(closedMessage('open')).toBeNull();
    expect(closedMessage('answered')?.title).toBe('Phiếu đã được trả lời');
    expect(closedMessage('expired')?.title).toBe('Đợt khảo sát đã kết thúc');
  });

  it('says the chart in words', () => {
    const element = (e: keyof typeof RATING_ELEMENTS, index: number | null, answered: number) => ({
      element: e,
      label: RATING_ELEMENTS[e],
      answered,
      satisfied: 0,
      index,
      distribution: [0, 0, 0, 0, 0],
    });
    const group = {
      population: 10,
      invited: 8,
      answers: 4,
      responseRate: 50,
      margin: 38.73,
      overall: 70,
      priorities: { access: 0, procedure: 0, official: 0, result: 0, feedback: 0 },
      elements: [element('access', 75, 4), element('procedure', 75, 4), element('official', 75, 4), element('result', 75, 4), element('feedback', 50, 2)],
    };
    const bars = elementBars(group);
    expect(bars.map((b) => b.label)).toEqual(Object.values(RATING_ELEMENTS));
    expect(barsSummary(bars)).toContain('Tiếp cận dịch vụ 75,00% (4 phiếu)');
    expect(barsSummary(bars.map((b) => ({ ...b, answered: 0 })))).toBe('Chưa có phiếu trả lời.');
  });

  it('finds the month before', () => {
    expect(previousMonth('2026-01-15')).toBe('2025-12');
    expect(previousMonth('2026-11-03')).toBe('2026-10');
  });
});

describe('the form to open a round', () => {
  it('proposes last month for the official’s unit at e = 5%', () => {
    const draft = defaultRoundDraft('2026-12-03', '000.00.00.H37');
    expect(draft).toEqual({
      name: 'Khảo sát sự hài lòng tháng 11/2026',
      from: '2026-11-01',
      to: '2026-11-30',
      unitCode: '000.00.00.H37',
      marginPercent: 5,
      answerBy: '2027-01-02',
    });
    expect(roundDraftProblems(draft, '2026-12-03')).toEqual([]);
    expect(monthEnd('2028-02')).toBe('2028-02-29');
  });

  it('says what is missing or wrong', () => {
    const draft = { ...defaultRoundDraft('2026-12-03', null), to: '2026-10-01', marginPercent: 30 };
    expect(roundDraftProblems(draft, '2026-12-03')).toEqual(['Ngày cuối kỳ phải không trước ngày đầu kỳ.', 'Chọn đơn vị khảo sát.', 'Sai số từ 1% đến 20%.']);
  });
});
