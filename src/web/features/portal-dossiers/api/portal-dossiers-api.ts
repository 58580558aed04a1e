/**
 * The citizen's side of the dossier API (src/http/routes/dossiers.ts): online intake, "Hồ sơ của tôi",
 * the applicant's actions, and the public status by code (no personal data).
 */
import type { ComponentForm } from '../../../../domain/catalogue/procedure.js';
import type { ExplanationKind } from '../../../../domain/calendar/working-time.js';
import type { ActionType, DossierStatus } from '../../../../domain/dossier/dossier.js';
import { apiPost } from '../../../shared/api.js';

/** One line of "why this date", in Vietnamese, from the server. */
export interface ExplanationLine {
  kind: ExplanationKind | string;
  /** yyyy-MM-dd */
  date: string;
  text: string;
}

/** One visit of a process step. Instants are ISO strings with +07:00. */
export interface StepView {
  index: number;
  name: string;
  unitCode: string;
  unitName: string;
  interAgency: boolean;
  receivedAt: string;
  dueAt: string;
  handedOverAt: string | null;
  timeliness: string;
  timelinessLabel: string;
}

export interface CurrentStep {
  index: number;
  name: string;
  unitCode: string;
  unitName: string;
}

/** Fields shared by the applicant's view and the public status. */
export interface DossierSummary {
  status: DossierStatus;
  statusLabel: string;
  nationalCode: number;
  seq: number;
  currentStep: CurrentStep | null;
  acceptedAt: string | null;
  dueAt: string | null;
  appointmentAt: string | null;
  finishedAt: string | null;
  returnedAt: string | null;
  timeliness: string | null;
  timelinessLabel: string | null;
  repeatedSupplement: boolean;
  extensions: number;
  explanation: ExplanationLine[];
}

export interface SubmittedComponent {
  code: string;
  name: string;
  form: ComponentForm | string;
  copies: number;
}

export interface ApplicantContact {
  fullName: string;
  personalId: string | null;
  address: string | null;
  phone: string | null;
  email: string | null;
}

export interface HistoryEntry {
  seq: number;
  type: ActionType | string;
  at: string;
  actorRole: string;
  note: string | null;
  /** The papers asked for by a supplement request (empty otherwise). */
  items?: string[];
}

/** GET /api/v1/dossiers/{id} as the applicant sees it. */
export interface DossierDetail extends DossierSummary {
  id: string;
  code: string;
  procedureCode: string;
  procedureName: string;
  procedureVersion: number | null;
  channel: string;
  unitCode: string;
  unitName: string;
  receivingUnitCode: string;
  locationIndependent: boolean;
  applicant: ApplicantContact;
  components: SubmittedComponent[];
  submittedAt: string;
  /** Printed on the receipt; with the code it opens the detail of the public status page. */
  lookupKey: string;
  assigneeId: string | null;
  steps: StepView[];
  availableActions: ActionType[];
  history: HistoryEntry[];
}

/** GET /api/v1/public/dossiers/{code}?key=…: with the lookup key, the public detail; nothing about the applicant. */
export interface PublicDossierStatus extends DossierSummary {
  code: string;
  detail: true;
  procedureCode: string;
  procedureName: string;
  unitName: string;
  submittedAt: string;
  /** Working days since acceptance (or submission) until the result or today. */
  daysWaiting: number;
  steps: StepView[];
}

/** Without the lookup key (or the code alone): the status only. */
export interface PublicDossierBrief {
  code: string;
  detail: false;
  status: DossierStatus;
  statusLabel: string;
}

export type PublicDossierLookup = PublicDossierStatus | PublicDossierBrief;

export interface MyDossierItem {
  id: string;
  code: string;
  procedureCode: string;
  procedureName: string;
  status: DossierStatus;
  statusLabel: string;
  appointmentAt: string | null;
  submittedAt: string;
}

export interface MyDossiersResponse {
  items: MyDossierItem[];
}

/** POST /api/v1/dossiers for an online submission by the logged-in citizen. */
export interface OnlineSubmission {
  procedureCode: string;
  channel: 'online';
  unitCode: string | null;
  /** Name and personal id are taken from the eID account by the server; only the contact fields count. */
  applicant: ApplicantContact;
  components: SubmittedComponent[];
  accept: false;
}

export interface SubmissionReceipt {
  id: string;
  code: string;
  status: string;
}

/** The actions an applicant takes from the web app. */
export type ApplicantAction = { type: 'withdraw'; expectedSeq: number; reason: string } | { type: 'resubmit'; expectedSeq: number };

export interface ActionOutcome {
  id: string;
  seq: number;
  status: string;
  nationalCode: number;
}

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
