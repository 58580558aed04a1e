/**
 * What the survey's results share (issue 23 §6): invitations and answers tallied per unit (the dossier's competent
 * unit), and the figures per unit and in total as the API shows them (the index and the margin of error are
 * domain/survey/survey-index.ts's).
 */
import type { Kysely, RawBuilder, SqlBool } from 'kysely';
import type { DB } from '../../infrastructure/db/schema.js';
import type { UnitTree } from '../../domain/units/unit.js';
import { groupFigures, type AnswerFacts, type GroupFigures } from '../../domain/survey/survey-index.js';
import { RATING_ELEMENTS } from '../../domain/survey/survey.js';
import type { SurveyGroupFigures, SurveyResults } from '../../contract/survey.js';

export interface UnitGroup {
  population: number;
  invited: number;
  answers: AnswerFacts[];
}

type AnswerRow = {
  unit_code: string;
  score_access: number;
  score_procedure: number;
  score_official: number;
  score_result: number;
  score_feedback: number | null;
  expectation: AnswerFacts['expectation'];
};

export const answerFacts = (r: Omit<AnswerRow, 'unit_code'>): AnswerFacts => ({
  scores: { access: r.score_access, procedure: r.score_procedure, official: r.score_official, result: r.score_result, feedback: r.score_feedback },
  expectation: r.expectation,
});

/** The columns of an answer's scores, on `survey_answers as a`. */
export const SCORE_COLUMNS = ['a.score_access', 'a.score_procedure', 'a.score_official', 'a.score_result', 'a.score_feedback'] as const;

const wire = (f: GroupFigures): SurveyGroupFigures => ({
  ...f,
  elements: f.elements.map((e) => ({ ...e, label: RATING_ELEMENTS[e.element] })),
});

export function assemble(head: Pick<SurveyResults, 'kind' | 'title' | 'from' | 'to'>, groups: Map<string, UnitGroup>, tree: UnitTree): SurveyResults {
  const units = [...groups.entries()]
    .map(([unitCode, g]) => ({ unitCode, unitName: tree.find(unitCode)?.name ?? unitCode, ...wire(groupFigures(g)) }))
    .sort((a, b) => a.unitName.localeCompare(b.unitName, 'vi'));
  const all = [...groups.values()];
  const total = groupFigures({
    population: all.reduce((n, g) => n + g.population, 0),
    invited: all.reduce((n, g) => n + g.invited, 0),
    answers: all.flatMap((g) => g.answers),
  });
  return { ...head, total: wire(total), units };
}

export const groupOf = (groups: Map<string, UnitGroup>, unitCode: string): UnitGroup => {
  let g = groups.get(unitCode);
  if (!g) groups.set(unitCode, (g = { population: 0, invited: 0, answers: [] }));
  return g;
};

/** Invitations per unit, and their answers, of the invitations the condition on `survey_invitations as i` keeps. */
export async function tally(db: Kysely<DB>, keep: RawBuilder<SqlBool>, within: (unitCode: string) => boolean): Promise<Map<string, UnitGroup>> {
  const invited = await db
    .selectFrom('survey_invitations as i')
    .select((eb) => ['i.unit_code', eb.fn.countAll<string>().as('n')])
    .where(keep)
    .groupBy('i.unit_code')
    .execute();
  const answers: AnswerRow[] = await db
    .selectFrom('survey_invitations as i')
    .innerJoin('survey_answers as a', 'a.invitation_id', 'i.id')
    .select(['a.unit_code', ...SCORE_COLUMNS, 'a.expectation'])
    .where(keep)
    .execute();
  const groups = new Map<string, UnitGroup>();
  for (const r of invited) if (within(r.unit_code)) groupOf(groups, r.unit_code).invited = Number(r.n);
  for (const r of answers) if (within(r.unit_code)) groupOf(groups, r.unit_code).answers.push(answerFacts(r));
  return groups;
}
