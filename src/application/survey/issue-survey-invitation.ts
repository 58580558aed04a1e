/**
 * The applicant opens the survey from their dossier's page (issue 23 §6): a fresh token for the dossier's invitation in
 * the round that offers it, created now when the dossier was not drawn in the sample (source `result`). A token sent
 * earlier by e-mail is replaced, so that one link at a time answers for the dossier. Refused once answered, after the
 * round ended, or when no round offers it.
 */
import { NoResultError } from 'kysely';
import type { RequestMeta } from '../context.js';
import { appendAudit, auditActor } from '../audit/audit-chain.js';
import { fail, ok, type Result } from '../../domain/errors/error-codes.js';
import type { SurveyInvitationIssued } from '../../contract/survey.js';
import { invitationState } from './survey-invitation.js';
import { offerFor } from './dossier-survey-offer.js';
import { newToken, type SurveyDeps } from './survey-store.js';

export async function issueSurveyInvitation(deps: SurveyDeps, input: { id: string; meta: RequestMeta }): Promise<Result<SurveyInvitationIssued>> {
  const found = await offerFor(deps, input);
  if (!found.ok) return found;
  const offer = found.value;
  if (!offer) return fail('SURVEY_NOT_OFFERED');
  const now = deps.clock();
  const state = invitationState({ answered_at: offer.invitation?.answered_at ?? null, status: offer.round.status, answer_by: offer.round.answer_by }, now);
  if (state === 'answered') return fail('SURVEY_ALREADY_ANSWERED');
  if (state === 'expired') return fail('SURVEY_EXPIRED');
  const { token, hash } = newToken();
  const { dossier, round, invitation } = offer;
  try {
    await deps.db.transaction().execute(async (trx) => {
      const id = invitation
        ? (
            await trx
              .updateTable('survey_invitations')
              .set({ token_hash: hash })
              .where('id', '=', invitation.id)
              .where('answered_at', 'is', null)
              .returning('id')
              .executeTakeFirstOrThrow()
          ).id
        : (
            await trx
              .insertInto('survey_invitations')
              .values({
                round_id: round.id,
                dossier_id: dossier.id,
                unit_code: dossier.unit_code,
                procedure_code: dossier.procedure_code,
                returned_at: dossier.returned_at,
                source: 'result',
                token_hash: hash,
                created_at: now,
              })
              .returning('id')
              .executeTakeFirstOrThrow()
          ).id;
      await appendAudit(trx, {
        ...auditActor(input.meta),
        action: 'survey.invitationIssued',
        targetType: 'survey_invitation',
        targetId: id,
        details: { roundId: round.id, dossierId: dossier.id, renewed: invitation !== null },
        at: now,
      });
    });
  } catch (error) {
    // Answered meanwhile (no row left to renew), or opened twice at once (the dossier's invitation is unique): reload.
    if ((error as { code?: string }).code === '23505' || error instanceof NoResultError) return fail('CONFLICT');
    throw error;
  }
  return ok({ token });
}
