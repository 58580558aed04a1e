/**
 * The survey as its pages show it (issue 23 §6): the answering form's values and the body sent, what an invitation's
 * state tells the respondent, and the results as chart bars and their text alternative. Pure: no React, no fetch.
 */
import { RATING_ELEMENTS, SURVEY_ELEMENTS, type RatingElement } from '../../../domain/survey/survey.js';
import { formatPercent } from '../../shared/format.js';
import type { SurveyAnswerBody, SurveyGroup, SurveyInvitation, SurveyInvitationQuestion } from './api/survey-api.js';

export const SURVEY_PAGE = '/can-bo/khao-sat-hai-long';
export const answerPagePath = (token: string) => `/khao-sat/${encodeURIComponent(token)}`;

export const MAX_SURVEY_COMMENT = 2000;
/** The answer of the optional question that means "nothing to rate". */
export const SKIPPED = 'skip';

/** What the form holds: per element '' (not chosen), '1'…'5' or SKIPPED; the element to improve first; a comment. */
export interface SurveyValues {
  scores: Partial<Record<RatingElement, string>>;
  expectation: string;
  comment: string;
}

export type SurveyErrors = Partial<Record<RatingElement | 'comment', string>>;

export const emptySurveyValues = (): SurveyValues => ({ scores: {}, expectation: '', comment: '' });

/** The body to send, or what is missing, question by question (the server checks the same). */
export function buildSurveyAnswer(
  questions: readonly SurveyInvitationQuestion[],
  values: SurveyValues,
): { ok: true; body: SurveyAnswerBody } | { ok: false; errors: SurveyErrors } {
  const errors: SurveyErrors = {};
  const scores: Record<RatingElement, number | null> = { access: null, procedure: null, official: null, result: null, feedback: null };
  for (const q of questions) {
    const value = values.scores[q.element] ?? '';
    if (/^[1-5]$/.test(value)) scores[q.element] = Number(value);
    else if (!q.optional || (value !== '' && value !== SKIPPED)) errors[q.element] = 'Vui lòng chọn một mức.';
  }
  const comment = values.comment.trim();
  if (comment.length > MAX_SURVEY_COMMENT) errors.comment = `Ý kiến không quá ${MAX_SURVEY_COMMENT} ký tự (hiện có ${comment.length}).`;
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  const expectation = (SURVEY_ELEMENTS as readonly string[]).includes(values.expectation) ? (values.expectation as RatingElement) : null;
  const { access, procedure, official, result, feedback } = scores;
  return {
    ok: true,
    body: {
      scores: { access: access!, procedure: procedure!, official: official!, result: result!, feedback },
      expectation,
      comment: comment === '' ? null : comment,
    },
  };
}

/** What the page says of an invitation that no longer takes answers (null: it does). */
export function closedMessage(state: SurveyInvitation['state']): { title: string; text: string } | null {
  if (state === 'answered')
    return { title: 'Phiếu đã được trả lời', text: 'Phiếu khảo sát này đã được trả lời; mỗi phiếu chỉ trả lời một lần. Cảm ơn Ông/Bà.' };
  if (state === 'expired') {
    return { title: 'Đợt khảo sát đã kết thúc', text: 'Phiếu không còn nhận ý kiến vì đợt khảo sát đã kết thúc hoặc đã quá hạn trả lời.' };
  }
  return null;
}

export interface ElementBar {
  element: RatingElement;
  label: string;
  index: number | null;
  answered: number;
}

/** One bar per element, in the survey's order. */
export const elementBars = (group: SurveyGroup): ElementBar[] =>
  group.elements.map((e) => ({ element: e.element, label: RATING_ELEMENTS[e.element], index: e.index, answered: e.answered }));

/** The chart's text alternative: each element's index and how many answered it. */
export function barsSummary(bars: readonly ElementBar[]): string {
  if (bars.every((b) => b.answered === 0)) return 'Chưa có phiếu trả lời.';
  return `Chỉ số hài lòng theo yếu tố: ${bars.map((b) => `${b.label} ${formatPercent(b.index)} (${b.answered} phiếu)`).join('; ')}.`;
}

/** "2026-11" of the month before `today` (yyyy-MM-dd). */
export function previousMonth(today: string): string {
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  return month === 1 ? `${year - 1}-12` : `${year}-${String(month - 1).padStart(2, '0')}`;
}

/** "Tháng 11/2026". */
export const monthLabel = (month: string) => `Tháng ${Number(month.slice(5, 7))}/${month.slice(0, 4)}`;

/** What the form to open a round holds; the margin in percent (5 for e = 5%). */
export interface RoundDraft {
  name: string;
  from: string;
  to: string;
  unitCode: string | null;
  marginPercent: number;
  answerBy: string;
}

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** Last day of a yyyy-MM month. */
export function monthEnd(month: string): string {
  const [year, m] = [Number(month.slice(0, 4)), Number(month.slice(5, 7))];
  return `${month}-${String(new Date(Date.UTC(year, m, 0)).getUTCDate()).padStart(2, '0')}`;
}

/** The usual round: last month's results, the official's unit, e = 5%, answers taken for a month. */
export function defaultRoundDraft(today: string, unitCode: string | null): RoundDraft {
  const month = previousMonth(today);
  const later = new Date(Date.parse(`${today}T00:00:00Z`) + 30 * 86_400_000).toISOString().slice(0, 10);
  return {
    name: `Khảo sát sự hài lòng ${monthLabel(month).toLocaleLowerCase('vi')}`,
    from: `${month}-01`,
    to: monthEnd(month),
    unitCode,
    marginPercent: 5,
    answerBy: later,
  };
}

/** What keeps the draft from being sent (empty when it can be). */
export function roundDraftProblems(draft: RoundDraft, today: string): string[] {
  const problems: string[] = [];
  if (draft.name.trim() === '') problems.push('Nhập tên đợt khảo sát.');
  if (!ISO_DAY.test(draft.from) || !ISO_DAY.test(draft.to)) problems.push('Chọn ngày đầu và ngày cuối kỳ.');
  else if (draft.from > draft.to) problems.push('Ngày cuối kỳ phải không trước ngày đầu kỳ.');
  if (!draft.unitCode) problems.push('Chọn đơn vị khảo sát.');
  if (!(draft.marginPercent >= 1 && draft.marginPercent <= 20)) problems.push('Sai số từ 1% đến 20%.');
  if (!ISO_DAY.test(draft.answerBy) || draft.answerBy < today || (ISO_DAY.test(draft.to) && draft.answerBy < draft.to)) {
    problems.push('Hạn trả lời phải từ hôm nay và không trước ngày cuối kỳ.');
  }
  return problems;
}
