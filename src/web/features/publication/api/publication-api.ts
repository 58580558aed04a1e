/**
 * Publication decisions, legal documents and the publication watchdog (capability catalogue.manage).
 * The shapes are the server's contract (src/contract/publication.ts, src/contract/procedure.ts).
 */
import type { ProcedureDetail } from '../../../../contract/procedure.js';
import type {
  DecisionCreated,
  DecisionDeleted,
  DecisionInput,
  DecisionItemKind,
  DecisionPublished,
  LegalDocumentCreated,
  LegalDocumentInput,
} from '../../../../contract/publication.js';
import { apiGet, apiPost, apiRequest } from '../../../shared/api.js';

export type {
  DecisionDetail,
  DecisionInput,
  DecisionItem,
  DecisionItemKind,
  DecisionList as DecisionListResponse,
  DecisionSummary,
  LegalDocument,
  LegalDocumentInput,
  LegalDocumentList as LegalDocumentsResponse,
  Problem,
  WatchdogReport as WatchdogResponse,
} from '../../../../contract/publication.js';
export type { ProcedureDetail as ProcedureDetailResponse, ProcedureFields as ProcedureFieldsResponse } from '../../../../contract/procedure.js';

/** The item kinds in the order the form offers them (the contract's enum; the browser does not load zod). */
export const DECISION_KINDS = ['new', 'amended', 'replaced', 'abolished'] as const satisfies readonly DecisionItemKind[];

export type DecisionStatus = DecisionCreated['status'] | DecisionPublished['status'];

export const WATCHDOG_PATH = '/api/v1/catalogue/watchdog';
export const DECISIONS_PATH = '/api/v1/publication-decisions';
export const LEGAL_DOCUMENTS_PATH = '/api/v1/legal-documents';
export const PROCEDURE_FIELDS_PATH = '/api/v1/procedure-fields';

export function decisionPath(id: string): string {
  return `${DECISIONS_PATH}/${encodeURIComponent(id)}`;
}

export function procedurePath(code: string): string {
  return `/api/v1/procedures/${encodeURIComponent(code)}`;
}

export function createDecision(input: DecisionInput): Promise<DecisionCreated> {
  return apiPost(DECISIONS_PATH, { body: input });
}

/** 200, or an ApiError: 422 PUBLICATION_BLOCKED with details [{ path, message }], 409 when no longer a draft. */
export function publishDecision(id: string): Promise<DecisionPublished> {
  return apiPost(`${decisionPath(id)}/publish`);
}

export function deleteDecision(id: string): Promise<DecisionDeleted> {
  return apiRequest('DELETE', decisionPath(id));
}

export function addLegalDocument(input: LegalDocumentInput): Promise<LegalDocumentCreated> {
  return apiPost(LEGAL_DOCUMENTS_PATH, { body: input });
}

export function fetchProcedure(code: string, signal?: AbortSignal): Promise<ProcedureDetail> {
  return apiGet(procedurePath(code), signal ? { signal } : {});
}
