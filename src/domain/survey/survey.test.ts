import { describe, expect, it } from 'vitest';
import { UnitTree, type Unit } from '../units/unit.js';
import { groupFigures, percentOf, surveyFigures, type AnswerFacts } from './survey-index.js';
import { checkSurveyAnswer, checkSurveyQuestions, DEFAULT_SURVEY_QUESTIONS, roundCovers, roundsOverlap, type SurveyScores } from './survey.js';

const scores = (access: number, procedure: number, official: number, result: number, feedback: number | null): SurveyScores => ({
  access,
  procedure,
  official,
  result,
  feedback,
});
const answer = (s: SurveyScores, expectation: AnswerFacts['expectation'] = null): AnswerFacts => ({ scores: s, expectation });

describe('the satisfaction index', () => {
  it('is per element the share of 4 and 5 among those who answered it, overall the mean of the elements', () => {
    const answers = [
      answer(scores(5, 4, 3, 5, null), 'procedure'),
      answer(scores(4, 2, 5, 5, 4), 'procedure'),
      answer(scores(3, 4, 4, 1, 2), 'result'),
      answer(scores(5, 5, 5, 4, null)),
    ];
    const figures = surveyFigures(answers);
    // access: 5, 4, 3, 5 → 3 of 4 = 75%; procedure: 4, 2, 4, 5 → 3 of 4 = 75%; official: 3, 5, 4, 5 → 3 of 4 = 75%;
    // result: 5, 5, 1, 4 → 3 of 4 = 75%; feedback: 4, 2 (two did not answer) → 1 of 2 = 50%.
    expect(figures.elements.map((e) => [e.element, e.answered, e.satisfied, e.index])).toEqual([
      ['access', 4, 3, 75],
      ['procedure', 4, 3, 75],
      ['official', 4, 3, 75],
      ['result', 4, 3, 75],
      ['feedback', 2, 1, 50],
    ]);
    // (75 + 75 + 75 + 75 + 50) / 5 = 70.
    expect(figures.overall).toBe(70);
    expect(figures.elements[2]!.distribution).toEqual([0, 0, 1, 1, 2]);
    expect(figures.priorities).toEqual({ access: 0, procedure: 2, official: 0, result: 1, feedback: 0 });
  });

  it('says nothing without answers', () => {
    const figures = surveyFigures([]);
    expect(figures.overall).toBeNull();
    expect(figures.elements.every((e) => e.index === null && e.answered === 0)).toBe(true);
  });

  it('rounds to 2 decimals: 2 of 3 is 66.67%', () => {
    expect(percentOf(2, 3)).toBe(66.67);
    // 23 of 4,000 = 0.575 %: rounded once, half up.
    expect(percentOf(23, 4000)).toBe(0.58);
    expect(percentOf(1, 0)).toBeNull();
  });

  it('gives a group its response rate and margin of error', () => {
    const answers = Array.from({ length: 40 }, () => answer(scores(5, 5, 4, 4, null)));
    const group = groupFigures({ population: 60, invited: 53, answers });
    // 40 / 53 = 75.47%; √(1/40 − 1/60) = 9.13 points.
    expect(group.responseRate).toBe(75.47);
    expect(group.margin).toBe(9.13);
    expect(group.overall).toBe(100);
  });
});

describe('questions and answers', () => {
  it('takes the default questions, refuses a round without a core element, twice the same, or a core one optional', () => {
    expect(checkSurveyQuestions(DEFAULT_SURVEY_QUESTIONS)).toEqual([]);
    expect(checkSurveyQuestions(DEFAULT_SURVEY_QUESTIONS.filter((q) => q.element !== 'feedback'))).toEqual([]);
    expect(checkSurveyQuestions(DEFAULT_SURVEY_QUESTIONS.filter((q) => q.element !== 'official')).map((p) => p.path)).toEqual(['questions']);
    expect(checkSurveyQuestions([...DEFAULT_SURVEY_QUESTIONS, DEFAULT_SURVEY_QUESTIONS[0]!]).map((p) => p.path)).toEqual(['questions.5.element']);
    const optional = DEFAULT_SURVEY_QUESTIONS.map((q) => (q.element === 'result' ? { ...q, optional: true } : q));
    expect(checkSurveyQuestions(optional).map((p) => p.path)).toEqual(['questions.3.optional']);
  });

  it('needs every required element scored 1–5, allows the optional one left out, refuses one not asked', () => {
    expect(checkSurveyAnswer(DEFAULT_SURVEY_QUESTIONS, scores(5, 4, 3, 2, null))).toEqual([]);
    expect(checkSurveyAnswer(DEFAULT_SURVEY_QUESTIONS, scores(5, 4, 3, 2, 1))).toEqual([]);
    expect(checkSurveyAnswer(DEFAULT_SURVEY_QUESTIONS, { ...scores(5, 4, 3, 2, 1), official: null }).map((p) => p.path)).toEqual(['scores.official']);
    expect(checkSurveyAnswer(DEFAULT_SURVEY_QUESTIONS, scores(6, 4, 3, 2, null)).map((p) => p.path)).toEqual(['scores.access']);
    const noFeedback = DEFAULT_SURVEY_QUESTIONS.filter((q) => q.element !== 'feedback');
    expect(checkSurveyAnswer(noFeedback, scores(5, 4, 3, 2, 4)).map((p) => p.path)).toEqual(['scores.feedback']);
  });
});

describe('what a round reaches', () => {
  const unit = (code: string, parentCode: string | null): Unit => ({
    code,
    name: code,
    level: parentCode ? 'commune' : 'province',
    parentCode,
    validFrom: '2020-01-01',
    validTo: null,
    replacedBy: [],
  });
  const tree = new UnitTree([unit('P', null), unit('A', 'P'), unit('B', 'P')]);
  const november = { from: '2026-11-01', to: '2026-11-30', unitCodes: ['A'] };

  it('covers the dossiers of its units returned in its period', () => {
    expect(roundCovers(november, 'A', '2026-11-30', tree)).toBe(true);
    expect(roundCovers(november, 'A', '2026-12-01', tree)).toBe(false);
    expect(roundCovers(november, 'B', '2026-11-15', tree)).toBe(false);
    expect(roundCovers({ ...november, unitCodes: ['P'] }, 'B', '2026-11-15', tree)).toBe(true);
  });

  it('overlaps another round when the periods meet and a unit lies within the other’s', () => {
    expect(roundsOverlap(november, { from: '2026-11-30', to: '2026-12-31', unitCodes: ['P'] }, tree)).toBe(true);
    expect(roundsOverlap(november, { from: '2026-12-01', to: '2026-12-31', unitCodes: ['A'] }, tree)).toBe(false);
    expect(roundsOverlap(november, { ...november, unitCodes: ['B'] }, tree)).toBe(false);
  });
});
