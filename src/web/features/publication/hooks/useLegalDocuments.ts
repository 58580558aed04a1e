import { useApiQuery, type ApiQuery } from '../../../shared/hooks/useApiQuery.js';
import { LEGAL_DOCUMENTS_PATH, PROCEDURE_FIELDS_PATH, type LegalDocumentsResponse, type ProcedureFieldsResponse } from '../api/publication-api.js';

/** The legal documents a decision may cite (and whose effective dates the watchdog follows). */
export function useLegalDocuments(): ApiQuery<LegalDocumentsResponse> {
  return useApiQuery<LegalDocumentsResponse>(LEGAL_DOCUMENTS_PATH);
}

/** The field codes (lĩnh vực) a procedure record may use. */
export function useProcedureFields(): ApiQuery<ProcedureFieldsResponse> {
  return useApiQuery<ProcedureFieldsResponse>(PROCEDURE_FIELDS_PATH);
}
