/**
 * The satisfaction index (SIPAS, REFERENCE §6): per element, the share of those who answered it with 4 or 5
 * ("hài lòng" or "rất hài lòng"); overall, the mean of the elements' indices (each element weighs the same, as in
 * SIPAS, whatever the number who answered the optional one). Per group of answers (a unit, a round, a month): how many
 * were invited and answered, the response rate (answers / invited) and the margin of error against the population the
 * sample was drawn from. Percentages are rounded to 2 decimals; null when there is nothing to divide by.
 */
import { marginOfError } from './sampling.js';
import { SATISFIED_FROM, SURVEY_ELEMENTS, type RatingElement, type SurveyScores } from './survey.js';

export interface AnswerFacts {
  scores: SurveyScores;
  /** The element the respondent most wants improved, if they said. */
  expectation: RatingElement | null;
}

export interface ElementFigures {
  element: RatingElement;
  /** Respondents who scored the element. */
  answered: number;
  /** Of them, those who gave 4 or 5. */
  satisfied: number;
  /** satisfied / answered, in percent. */
  index: number | null;
  /** How many gave 1, 2, 3, 4 and 5. */
  distribution: number[];
}

export interface SurveyFigures {
  answers: number;
  elements: ElementFigures[];
  /** The mean of the elements' indices. */
  overall: number | null;
  /** How many named each element as the one to improve first. */
  priorities: Record<RatingElement, number>;
}

export interface GroupFigures extends SurveyFigures {
  /** N: dossiers with a result returned in the period, of which the sample was drawn. */
  population: number;
  invited: number;
  /** answers / invited, in percent. */
  responseRate: number | null;
  /** In percentage points, at the guide's confidence (null: no answers, or the population is not known). */
  margin: number | null;
}

const round2 = (x: number) => Math.round(x * 100) / 100;

/** part / whole in percent, 2 decimals; null when whole is 0. */
/** A share in percent with 2 decimals, rounded once (23 of 4,000 is 0,58%, not 0,57%). */
export const percentOf = (part: number, whole: number): number | null => (whole > 0 ? Math.round((part * 10000) / whole) / 100 : null);

export function surveyFigures(answers: readonly AnswerFacts[]): SurveyFigures {
  const elements = SURVEY_ELEMENTS.map((element): ElementFigures => {
    const distribution = [0, 0, 0, 0, 0];
    for (const a of answers) {
      const score = a.scores[element];
      if (score !== null && score >= 1 && score <= 5) distribution[score - 1]! += 1;
    }
    const answered = distribution.reduce((x, y) => x + y, 0);
    const satisfied = distribution.slice(SATISFIED_FROM - 1).reduce((x, y) => x + y, 0);
    return { element, answered, satisfied, index: percentOf(satisfied, answered), distribution };
  });
  const indices = elements.flatMap((e) => (e.index === null ? [] : [e.index]));
  const priorities = Object.fromEntries(SURVEY_ELEMENTS.map((e) => [e, answers.filter((a) => a.expectation === e).length])) as Record<RatingElement, number>;
  return {
    answers: answers.length,
    elements,
    overall: indices.length > 0 ? round2(indices.reduce((x, y) => x + y, 0) / indices.length) : null,
    priorities,
  };
}

/** A group's figures: its answers' index, and how they stand to those invited and to the population. */
export function groupFigures(group: { population: number; invited: number; answers: readonly AnswerFacts[] }): GroupFigures {
  return {
    population: group.population,
    invited: group.invited,
    responseRate: percentOf(group.answers.length, group.invited),
    margin: marginOfError(group.answers.length, group.population),
    ...surveyFigures(group.answers),
  };
}
