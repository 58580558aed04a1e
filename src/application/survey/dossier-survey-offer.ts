/**
 * The survey offered after a dossier's result (issue 23 §6): on their dossier's page, the applicant who submitted it
 * online is shown "Đánh giá mức độ hài lòng" for the round that covers it: the round in which it was invited (drawn in
 * the sample), or an open round whose units and period hold the dossier's competent unit and its return date. Anyone
 * else who sees the dossier is refused (403); those who do not see it, 404.
 */
import type { RequestMeta } from '../context.js';
import { fail, ok, type Result } from '../../domain/errors/error-codes.js';
import { roundCovers } from '../../domain/survey/survey.js';
import { vietnamDate } from '../../domain/calendar/vietnam-time.js';
import type { DossierSurveyOffer } from '../../contract/survey.js';
import { findVisibleDossier } from '../dossier/visible-dossier.js';
import { reachOf, roundTakesAnswers, type RoundRow, type SurveyDeps } from './survey-store.js';
import { invitationState } from './survey-invitation.js';

export interface Offer {
  dossier: { id: string; unit_code: string; procedure_code: string; returned_at: Date };
  round: RoundRow;
  /** The dossier's invitation, when it has one. */
  invitation: { id: string; answered_at: Date | null } | null;
}

/** The applicant's own dossier and the round that offers it the survey (null: none), or why not. */
export async function offerFor(deps: SurveyDeps, input: { id: string; meta: RequestMeta }): Promise<Result<Offer | null>> {
  const visible = await findVisibleDossier(deps, input.id, input.meta);
  if (!visible.ok) return visible;
  if (!visible.value.relation.isApplicant) return fail('FORBIDDEN_ROLE');
  const dossier = await deps.db
    .selectFrom('dossiers')
    .select(['id', 'unit_code', 'procedure_code', 'returned_at'])
    .where('id', '=', input.id)
    .executeTakeFirstOrThrow();
  const invited = await deps.db
    .selectFrom('survey_invitations as i')
    .innerJoin('survey_rounds as r', 'r.id', 'i.round_id')
    .selectAll('r')
    .select(['i.id as invitation_id', 'i.answered_at'])
    .where('i.dossier_id', '=', dossier.id)
    .executeTakeFirst();
  if (invited) {
    const { invitation_id, answered_at, ...round } = invited;
    return ok({ dossier: { ...dossier, returned_at: dossier.returned_at! }, round, invitation: { id: invitation_id, answered_at } });
  }
  if (dossier.returned_at === null) return ok(null);
  const day = vietnamDate(dossier.returned_at);
  const now = deps.clock();
  const tree = deps.units.tree();
  const open = await deps.db
    .selectFrom('survey_rounds')
    .selectAll()
    .where('status', '=', 'open')
    .where('period_from', '<=', day)
    .where('period_to', '>=', day)
    .orderBy('opened_at')
    .execute();
  const round = open.find((r) => roundTakesAnswers(r, now) && roundCovers(reachOf(r), dossier.unit_code, day, tree));
  return ok(round ? { dossier: { ...dossier, returned_at: dossier.returned_at }, round, invitation: null } : null);
}

export async function getDossierSurveyOffer(deps: SurveyDeps, input: { id: string; meta: RequestMeta }): Promise<Result<DossierSurveyOffer>> {
  const found = await offerFor(deps, input);
  if (!found.ok) return found;
  const offer = found.value;
  if (!offer) return ok({ offer: null });
  const state = invitationState(
    { answered_at: offer.invitation?.answered_at ?? null, status: offer.round.status, answer_by: offer.round.answer_by },
    deps.clock(),
  );
  return ok({ offer: { roundName: offer.round.name, state, answerBy: offer.round.answer_by } });
}
