/**
 * The province's register of legal documents (src/http/routes/legal-documents.ts, issue 23 item 8): the register with
 * its overdue reviews, a document, entering and correcting one, reviews and links, the year's figures. The shapes are
 * the contract's (src/contract/legal-documents.ts).
 */
import type {
  EditLegalDocumentBody,
  LegalDocumentDetail,
  LegalDocumentOutcome,
  LegalFigures,
  LegalRegister,
  LinkLegalDocumentBody,
  RecordReviewBody,
  RegisterLegalDocumentBody,
} from '../../../../contract/legal-documents.js';
import { apiPost, apiRequest } from '../../../shared/api.js';

export type { EditLegalDocumentBody, LegalDocumentDetail, LegalFigures, LegalRegister, RegisterLegalDocumentBody };
export type LegalDocumentRow = LegalRegister['items'][number];
export type LegalStatus = LegalDocumentRow['status'];

export const REGISTER_PATH = '/api/v1/legal-register';
export const documentPath = (id: string) => `${REGISTER_PATH}/${encodeURIComponent(id)}`;
export const figuresPath = (year: number) => `${REGISTER_PATH}/figures?year=${year}`;

export const registerLegalDocument = (body: RegisterLegalDocumentBody) => apiPost<LegalDocumentOutcome>(REGISTER_PATH, { body });
export const editLegalDocument = (id: string, body: EditLegalDocumentBody) => apiRequest<LegalDocumentOutcome>('PATCH', documentPath(id), { body });
export const recordLegalReview = (id: string, body: RecordReviewBody) => apiPost<LegalDocumentOutcome>(`${documentPath(id)}/reviews`, { body });
export const linkLegalDocuments = (id: string, body: LinkLegalDocumentBody) => apiPost<LegalDocumentOutcome>(`${documentPath(id)}/links`, { body });
