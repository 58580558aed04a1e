/**
 * Paths and calls of the dossier API (src/http/routes/dossiers.ts), as the back office uses them. The shapes are
 * the contract's (src/contract/dossier.ts, dossier-queue.ts): a change of a route's shape is a type error here.
 */
import type {
  BulkActionBody,
  BulkCommand,
  BulkItem,
  BulkOutcome,
  BulkOutcomes,
  CreateDossierBody,
  CreatedDossier,
  Dossier,
  DossierActionBody,
  DossierActionOutcome,
  DossierComponent,
  ExplanationLine,
  HistoryEntry,
  StepVisit,
  TemplateStep,
  TransferRecipients,
} from '../../../../contract/dossier.js';
import type { DossierQueue, DossierQueueItem, DossierQueueName, DueSoonList } from '../../../../contract/dossier-queue.js';
import { apiPost } from '../../../shared/api.js';

export type {
  BulkCommand,
  BulkItem,
  BulkOutcome,
  BulkOutcomes,
  CreateDossierBody,
  CreatedDossier,
  Dossier,
  DossierComponent,
  HistoryEntry,
  TemplateStep,
  TransferRecipients,
  DueSoonList,
};

export type Queue = DossierQueueName;
/** The work queues, in the order of the back office's tabs. */
export const QUEUES = ['reception', 'result', 'mine', 'unassigned', 'all'] as const satisfies readonly Queue[];

/** One row of GET /api/v1/dossiers?queue=… */
export type QueueItem = DossierQueueItem;
export type QueueResponse = DossierQueue;
export type ExplanationItem = ExplanationLine;
export type StepVisitView = StepVisit;
/** An action as posted: its type, the `seq` it was decided on, and its own fields. */
export type ActionBody = DossierActionBody;
export type ActionOutcome = DossierActionOutcome;

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
export function actOnDossiersInBulk(command: BulkCommand, items: readonly BulkItem[]): Promise<BulkOutcomes> {
  return apiPost<BulkOutcomes>(`${DOSSIERS_PATH}/bulk-actions`, { body: { command, items: [...items] } satisfies BulkActionBody });
}
