/** Shapes and paths of the dossier API (src/http/routes/dossiers.ts), as the back office uses them. */
import type { Channel, StepRole } from '../../../../domain/catalogue/procedure.js';
import type { ExplanationKind } from '../../../../domain/calendar/working-time.js';
import type { ActionType, DossierStatus } from '../../../../domain/dossier/dossier.js';
import { apiPost } from '../../../shared/api.js';

export const QUEUES = ['reception', 'result', 'mine', 'unassigned', 'all'] as const;
export type Queue = (typeof QUEUES)[number];

/** One row of GET /api/v1/dossiers?queue=… (instants are ISO with +07:00). */
export interface QueueItem {
  id: string;
  code: string;
  procedureCode: string;
  procedureName: string;
  status: DossierStatus;
  statusLabel: string;
  channel: string;
  stepName: string | null;
  assigned: boolean;
  stepDueAt: string | null;
  dueAt: string | null;
  appointmentAt: string | null;
  overdue: boolean;
  /** The one judgement now (early, onTime, late, lateWithApology, notDue, overdue); null before a due date. */
  timeliness: string | null;
  submittedAt: string;
  /** Sent back as `expectedSeq`. */
  seq: number;
  /** What this official may do on it now (the same rule as the dossier page). */
  availableActions: ActionType[];
}

export interface QueueResponse {
  queue: Queue;
  items: QueueItem[];
}

export interface ExplanationItem {
  kind: ExplanationKind | string;
  /** yyyy-MM-dd */
  date: string;
  text: string;
}

/** A visit of a step: when the dossier reached it, its deadline, and when it left. */
export interface StepVisitView {
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

export interface TemplateStep {
  index: number;
  name: string;
  role: StepRole;
  unitCode: string;
  interAgency: boolean;
  budgetMinutes: number;
}

export interface Applicant {
  fullName: string;
  personalId: string | null;
  address: string | null;
  phone: string | null;
  email: string | null;
}

export interface DossierComponent {
  code: string;
  name: string;
  form: string;
  copies: number;
}

export interface HistoryEntry {
  seq: number;
  type: string;
  at: string;
  actorRole: string;
  note: string | null;
}

/** GET /api/v1/dossiers/{id} */
export interface Dossier {
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
  applicant: Applicant;
  components: DossierComponent[];
  submittedAt: string;
  status: DossierStatus;
  statusLabel: string;
  nationalCode: number;
  /** The optimistic-concurrency token: sent back as `expectedSeq`. */
  seq: number;
  currentStep: { index: number; name: string; unitCode: string; unitName: string } | null;
  acceptedAt: string | null;
  /** Hạn giải quyết: the legal due date, never moved by an apology. */
  dueAt: string | null;
  /** Ngày hẹn trả: the due date, or the new date of an apology. */
  appointmentAt: string | null;
  finishedAt: string | null;
  returnedAt: string | null;
  timeliness: string | null;
  timelinessLabel: string | null;
  repeatedSupplement: boolean;
  extensions: number;
  explanation: ExplanationItem[];
  assigneeId: string | null;
  steps: StepVisitView[];
  template: TemplateStep[];
  availableActions: ActionType[];
  history: HistoryEntry[];
}

export interface CreateDossierBody {
  procedureCode: string;
  channel: 'counter' | 'postal';
  unitCode: string | null;
  applicant: Applicant;
  components: DossierComponent[];
  /** Accepted at once (every mandatory component received), or not: then `receptionSupplement` is set. */
  accept: boolean;
  /** Received incomplete: a supplement request on form 02 (no clock) listing what is missing. */
  receptionSupplement?: { reason: string; items: string[] };
}

export interface CreatedDossier {
  id: string;
  code: string;
  status: string;
}

/** An action as posted: its type, the `seq` it was decided on, and its own fields. */
export type ActionBody = { type: ActionType; expectedSeq: number } & Record<string, unknown>;

export interface ActionOutcome {
  id: string;
  seq: number;
  status: string;
  nationalCode: number;
}

/** The commands POST /api/v1/dossiers/bulk-actions takes, with their one set of fields for every dossier. */
export type BulkCommand = { type: 'claim' } | { type: 'approve'; note: string | null } | { type: 'returnResult'; method: Channel };

export interface BulkItem {
  id: string;
  expectedSeq: number;
}

/** What became of one dossier of a bulk action. */
export type BulkOutcome = { id: string; ok: true; seq: number; status: DossierStatus } | { id: string; ok: false; code: string; message: string };

export const DOSSIERS_PATH = '/api/v1/dossiers';

export function queuePath(queue: Queue, limit = 200): string {
  return `${DOSSIERS_PATH}?queue=${queue}&limit=${limit}`;
}

export function dossierPath(id: string): string {
  return `${DOSSIERS_PATH}/${encodeURIComponent(id)}`;
}

/** The back-office page of a dossier. */
export function dossierPagePath(id: string): string {
  return `/can-bo/ho-so/${encodeURIComponent(id)}`;
}

/** GET /api/v1/dossiers/{id}/transfer-recipients?toStep=…: who may receive the dossier at that step. */
export interface TransferRecipients {
  toStep: number;
  unitCode: string;
  role: string;
  officials: { id: string; fullName: string; username: string }[];
}

export function transferRecipientsPath(id: string, toStep: number): string {
  return `${dossierPath(id)}/transfer-recipients?toStep=${toStep}`;
}

export function createDossier(body: CreateDossierBody): Promise<CreatedDossier> {
  return apiPost<CreatedDossier>(DOSSIERS_PATH, { body });
}

export function actOnDossier(id: string, body: ActionBody): Promise<ActionOutcome> {
  return apiPost<ActionOutcome>(`${dossierPath(id)}/actions`, { body });
}

/** One command on many dossiers, each in its own transaction; 200 with one outcome per dossier, in order. */
export function actOnDossiersInBulk(command: BulkCommand, items: readonly BulkItem[]): Promise<{ items: BulkOutcome[] }> {
  return apiPost<{ items: BulkOutcome[] }>(`${DOSSIERS_PATH}/bulk-actions`, { body: { command, items } });
}
