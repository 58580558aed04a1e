import { useApiQuery, type ApiQuery } from '../../../shared/hooks/useApiQuery.js';
import { PROCEDURE_FIELDS_PATH, type ProcedureFieldsResponse } from '../api/catalogue-api.js';

/** The fields (lĩnh vực) of the catalogue (public). */
export function useProcedureFields(): ApiQuery<ProcedureFieldsResponse> {
  return useApiQuery<ProcedureFieldsResponse>(PROCEDURE_FIELDS_PATH);
}
