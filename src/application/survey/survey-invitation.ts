/**
 * The public answering page's invitation (issue 23 §6): found by its token (the only credential; no login), with the
 * round's questions, the unit and procedure it is about, and whether it may still be answered: `answered` once it was,
 * `expired` once the round closed or its answering date passed. Nothing about the applicant is shown.
 */
import type { AppDeps } from '../context.js';
import { fail, ok, type Result } from '../../domain/errors/error-codes.js';
import { RATING_ELEMENTS, SURVEY_SCALE, type SurveyQuestion } from '../../domain/survey/survey.js';
import { vietnamDate } from '../../domain/calendar/vietnam-time.js';
import type { SurveyInvitation } from '../../contract/survey.js';
import { jsonOf, procedureName, roundTakesAnswers, tokenHash, type SurveyDeps } from './survey-store.js';

export type InvitationState = SurveyInvitation['state'];

/** The invitation of a token with its round, as the answering page and the answer read it. */
export function invitationByToken(deps: AppDeps, token: string) {
  return deps.db
    .selectFrom('survey_invitations as i')
    .innerJoin('survey_rounds as r', 'r.id', 'i.round_id')
    .select(['i.id', 'i.round_id', 'i.unit_code', 'i.procedure_code', 'i.returned_at', 'i.answered_at', 'r.name', 'r.questions', 'r.status', 'r.answer_by'])
    .where('i.token_hash', '=', tokenHash(token));
}

export const invitationState = (row: { answered_at: Date | null; status: 'open' | 'closed'; answer_by: string }, now: Date): InvitationState =>
  row.answered_at ? 'answered' : roundTakesAnswers(row, now) ? 'open' : 'expired';

export async function getSurveyInvitation(deps: SurveyDeps, input: { token: string }): Promise<Result<SurveyInvitation>> {
  const row = await invitationByToken(deps, input.token).executeTakeFirst();
  if (!row) return fail('SURVEY_INVITATION_NOT_FOUND');
  const tree = deps.units.tree();
  return ok({
    state: invitationState(row, deps.clock()),
    roundName: row.name,
    unitName: tree.find(row.unit_code)?.name ?? row.unit_code,
    procedureName: procedureName(deps, row.procedure_code),
    returnedOn: vietnamDate(row.returned_at),
    answerBy: row.answer_by,
    questions: jsonOf<SurveyQuestion[]>(row.questions).map((q) => ({ ...q, label: RATING_ELEMENTS[q.element] })),
    scale: SURVEY_SCALE.map((s) => ({ ...s })),
  });
}
