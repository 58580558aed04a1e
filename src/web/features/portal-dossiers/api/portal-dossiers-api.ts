/**
 * The citizen's side of the dossier API (src/http/routes/dossiers.ts): online intake, "Hồ sơ của tôi",
 * the applicant's actions, and the public status by code (no personal data). The shapes are the contract's
 * (src/contract/dossier.ts, dossier-queue.ts): a change of a route's shape is a type error here.
 */
import type {
  CreateDossierBody,
  CreatedDossier,
  Dossier,
  DossierActionOf,
  DossierActionOutcome,
  DossierApplicant,
  DossierComponent,
  DossierSummary,
  ExplanationLine,
  HistoryEntry,
  PublicDossierBrief,
  PublicDossierLookup,
  PublicDossierStatus,
  StepVisit,
} from '../../../../contract/dossier.js';
import type { MyDossierItem, MyDossierList } from '../../../../contract/dossier-queue.js';
import { apiPost } from '../../../shared/api.js';

export type { DossierSummary, ExplanationLine, HistoryEntry, MyDossierItem, PublicDossierBrief, PublicDossierLookup, PublicDossierStatus };

/** One visit of a process step. Instants are ISO strings with +07:00. */
export type StepView = StepVisit;
export type CurrentStep = NonNullable<DossierSummary['currentStep']>;
export type SubmittedComponent = DossierComponent;
export type ApplicantContact = DossierApplicant;
/** GET /api/v1/dossiers/{id} as the applicant sees it. */
export type DossierDetail = Dossier;
export type MyDossiersResponse = MyDossierList;
/**
 * POST /api/v1/dossiers for an online submission by the logged-in citizen (channel 'online', accept false):
 * name and personal id are taken from the eID account by the server; only the contact fields count.
 */
export type OnlineSubmission = CreateDossierBody;
export type SubmissionReceipt = CreatedDossier;
/** The actions an applicant takes from the web app. */
export type ApplicantAction = DossierActionOf<'withdraw' | 'resubmit'>;
export type ActionOutcome = DossierActionOutcome;

export const MY_DOSSIERS_PATH = '/api/v1/me/dossiers';
const DOSSIERS_PATH = '/api/v1/dossiers';

export function dossierPath(id: string): string {
  return `${DOSSIERS_PATH}/${encodeURIComponent(id)}`;
}

export function publicDossierPath(code: string, lookupKey?: string | null): string {
  return `/api/v1/public/dossiers/${encodeURIComponent(code)}${lookupKey ? `?key=${encodeURIComponent(lookupKey)}` : ''}`;
}

export function submitOnline(submission: OnlineSubmission): Promise<SubmissionReceipt> {
  return apiPost<SubmissionReceipt>(DOSSIERS_PATH, { body: submission });
}

export function actOnDossier(id: string, action: ApplicantAction): Promise<ActionOutcome> {
  return apiPost<ActionOutcome>(`${dossierPath(id)}/actions`, { body: action });
}
