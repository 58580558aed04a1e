/**
 * The province's satisfaction survey (SIPAS-style, REFERENCE §6): the five service elements the dossier rating uses
 * (domain/dossier/vocabulary.ts RATING_ELEMENTS), each asked on a 5-point scale, and which element the respondent
 * most wants improved (the SIPAS "expectation"). A round's questions are data: their wording, their order and whether
 * the feedback element is asked; the four core elements are always asked and required, so that every round's index is
 * comparable and its answers fit the national portal's monthly aggregate (DongBoDanhGia). Pure.
 */
import { RATING_ELEMENTS, type RatingElement } from '../dossier/vocabulary.js';
import type { UnitTree } from '../units/unit.js';

export { RATING_ELEMENTS, type RatingElement };

/** The elements in the survey's order. */
export const SURVEY_ELEMENTS = Object.keys(RATING_ELEMENTS) as RatingElement[];
/** Asked in every round, and required of every respondent. */
export const CORE_ELEMENTS: readonly RatingElement[] = ['access', 'procedure', 'official', 'result'];

export interface SurveyQuestion {
  element: RatingElement;
  /** What the respondent reads. */
  text: string;
  /** May be left unanswered (only the feedback element: not everyone made a suggestion or complaint). */
  optional: boolean;
}

/** The scale's words, worst (1) to best (5); 4 and 5 count as satisfied (SIPAS: "hài lòng" or "rất hài lòng"). */
const SCALE_WORDS = ['Rất không hài lòng', 'Không hài lòng', 'Bình thường', 'Hài lòng', 'Rất hài lòng'] as const;
export const SURVEY_SCALE: readonly { score: number; label: string }[] = SCALE_WORDS.map((label, i) => ({ score: i + 1, label }));
export const SATISFIED_FROM = 4;

export const DEFAULT_SURVEY_QUESTIONS: readonly SurveyQuestion[] = [
  { element: 'access', text: 'Ông/Bà đánh giá thế nào về việc tìm hiểu thông tin, địa điểm, cách thức nộp hồ sơ?', optional: false },
  { element: 'procedure', text: 'Ông/Bà đánh giá thế nào về thành phần hồ sơ, phí, lệ phí và thời hạn giải quyết đã được công khai?', optional: false },
  { element: 'official', text: 'Ông/Bà đánh giá thế nào về thái độ, sự hướng dẫn của công chức trực tiếp tiếp nhận, giải quyết hồ sơ?', optional: false },
  { element: 'result', text: 'Ông/Bà đánh giá thế nào về kết quả nhận được: đúng quy định, đầy đủ thông tin, đúng hẹn?', optional: false },
  {
    element: 'feedback',
    text: 'Nếu Ông/Bà đã góp ý, phản ánh, kiến nghị: Ông/Bà đánh giá thế nào về việc tiếp nhận và trả lời? (bỏ qua nếu không có)',
    optional: true,
  },
];

/** One respondent's scores: null for an element not asked, or the optional one left unanswered. */
export type SurveyScores = Record<RatingElement, number | null>;

export interface SurveyProblem {
  path: string;
  message: string;
}

/** What is wrong with a round's questions (empty when they can be used). */
export function checkSurveyQuestions(questions: readonly SurveyQuestion[]): SurveyProblem[] {
  const problems: SurveyProblem[] = [];
  const seen = new Set<RatingElement>();
  questions.forEach((q, i) => {
    if (seen.has(q.element)) problems.push({ path: `questions.${i}.element`, message: `Yếu tố "${RATING_ELEMENTS[q.element]}" được hỏi hai lần.` });
    seen.add(q.element);
    if (q.optional && CORE_ELEMENTS.includes(q.element)) {
      problems.push({ path: `questions.${i}.optional`, message: `Yếu tố "${RATING_ELEMENTS[q.element]}" là bắt buộc trả lời.` });
    }
    if (q.text.trim() === '') problems.push({ path: `questions.${i}.text`, message: 'Câu hỏi không được để trống.' });
  });
  for (const element of CORE_ELEMENTS) {
    if (!seen.has(element)) problems.push({ path: 'questions', message: `Thiếu câu hỏi về yếu tố "${RATING_ELEMENTS[element]}".` });
  }
  return problems;
}

/** What is wrong with an answer to these questions (empty when it can be kept). */
export function checkSurveyAnswer(questions: readonly SurveyQuestion[], scores: SurveyScores): SurveyProblem[] {
  const problems: SurveyProblem[] = [];
  for (const element of SURVEY_ELEMENTS) {
    const question = questions.find((q) => q.element === element);
    const score = scores[element];
    const path = `scores.${element}`;
    if (!question) {
      if (score !== null) problems.push({ path, message: `Đợt khảo sát này không hỏi về "${RATING_ELEMENTS[element]}".` });
    } else if (score === null) {
      if (!question.optional) problems.push({ path, message: `Vui lòng chọn mức hài lòng về "${RATING_ELEMENTS[element]}".` });
    } else if (!Number.isInteger(score) || score < 1 || score > 5) {
      problems.push({ path, message: 'Mức hài lòng là một số từ 1 đến 5.' });
    }
  }
  return problems;
}

/** A round's reach: its period and the units whose subtrees it covers. */
export interface RoundReach {
  from: string;
  to: string;
  unitCodes: readonly string[];
}

/** Whether a dossier of `unitCode` whose result was returned on `day` (yyyy-MM-dd, Vietnam time) falls in the round. */
export function roundCovers(round: RoundReach, unitCode: string, day: string, tree: UnitTree): boolean {
  return round.from <= day && day <= round.to && round.unitCodes.some((root) => tree.isWithin(unitCode, root));
}

/** Whether two rounds could ask about the same dossier: their periods meet and a unit of one lies within a unit of the other. */
export function roundsOverlap(a: RoundReach, b: RoundReach, tree: UnitTree): boolean {
  if (a.to < b.from || b.to < a.from) return false;
  return a.unitCodes.some((x) => b.unitCodes.some((y) => tree.isWithin(x, y) || tree.isWithin(y, x)));
}
