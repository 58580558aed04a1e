/** Publication decisions, legal documents and the publication watchdog (capability catalogue.manage). */
import type { ProcedureRecord } from '../../../../domain/catalogue/procedure.js';
import type { LateDecision, MissingDecision, PublicationDelay } from '../../../../domain/catalogue/watchdog.js';
import { apiGet, apiPost, apiRequest } from '../../../shared/api.js';

/** GET /api/v1/catalogue/watchdog */
export interface WatchdogResponse {
  /** yyyy-MM-dd in Vietnam. */
  today: string;
  lateDecisions: LateDecision[];
  publicationDelays: PublicationDelay[];
  missingDecisions: MissingDecision[];
}

export const DECISION_KINDS = ['new', 'amended', 'replaced', 'abolished'] as const;
export type DecisionItemKind = (typeof DECISION_KINDS)[number];

export type DecisionStatus = 'draft' | 'published';

/** GET /api/v1/publication-decisions, as the server's contract says (src/contract/catalogue.ts). */
export type { DecisionSummary, DecisionList as DecisionListResponse } from '../../../../contract/catalogue.js';

/** A problem blocking publication: `path` like "items.0.record.components". */
export interface Problem {
  path: string;
  message: string;
}

export interface DecisionItem {
  kind: DecisionItemKind;
  procedureCode: string;
  replacesCode: string | null;
  effectiveFrom: string;
  legalDocumentNumber: string | null;
  record: ProcedureRecord | null;
}

/** GET /api/v1/publication-decisions/{id} */
export interface DecisionDetail {
  id: string;
  number: string;
  issuedOn: string;
  signer: string;
  unitCode: string;
  status: string;
  publishedAt: string | null;
  items: DecisionItem[];
  /** What still blocks publication (drafts only; empty for a published decision). */
  problems: Problem[];
}

export interface DecisionInput {
  number: string;
  issuedOn: string;
  signer: string;
  unitCode: string;
  items: DecisionItem[];
}

export interface LegalDocumentInput {
  number: string;
  title: string;
  issuer: string;
  issuedOn: string;
  effectiveFrom: string;
}

export interface LegalDocument extends LegalDocumentInput {
  id: string;
  /** How many publication decisions refer to it. */
  decisions: number;
}

export interface LegalDocumentsResponse {
  documents: LegalDocument[];
}

/** GET /api/v1/procedures/{code}: the record in force with two display fields that are not part of it. */
export type ProcedureDetailResponse = ProcedureRecord & { fieldName: string | null; versionInfo: unknown };

export interface ProcedureFieldsResponse {
  fields: { code: string; name: string }[];
}

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

export function createDecision(input: DecisionInput): Promise<{ id: string; status: 'draft'; problems: Problem[] }> {
  return apiPost(DECISIONS_PATH, { body: input });
}

/** 200, or an ApiError: 422 PUBLICATION_BLOCKED with details [{ path, message }], 409 when no longer a draft. */
export function publishDecision(id: string): Promise<{ id: string; status: 'published'; items: number }> {
  return apiPost(`${decisionPath(id)}/publish`);
}

export function deleteDecision(id: string): Promise<{ id: string }> {
  return apiRequest('DELETE', decisionPath(id));
}

export function addLegalDocument(input: LegalDocumentInput): Promise<LegalDocumentInput & { id: string }> {
  return apiPost(LEGAL_DOCUMENTS_PATH, { body: input });
}

export function fetchProcedure(code: string, signal?: AbortSignal): Promise<ProcedureDetailResponse> {
  return apiGet(procedurePath(code), signal ? { signal } : {});
}
