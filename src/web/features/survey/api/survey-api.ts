/**
 * The province's satisfaction survey (src/http/routes/surveys.ts, issue 23 §6): the public answering page behind its
 * token, the applicant's offer on their dossier page, the rounds, their results and the monthly aggregate in the
 * national portal's DongBoDanhGia shape. The shapes are the contract's (src/contract/survey.ts).
 */
import type { z } from 'zod';
import type {
  DossierSurveyOffer,
  OpenSurveyRoundBody,
  SurveyAnswerBody,
  SurveyAnswerReceipt as SurveyAnswerReceiptSchema,
  SurveyInvitation,
  SurveyInvitationIssued,
  SurveyPopulation,
  SurveyPortalRatings,
  SurveyResults,
  SurveyRound,
  SurveyRoundList,
} from '../../../../contract/survey.js';
import { apiPost } from '../../../shared/api.js';

export type {
  DossierSurveyOffer,
  OpenSurveyRoundBody,
  SurveyAnswerBody,
  SurveyInvitation,
  SurveyPopulation,
  SurveyPortalRatings,
  SurveyResults,
  SurveyRound,
  SurveyRoundList,
};
export type SurveyGroup = SurveyResults['total'];
export type SurveyUnitRow = SurveyResults['units'][number];
export type SurveyElementFigures = SurveyGroup['elements'][number];
export type SurveyInvitationQuestion = SurveyInvitation['questions'][number];
export type SurveyScores = SurveyAnswerBody['scores'];
export type SurveyAnswerReceipt = z.infer<typeof SurveyAnswerReceiptSchema>;

const BASE = '/api/v1/surveys';

/** GET/POST: the invitation of a token (the page /khao-sat/{token}). */
export const invitationPath = (token: string) => `${BASE}/invitations/${encodeURIComponent(token)}`;

/** POST the answer (201); 409 SURVEY_ALREADY_ANSWERED or SURVEY_EXPIRED. */
export function answerSurvey(token: string, body: SurveyAnswerBody): Promise<SurveyAnswerReceipt> {
  return apiPost<SurveyAnswerReceipt>(invitationPath(token), { body });
}

/** GET: the survey offered on the applicant's dossier page. */
export const dossierOfferPath = (dossierId: string) => `${BASE}/dossiers/${encodeURIComponent(dossierId)}`;

/** POST: a fresh token for the dossier's invitation. */
export function openDossierSurvey(dossierId: string): Promise<SurveyInvitationIssued> {
  return apiPost<SurveyInvitationIssued>(`${dossierOfferPath(dossierId)}/invitation`);
}

export const ROUNDS_PATH = `${BASE}/rounds`;

export const roundResultsPath = (id: string) => `${ROUNDS_PATH}/${encodeURIComponent(id)}/results`;

export const monthResultsPath = (month: string) => `${BASE}/results?${new URLSearchParams({ month }).toString()}`;

export const portalRatingsPath = (month: string) => `${BASE}/portal-ratings?${new URLSearchParams({ month }).toString()}`;

export function populationPath(from: string, to: string, units: readonly string[], margin: number): string {
  return `${BASE}/population?${new URLSearchParams({ from, to, units: units.join(','), margin: String(margin) }).toString()}`;
}

/** POST: open a round (201). */
export function openRound(body: OpenSurveyRoundBody): Promise<SurveyRound> {
  return apiPost<SurveyRound>(ROUNDS_PATH, { body });
}

/** POST: close a round. */
export function closeRound(id: string): Promise<SurveyRound> {
  return apiPost<SurveyRound>(`${ROUNDS_PATH}/${encodeURIComponent(id)}/close`);
}
