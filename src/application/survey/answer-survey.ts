/**
 * Answering an invitation (issue 23 §6), once: the token opens it; the invitation is locked, an answer already given is
 * refused (SURVEY_ALREADY_ANSWERED), as is one after the round closed or its date passed (SURVEY_EXPIRED); the scores
 * are checked against the round's questions. The answer keeps the unit and procedure, not the person; the audit
 * record names the invitation, not the scores' author.
 */
import type { z } from 'zod';
import type { RequestMeta } from '../context.js';
import { appendAudit } from '../audit/audit-chain.js';
import { fail, ok, type Result } from '../../domain/errors/error-codes.js';
import { checkSurveyAnswer, type SurveyQuestion } from '../../domain/survey/survey.js';
import { vietnamIso } from '../../domain/calendar/vietnam-time.js';
import type { SurveyAnswerBody } from '../../contract/survey.js';
import { invitationByToken, invitationState } from './survey-invitation.js';
import { jsonOf, type SurveyDeps } from './survey-store.js';

export async function answerSurvey(
  deps: SurveyDeps,
  input: { token: string; body: z.output<typeof SurveyAnswerBody>; meta: RequestMeta },
): Promise<Result<{ answeredAt: string }>> {
  const { body } = input;
  const now = deps.clock();
  return deps.db.transaction().execute(async (trx): Promise<Result<{ answeredAt: string }>> => {
    const row = await invitationByToken({ ...deps, db: trx }, input.token)
      .forUpdate(['i'])
      .executeTakeFirst();
    if (!row) return fail('SURVEY_INVITATION_NOT_FOUND');
    const state = invitationState(row, now);
    if (state === 'answered') return fail('SURVEY_ALREADY_ANSWERED');
    if (state === 'expired') return fail('SURVEY_EXPIRED');
    const problems = checkSurveyAnswer(jsonOf<SurveyQuestion[]>(row.questions), body.scores);
    if (problems.length > 0) return fail('SURVEY_ANSWER_INVALID', problems);
    await trx
      .insertInto('survey_answers')
      .values({
        invitation_id: row.id,
        round_id: row.round_id,
        unit_code: row.unit_code,
        procedure_code: row.procedure_code,
        score_access: body.scores.access,
        score_procedure: body.scores.procedure,
        score_official: body.scores.official,
        score_result: body.scores.result,
        score_feedback: body.scores.feedback,
        expectation: body.expectation,
        comment: body.comment,
        answered_at: now,
      })
      .execute();
    await trx.updateTable('survey_invitations').set({ answered_at: now }).where('id', '=', row.id).execute();
    // Answers keep the unit and the procedure, never the person: no actor, no address in the record; the comment stays
    // out too (it may name people).
    await appendAudit(trx, {
      actorId: null,
      actorRole: null,
      actorUnit: null,
      ip: null,
      requestId: input.meta.requestId,
      action: 'survey.answered',
      targetType: 'survey_invitation',
      targetId: row.id,
      details: { roundId: row.round_id, unitCode: row.unit_code, commented: body.comment !== null },
      at: now,
    });
    return ok({ answeredAt: vietnamIso(now) });
  });
}
